// A problem in words: its catalog message (`pb_<code>`) with its parameters, a nested problem said first.
import type { Problem } from './problem';

/** A catalog lookup as the pages have it (chrome.i18n: `$1`… substitutions) or the command line builds it. */
export type MessageLookup = (key: string, substitutions: string[]) => string;

export const problemKey = (code: string) => `pb_${code.replace(/-/g, '_')}`;

export function problemText(p: Problem, message: MessageLookup): string {
  const params = (p.params ?? []).map((x) => (typeof x === 'string' ? x : problemText(x, message)));
  return message(problemKey(p.code), params);
}
