// Reads a response body up to a byte cap and stops there: a 2 GB "image" costs the cap, not the download.

export type CappedRead = { ok: true; bytes: Uint8Array } | { ok: false; read: number };

/**
 * The whole of `body` when it holds at most `maxBytes`; otherwise the stream is cancelled as soon as a chunk
 * goes past the cap (`read`: how much came in by then). A stream error (a reset connection) is thrown.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<CappedRead> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Cancelling tells the fetch to stop reading from the network (and, over HTTP/1.1, to drop the connection).
        await reader.cancel().catch(() => {});
        return { ok: false, read: total };
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  if (chunks.length === 1) return { ok: true, bytes: chunks[0]! };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes };
}
