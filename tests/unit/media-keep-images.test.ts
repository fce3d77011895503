// keepImages: one media per distinct content, caps per image and per article in the article's order, bounded
// concurrency, referrers tried in turn on a refusal, every drop with its code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepImageList, keepImages } from '../../utils/media/keep-images';
import type { CollectedImage } from '../../utils/media/collect-images';

const JPEG = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/media/photo-40x30.jpg')));
const PNG = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/media/photo-40x30.png')));
const PAGE = 'https://news.example.cn/a.html';

/** A JPEG of `n` bytes (the fixture's header, padded): distinct per `seed`. */
function jpegOf(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  b.set(JPEG.subarray(0, Math.min(n, 200)));
  b[n - 1] = seed & 0xff;
  b[n - 2] = (seed >> 8) & 0xff;
  return b;
}

interface Served {
  status?: number;
  body?: Uint8Array;
  /** Only answered with this Referer (else 403). */
  referer?: string;
  delay?: number;
}

/** A fetch over a table of URLs, recording requests and how many ran at once. */
function fakeFetch(table: Record<string, Served>) {
  const log: { url: string; referrer?: string; header?: string; policy?: string }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const header = (init?.headers as Record<string, string> | undefined)?.Referer;
    log.push({ url, referrer: init?.referrer, header, policy: init?.referrerPolicy });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const s = table[url];
      await new Promise((r) => setTimeout(r, s?.delay ?? 1));
      if (!s) throw new TypeError('fetch failed');
      const sent = header ?? (init?.referrerPolicy === 'no-referrer' ? undefined : init?.referrer);
      if (s.referer && sent !== s.referer) return new Response('refused', { status: 403 });
      return new Response((s.body ?? null) as BodyInit | null, { status: s.status ?? 200 });
    } finally {
      inFlight--;
    }
  }) as typeof fetch;
  return { fetch: f, log, maxInFlight: () => maxInFlight };
}

const list = (...urls: string[]): CollectedImage[] => urls.map((url) => ({ url, lead: false }));

