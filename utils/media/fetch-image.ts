// Fetches one image with the caller's `fetch`: capped, checked to be an image by its bytes, sized and hashed.
//
// Which `fetch` it is decides what it can reach (the page's own in the extract script, the extension's with a host
// permission, Node's in the command line), so the caller passes it, with the referrer that context can send.
import { sha256Hex } from './content-hash';
import { readCapped } from './read-capped';
import { IMAGE_TYPES, imageSize, sniffImageType, type ImageType } from './sniff-image';

/** A stored picture: what the `media` table holds, keyed by `hash`. */
export interface StoredImage {
  /** Lower-case hex SHA-256 of `bytes`. */
  hash: string;
  type: ImageType;
  bytes: Uint8Array;
  /** `bytes.byteLength` */
  size: number;
  width?: number;
  height?: number;
  /** The address it was fetched from (before any redirect): the original to link to. */
  url: string;
}

/**
 * `too-large`: over the per-image cap (by Content-Length, or cut off while reading); `not-image`: the bytes are no
 * image type we keep (an HTML error page served as 200); `http-status`: not 2xx (`status` says which); `network`:
 * the request failed (offline, reset, timed out, or a CORS refusal, which fetch cannot tell apart); `blocked`: not
 * requested (not http(s), refused by the caller's `allow`) or the answer is opaque (a `no-cors` fetch).
 */
export type FetchFailureCode = 'too-large' | 'not-image' | 'http-status' | 'network' | 'blocked';

export type FetchImageResult =
  | { ok: true; media: StoredImage }
  | { ok: false; url: string; code: FetchFailureCode; status?: number };

/**
 * What the request says it came from, for CDNs that refuse hot-linking by Referer.
 * - `'none'`: no Referer at all (`referrerPolicy: 'no-referrer'`). Most anti-hot-link checks let an empty Referer
 *   through (a typed-in address has none), and the image host learns nothing of what the user reads.
 * - `'default'`: whatever the fetching context sends by itself.
 * - `{ page }`: the article's page, through fetch's own `referrer` option with policy `unsafe-url`. A browser only
 *   honours it when the fetch runs in that page's origin (the extract script's `window.fetch` or
 *   `content.fetch`); from an extension page or the service worker it is replaced by the client's own.
 * - `{ header }`: a literal `Referer` request header: for Node's fetch (the command line). Browsers drop it silently
 *   (a forbidden header name), so it cannot leak the page from an extension context.
 */
export type ReferrerChoice = 'none' | 'default' | { page: string } | { header: string };

export interface FetchImageOptions {
  fetch: typeof fetch;
  /** Per-image cap in bytes: a larger body is not read past it. */
  maxBytes: number;
  referrer?: ReferrerChoice;
  /** Cookies: `omit` by default (an image needs none; with them a CORS answer of `*` is refused). */
  credentials?: RequestCredentials;
  /** `cors` by default: a `no-cors` answer is opaque and its bytes cannot be read (`blocked`). */
  mode?: RequestMode;
  signal?: AbortSignal;
  /** Gives up (`network`) when headers and body together take longer: a stalled host must not hold a save open. */
  timeoutMs?: number;
  /** Checked before any request (e.g. a host permission the user has granted); false gives `blocked`. */
  allow?: (url: URL) => boolean;
  /** The types to keep (default: all six); another type is `not-image`. */
  types?: readonly ImageType[];
  /** The content hash (default: SHA-256 through Web Crypto). */
  hash?: (bytes: Uint8Array) => Promise<string>;
}

function requestInit(options: FetchImageOptions): RequestInit {
  const init: RequestInit = { credentials: options.credentials ?? 'omit', mode: options.mode ?? 'cors', redirect: 'follow' };
  const signals = [options.signal, options.timeoutMs !== undefined ? AbortSignal.timeout(options.timeoutMs) : undefined].filter((x) => x !== undefined);
  if (signals.length) init.signal = signals.length === 1 ? signals[0] : AbortSignal.any(signals);
  const r = options.referrer ?? 'none';
  if (r === 'none') init.referrerPolicy = 'no-referrer';
  else if (r === 'default') {
    // the context's own
  } else if ('page' in r) {
    init.referrer = r.page;
    init.referrerPolicy = 'unsafe-url';
  } else init.headers = { Referer: r.header };
  return init;
}

/** Fetches `url` (absolute) and returns it as a stored image, or the reason it is not one, as a code. */
export async function fetchImage(url: string, options: FetchImageOptions): Promise<FetchImageResult> {
  const fail = (code: FetchFailureCode, status?: number): FetchImageResult => (status === undefined ? { ok: false, url, code } : { ok: false, url, code, status });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('blocked');
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || (options.allow && !options.allow(parsed))) return fail('blocked');
  let response: Response;
  try {
    response = await options.fetch(parsed.href, requestInit(options));
  } catch {
    return fail('network');
  }
  if (response.type === 'opaque' || response.type === 'opaqueredirect') return fail('blocked');
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return fail('http-status', response.status);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    return fail('too-large');
  }
  let bytes: Uint8Array;
  try {
    const read = await readCapped(response.body, options.maxBytes);
    if (!read.ok) return fail('too-large');
    bytes = read.bytes;
  } catch {
    return fail('network');
  }
  const type = sniffImageType(bytes);
  if (!type || !(options.types ?? IMAGE_TYPES).includes(type)) return fail('not-image');
  const media: StoredImage = { hash: await (options.hash ?? sha256Hex)(bytes), type, bytes, size: bytes.byteLength, url };
  const size = imageSize(bytes, type);
  if (size) {
    media.width = size.width;
    media.height = size.height;
  }
  return { ok: true, media };
}
