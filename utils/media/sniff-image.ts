// What an image's bytes are (JPEG, PNG, GIF, WebP, AVIF, SVG) and, where its header says so cheaply, its size.
//
// The bytes decide, never the Content-Type: a CDN's error page comes back as `200 image/png` with HTML in it, and
// a picture served as `application/octet-stream` is still a picture.

export type ImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/svg+xml';

export const IMAGE_TYPES: readonly ImageType[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml'];

const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));
const be16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const be32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const le16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const le24 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

/** An ISO-BMFF `ftyp` box naming AVIF as its major or a compatible brand. */
function isAvif(b: Uint8Array): boolean {
  if (b.length < 16 || ascii(b, 4, 4) !== 'ftyp') return false;
  const size = Math.min(be32(b, 0), b.length);
  const brands = [ascii(b, 8, 4)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(b, at, 4));
  return brands.some((x) => x === 'avif' || x === 'avis');
}

/**
 * An SVG document: after a BOM, white space, an XML declaration, comments and a non-HTML doctype, the root
 * element is `<svg` (or a prefixed `<x:svg`). An HTML page that merely holds an `<svg>` is not one.
 */
function isSvg(b: Uint8Array): boolean {
  let text = new TextDecoder('utf-8').decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '');
  for (let guard = 0; guard < 64; guard++) {
    text = text.replace(/^\s+/, '');
    if (text.startsWith('<?')) {
      const end = text.indexOf('?>');
      if (end < 0) return false;
      text = text.slice(end + 2);
    } else if (text.startsWith('<!--')) {
      const end = text.indexOf('-->');
      if (end < 0) return false;
      text = text.slice(end + 3);
    } else if (/^<!doctype/i.test(text)) {
      if (/^<!doctype\s+html/i.test(text)) return false;
      const subset = text.indexOf('[');
      const close = text.indexOf('>');
      const end = subset >= 0 && subset < close ? text.indexOf(']>', subset) + 1 : close;
      if (end <= 0) return false;
      text = text.slice(end + 1);
    } else {
      return /^<(?:[A-Za-z_][\w.-]*:)?svg[\s>/]/.test(text);
    }
  }
  return false;
}

/** The image type the bytes are, or null (HTML, JSON, text, a video, an unknown format). */
export function sniffImageType(b: Uint8Array): ImageType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'image/png';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'image/gif';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp';
  if (isAvif(b)) return 'image/avif';
  if (isSvg(b)) return 'image/svg+xml';
  return null;
}

export interface ImageSize {
  width: number;
  height: number;
}

/** JPEG: the first start-of-frame marker's size, walking the segments (SOF may follow large EXIF blocks). */
function jpegSize(b: Uint8Array): ImageSize | null {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data before any frame
    const len = be16(b, at + 2);
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof) return at + 9 <= b.length ? { height: be16(b, at + 5), width: be16(b, at + 7) } : null;
    if (len < 2) return null;
    at += 2 + len;
  }
  return null;
}

/** WebP: simple lossy (VP8), lossless (VP8L) or extended (VP8X) header. */
function webpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 30) return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') return { width: le24(b, 24) + 1, height: le24(b, 27) + 1 };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
  }
  return null;
}

/** The pixel size a header states (PNG IHDR, JPEG SOF, GIF screen, WebP); null for AVIF and SVG or a cut header. */
export function imageSize(b: Uint8Array, type: ImageType): ImageSize | null {
  let size: ImageSize | null = null;
  if (type === 'image/png' && b.length >= 24 && ascii(b, 12, 4) === 'IHDR') size = { width: be32(b, 16), height: be32(b, 20) };
  else if (type === 'image/gif' && b.length >= 10) size = { width: le16(b, 6), height: le16(b, 8) };
  else if (type === 'image/jpeg') size = jpegSize(b);
  else if (type === 'image/webp') size = webpSize(b);
  return size && size.width > 0 && size.height > 0 ? size : null;
}