describe('keepImages', () => {
  it('stores two URLs with the same bytes once and maps both to it', async () => {
    const html = '<img src="/a.jpg"><img src="https://cdn.example.cn/a-copy.jpg"><img src="/b.png"><img src="/a.jpg">';
    const { fetch, log } = fakeFetch({
      'https://news.example.cn/a.jpg': { body: JPEG },
      'https://cdn.example.cn/a-copy.jpg': { body: JPEG },
      'https://news.example.cn/b.png': { body: PNG },
    });
    const kept = await keepImages(html, PAGE, { fetch });
    expect(kept.media.map((m) => [m.url, m.type, m.size])).toEqual([
      ['https://news.example.cn/a.jpg', 'image/jpeg', JPEG.byteLength],
      ['https://news.example.cn/b.png', 'image/png', PNG.byteLength],
    ]);
    expect(kept.hashes).toEqual({
      'https://news.example.cn/a.jpg': kept.media[0]!.hash,
      'https://cdn.example.cn/a-copy.jpg': kept.media[0]!.hash,
      'https://news.example.cn/b.png': kept.media[1]!.hash,
    });
    expect(kept.bytes).toBe(JPEG.byteLength + PNG.byteLength);
    expect(kept.dropped).toEqual([]);
    expect(log).toHaveLength(3);
  });

  it('lists every drop with its code: status, not an image, too large, network; skipped pictures too', async () => {
    const html = '<img src="/404.jpg"><img src="/html.png"><img src="/big.jpg"><img src="/gone.jpg"><img src="/px.gif" width="1" height="1">';
    const { fetch } = fakeFetch({
      'https://news.example.cn/404.jpg': { status: 404 },
      'https://news.example.cn/html.png': { body: new TextEncoder().encode('<html>error</html>') },
      'https://news.example.cn/big.jpg': { body: jpegOf(5000, 1) },
      'https://news.example.cn/og.jpg': { status: 500 },
    });
    const kept = await keepImages(html, PAGE, { fetch, maxImageBytes: 4000, leadImage: '/og.jpg' });
    expect(kept.media).toEqual([]);
    expect(kept.dropped).toEqual([
      { url: 'https://news.example.cn/404.jpg', code: 'http-status', status: 404, lead: false },
      { url: 'https://news.example.cn/html.png', code: 'not-image', lead: false },
      { url: 'https://news.example.cn/big.jpg', code: 'too-large', lead: false },
      { url: 'https://news.example.cn/gone.jpg', code: 'network', lead: false },
      { url: 'https://news.example.cn/og.jpg', code: 'http-status', status: 500, lead: true },
    ]);
    expect(kept.skipped).toEqual([{ url: 'https://news.example.cn/px.gif', reason: 'pixel' }]);
  });

  it('keeps the first pictures within the article cap and does not fetch past it', async () => {
    const urls = Array.from({ length: 10 }, (_, i) => `https://img.example.cn/${i}.jpg`);
    const { fetch, log } = fakeFetch(Object.fromEntries(urls.map((u, i) => [u, { body: jpegOf(3000, i) }])));
    const kept = await keepImageList(list(...urls), { fetch, maxArticleBytes: 10_000, minRoomBytes: 2000, concurrency: 1 });
    expect(kept.media.map((m) => m.url)).toEqual(urls.slice(0, 3));
    expect(kept.bytes).toBe(9000);
    // 1 000 bytes of room left is under minRoomBytes: nothing else is requested.
    expect(kept.dropped.map((d) => [d.url, d.code])).toEqual(urls.slice(3).map((u) => [u, 'article-cap']));
    expect(log.map((l) => l.url)).toEqual(urls.slice(0, 3));
  });

  it('a later small picture still fits after a big one overflowed the cap', async () => {
    const { fetch } = fakeFetch({
      'https://i.example/a.jpg': { body: jpegOf(6000, 1) },
      'https://i.example/b.jpg': { body: jpegOf(6000, 2) },
      'https://i.example/c.jpg': { body: jpegOf(1000, 3) },
    });
    const kept = await keepImageList(list('https://i.example/a.jpg', 'https://i.example/b.jpg', 'https://i.example/c.jpg'), { fetch, maxArticleBytes: 8000, minRoomBytes: 500, concurrency: 1 });
    // b is cut off at the 2 000 bytes of room left, and c (1 000) still fits.
    expect(kept.media.map((m) => m.url)).toEqual(['https://i.example/a.jpg', 'https://i.example/c.jpg']);
    expect(kept.dropped).toEqual([{ url: 'https://i.example/b.jpg', code: 'article-cap', lead: false }]);
  });

  it('the per-image cap never exceeds the article cap', async () => {
    const { fetch } = fakeFetch({ 'https://i.example/a.jpg': { body: jpegOf(3000, 1) } });
    const kept = await keepImageList(list('https://i.example/a.jpg'), { fetch, maxArticleBytes: 2000, maxImageBytes: 8e6 });
    expect(kept.dropped).toEqual([{ url: 'https://i.example/a.jpg', code: 'too-large', lead: false }]);
  });

  it('runs at most `concurrency` requests at once (default 4)', async () => {
    const urls = Array.from({ length: 20 }, (_, i) => `https://i.example/${i}.jpg`);
    const table = Object.fromEntries(urls.map((u, i) => [u, { body: jpegOf(500, i), delay: 5 + (i % 3) * 5 }]));
    const a = fakeFetch(table);
    expect((await keepImageList(list(...urls), { fetch: a.fetch })).media).toHaveLength(20);
    expect(a.maxInFlight()).toBe(4);
    const b = fakeFetch(table);
    await keepImageList(list(...urls), { fetch: b.fetch, concurrency: 2 });
    expect(b.maxInFlight()).toBe(2);
  });

  it('tries the next referrer when the image host refuses (4xx), not after a network failure', async () => {
    const { fetch, log } = fakeFetch({ 'https://mmbiz.example/p.jpg': { body: JPEG, referer: PAGE } });
    const kept = await keepImageList(list('https://mmbiz.example/p.jpg', 'https://down.example/q.jpg'), { fetch, referrers: ['none', { page: PAGE }] });
    expect(kept.media.map((m) => m.url)).toEqual(['https://mmbiz.example/p.jpg']);
    expect(log.filter((l) => l.url.includes('mmbiz')).map((l) => [l.policy, l.referrer ?? null])).toEqual([['no-referrer', null], ['unsafe-url', PAGE]]);
    expect(log.filter((l) => l.url.includes('down'))).toHaveLength(1);
  });

  it('whatever the sizes and order, kept bytes stay within the cap and every image is kept or dropped once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ size: fc.integer({ min: 100, max: 4000 }), same: fc.integer({ min: 0, max: 5 }) }), { maxLength: 12 }), fc.integer({ min: 1, max: 6 }), async (specs, concurrency) => {
        const urls = specs.map((_, i) => `https://i.example/${i}.jpg`);
        // `same` picks one of six contents, so some URLs share their bytes.
        const bodies = Array.from({ length: 6 }, (_, k) => jpegOf(specs.find((s) => s.same === k)?.size ?? 100, k));
        const { fetch } = fakeFetch(Object.fromEntries(urls.map((u, i) => [u, { body: bodies[specs[i]!.same]!, delay: (i * 7) % 4 }])));
        const kept = await keepImageList(list(...urls), { fetch, maxArticleBytes: 6000, minRoomBytes: 0, concurrency });
        expect(kept.bytes).toBeLessThanOrEqual(6000);
        expect(kept.bytes).toBe(kept.media.reduce((n, m) => n + m.size, 0));
        expect(new Set(kept.media.map((m) => m.hash)).size).toBe(kept.media.length);
        const accounted = [...Object.keys(kept.hashes), ...kept.dropped.map((d) => d.url)].sort();
        expect(accounted).toEqual([...urls].sort());
      }),
      { numRuns: 60 },
    );
  });
});
