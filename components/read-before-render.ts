// Lets a page start its first database read before its first render, without waiting on it for long.

// A database held up (an upgrade running in another tab) must not keep the page blank.
const FIRST_READ_WAIT_MS = 300;

/** `read`'s result, or undefined if it fails or takes longer than the wait: the page renders either way. */
export function readBeforeRender<T>(read: Promise<T>): Promise<T | undefined> {
  const waited = new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_READ_WAIT_MS, undefined));
  return Promise.race([read.catch((): undefined => undefined), waited]);
}
