// The key an image is stored under: the SHA-256 of its bytes, so two addresses serving the same picture store it once.

/** Lower-case hex SHA-256 of `bytes`, through Web Crypto (the page, the service worker and Node all have it). */
export async function sha256Hex(bytes: Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
