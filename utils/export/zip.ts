// A streamed zip (fflate's Zip): each post is deflated as it is added and its bytes handed on, so no whole archive sits in memory twice.
import { Zip, deflateSync, type ZipInputFile } from 'fflate';

export interface ZipWriter {
  add(path: string, text: string): void;
  /** Resolves once the central directory has been handed on. */
  end(): Promise<void>;
}

const encoder = new TextEncoder();

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * `onChunk` gets the archive's bytes in order; keep them (Blob parts) or write them out (a file stream).
 * Each post is deflated in one call rather than through fflate's ZipDeflate stream: a post is a few KB, and the
 * stream's per-file set-up cost more than the compression itself (0.6 ms against 0.26 ms a post).
 */
export function createZipWriter(onChunk: (chunk: Uint8Array) => void, mtime: Date = new Date()): ZipWriter {
  let failure: Error | null = null;
  let finish: (() => void) | null = null;
  let fail: ((err: Error) => void) | null = null;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      failure = err;
      fail!(err);
      return;
    }
    if (chunk.length) onChunk(chunk);
    if (final) finish!();
  });
  return {
    add(path, text) {
      if (failure) throw failure;
      const data = encoder.encode(text);
      const file: ZipInputFile = { filename: path, size: data.length, crc: crc32(data), compression: 8, mtime };
      zip.add(file);
      file.ondata!(null, deflateSync(data, { level: 6 }), true);
    },
    end() {
      zip.end();
      return done;
    },
  };
}
