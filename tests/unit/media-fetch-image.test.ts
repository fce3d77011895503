// fetchImage against a real HTTP server on 127.0.0.1: real small images, an HTML "image", a 404, a huge body cut at
// the cap (counting what the server sent), a Referer check, redirects, resets; plus sniffing and header sizes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchImage, type FetchImageOptions } from '../../utils/media/fetch-image';
import { imageSize, sniffImageType } from '../../utils/media/sniff-image';
import { sha256Hex } from '../../utils/media/content-hash';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/media', name)));
const PNG = fixture('photo-40x30.png');
const JPEG = fixture('photo-40x30.jpg');
const GIF = fixture('photo-3x2.gif');
const WEBP_X = fixture('photo-40x30.webp');
const WEBP_LOSSY = fixture('photo-40x30-vp8.webp');
const WEBP_LOSSLESS = fixture('photo-40x30-vp8l.webp');
const SVG = new TextEncoder().encode('<?xml version="1.0"?>\n<!-- chart -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
/** An ISO-BMFF ftyp box as AVIF files begin (the header is all the sniffing reads). */
const AVIF = new Uint8Array([0, 0, 0, 0x1c, ...new TextEncoder().encode('ftypavif'), 0, 0, 0, 0, ...new TextEncoder().encode('avifmif1miaf'), 0, 0, 0, 0]);
const HTML_PAGE = new TextEncoder().encode('<!DOCTYPE html><html><head><title>404</title></head><body><svg></svg>此图片来自微信公众平台 未经允许不可引用</body></html>');
const PAGE = 'https://mp.example.cn/s/article.html';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const HUGE = 256 * 1024 * 1024;
const CAP = 1024 * 1024;
let base = '';
let server: http.Server;
const counts = new Map<string, number>();
let hugeSent = 0;
let lastReferer: string | undefined;
let lastCookie: string | undefined;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    lastReferer = req.headers.referer;
    lastCookie = req.headers.cookie;
    const send = (type: string, body: Uint8Array, status = 200) => {
      res.writeHead(status, { 'content-type': type, 'content-length': body.byteLength });
      res.end(body);
    };
    switch (path) {
      case '/photo.png': return send('image/png', PNG);
      case '/photo.jpg': return send('image/jpeg', JPEG);
      case '/photo.gif': return send('image/gif', GIF);
      case '/photo.webp': return send('image/webp', WEBP_X);
      case '/lossy.webp': return send('image/webp', WEBP_LOSSY);
      case '/lossless.webp': return send('image/webp', WEBP_LOSSLESS);
      case '/chart.svg': return send('image/svg+xml', SVG);
      case '/photo.avif': return send('image/avif', AVIF);
      case '/octet': return send('application/octet-stream', JPEG);
      case '/error-page.png': return send('image/png', HTML_PAGE);
      case '/missing.jpg': return send('text/html', HTML_PAGE, 404);
      case '/stall':
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        res.write(JPEG.subarray(0, 100));
        return; // the rest never comes
      case '/redirect': res.writeHead(302, { location: '/photo.png' }); return res.end();
      case '/hotlink.jpg':
        // Like an image CDN that refuses every page but its own (and lets a missing Referer through only when asked).
        if (req.headers.referer === PAGE) return send('image/jpeg', JPEG);
        return send('text/plain', new TextEncoder().encode('hot-linking refused'), 403);
      case '/declared-huge':
        res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': HUGE });
        res.write(JPEG);
        return; // never ends: the client must not wait for it
      case '/reset':
        res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': JPEG.byteLength * 4 });
        res.write(JPEG.subarray(0, 100));
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      case '/huge': {
        // No Content-Length: the cap can only be kept by reading, and the reading must stop.
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        const chunk = new Uint8Array(64 * 1024).fill(0xab);
        chunk.set(JPEG.subarray(0, 200));
        const pump = () => {
          while (hugeSent < HUGE && !res.destroyed) {
            hugeSent += chunk.byteLength;
            if (!res.write(chunk)) return void res.once('drain', pump);
            chunk.set(new Uint8Array(200).fill(0xab));
          }
          if (!res.destroyed) res.end();
        };
        res.on('close', () => res.destroy());
        return pump();
      }
      default: return send('text/plain', new Uint8Array(0), 404);
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const opts = (extra: Partial<FetchImageOptions> = {}): FetchImageOptions => ({ fetch, maxBytes: CAP, ...extra });

describe('fetchImage', () => {
  it.each([
    ['/photo.png', PNG, 'image/png', 40, 30],
    ['/photo.jpg', JPEG, 'image/jpeg', 40, 30],
    ['/photo.gif', GIF, 'image/gif', 3, 2],
    ['/photo.webp', WEBP_X, 'image/webp', 40, 30],
    ['/lossy.webp', WEBP_LOSSY, 'image/webp', 40, 30],
    ['/lossless.webp', WEBP_LOSSLESS, 'image/webp', 40, 30],
    ['/chart.svg', SVG, 'image/svg+xml', undefined, undefined],
    ['/photo.avif', AVIF, 'image/avif', undefined, undefined],
    ['/octet', JPEG, 'image/jpeg', 40, 30],
  ] as const)('keeps %s by its bytes: type, size, SHA-256', async (path, bytes, type, width, height) => {
    const r = await fetchImage(base + path, opts());
    expect(r).toEqual({ ok: true, media: { hash: sha(bytes), type, bytes, size: bytes.byteLength, url: base + path, ...(width ? { width, height } : {}) } });
  });

  it('refuses an HTML page served as image/png, and a 404 by its status', async () => {
    expect(await fetchImage(`${base}/error-page.png`, opts())).toEqual({ ok: false, url: `${base}/error-page.png`, code: 'not-image' });
    expect(await fetchImage(`${base}/missing.jpg`, opts())).toEqual({ ok: false, url: `${base}/missing.jpg`, code: 'http-status', status: 404 });
  });

  it('stops reading a huge body at the cap instead of downloading it', async () => {
    hugeSent = 0;
    const r = await fetchImage(`${base}/huge`, opts());
    expect(r).toEqual({ ok: false, url: `${base}/huge`, code: 'too-large' });
    await new Promise((res) => setTimeout(res, 100));
    // What the server got into its socket: the cap plus what kernel and client buffers held, not 256 MB.
    expect(hugeSent).toBeGreaterThan(CAP);
    expect(hugeSent).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const r = await fetchImage(`${base}/declared-huge`, opts());
    expect(r).toEqual({ ok: false, url: `${base}/declared-huge`, code: 'too-large' });
  });

  it('keeps a body of exactly the cap, refuses one byte less of cap', async () => {
    expect((await fetchImage(`${base}/photo.jpg`, opts({ maxBytes: JPEG.byteLength }))).ok).toBe(true);
    expect(await fetchImage(`${base}/photo.jpg`, opts({ maxBytes: JPEG.byteLength - 1 }))).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('sends the page as Referer only when asked, by fetch option or header, and no cookies', async () => {
    const url = `${base}/hotlink.jpg`;
    expect(await fetchImage(url, opts())).toEqual({ ok: false, url, code: 'http-status', status: 403 });
    expect(lastReferer).toBeUndefined();
    expect(await fetchImage(url, opts({ referrer: { header: PAGE } }))).toMatchObject({ ok: true, media: { type: 'image/jpeg', width: 40 } });
    expect(lastReferer).toBe(PAGE);
    // fetch's own referrer option (what an extract script in the page uses): Node's fetch honours it too.
    expect(await fetchImage(url, opts({ referrer: { page: PAGE } }))).toMatchObject({ ok: true });
    expect(lastReferer).toBe(PAGE);
    expect(await fetchImage(url, opts({ referrer: { page: 'https://other.example/' } }))).toMatchObject({ ok: false, status: 403 });
    expect(lastReferer).toBe('https://other.example/');
    expect(lastCookie).toBeUndefined();
  });

  it('follows a redirect and records the address it was asked for', async () => {
    expect(await fetchImage(`${base}/redirect`, opts())).toMatchObject({ ok: true, media: { url: `${base}/redirect`, hash: sha(PNG) } });
  });

  it('gives network for a refused connection, a reset mid-body, a stalled body past the timeout and an abort', async () => {
    const closed = http.createServer();
    closed.listen(0, '127.0.0.1');
    await new Promise((r) => closed.once('listening', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await fetchImage(`http://127.0.0.1:${port}/x.jpg`, opts())).toMatchObject({ ok: false, code: 'network' });
    expect(await fetchImage(`${base}/reset`, opts())).toMatchObject({ ok: false, code: 'network' });
    const t0 = Date.now();
    expect(await fetchImage(`${base}/stall`, opts({ timeoutMs: 300 }))).toMatchObject({ ok: false, code: 'network' });
    expect(Date.now() - t0).toBeLessThan(5000);
    const abort = new AbortController();
    abort.abort();
    expect(await fetchImage(`${base}/photo.png`, opts({ signal: abort.signal }))).toMatchObject({ ok: false, code: 'network' });
  });

  it('blocks without a request: not http(s), or refused by the caller (no host permission)', async () => {
    const before = counts.get('/photo.png') ?? 0;
    expect(await fetchImage(`${base}/photo.png`, opts({ allow: (u) => u.hostname !== '127.0.0.1' }))).toEqual({ ok: false, url: `${base}/photo.png`, code: 'blocked' });
    expect(counts.get('/photo.png') ?? 0).toBe(before);
    expect(await fetchImage('data:image/png;base64,iVBORw0KGgo=', opts())).toMatchObject({ ok: false, code: 'blocked' });
    expect(await fetchImage('not a url', opts())).toMatchObject({ ok: false, code: 'blocked' });
  });

  it('gives blocked for an opaque (no-cors) answer, whose bytes no one can read', async () => {
    const opaque = (async () => ({ type: 'opaque', ok: false, status: 0, headers: new Headers(), body: null }) as unknown as Response) as typeof fetch;
    expect(await fetchImage(`${base}/photo.png`, opts({ fetch: opaque }))).toMatchObject({ ok: false, code: 'blocked' });
  });

  it('keeps only the types asked for', async () => {
    expect(await fetchImage(`${base}/chart.svg`, opts({ types: ['image/png', 'image/jpeg'] }))).toMatchObject({ ok: false, code: 'not-image' });
  });
});

describe('sniffImageType and imageSize', () => {
  it('tells images from HTML, text and SVG-holding HTML', () => {
    const t = (s: string) => sniffImageType(new TextEncoder().encode(s));
    expect(t('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBe('image/svg+xml');
    expect(t('\uFEFF  <svg:svg xmlns:svg="http://www.w3.org/2000/svg"></svg:svg>')).toBe('image/svg+xml');
    expect(t('<!DOCTYPE svg [ <!ENTITY x "y"> ]><svg></svg>')).toBe('image/svg+xml');
    expect(t('<!DOCTYPE html><svg></svg>')).toBeNull();
    expect(t('<html><svg></svg></html>')).toBeNull();
    expect(t('{"error":"not found"}')).toBeNull();
    expect(t('')).toBeNull();
    expect(sniffImageType(new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypmp42')]))).toBeNull();
  });

  it('reads no size from a cut header', () => {
    expect(imageSize(PNG.subarray(0, 20), 'image/png')).toBeNull();
    expect(imageSize(JPEG.subarray(0, 30), 'image/jpeg')).toBeNull();
    expect(imageSize(WEBP_LOSSY.subarray(0, 20), 'image/webp')).toBeNull();
  });

  it('hashes with Web Crypto as node:crypto does', async () => {
    expect(await sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex(JPEG)).toBe(sha(JPEG));
  });
});
