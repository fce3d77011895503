// Collecting an article's images: lazy attributes, srcset (w and x), <picture>, relative URLs, pixels, icons, duplicates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { collectImages } from '../../utils/media/collect-images';
import { scanTags, serializeStartTag } from '../../utils/media/html-tags';
import { skipReason } from '../../utils/media/image-filter';
import { mediaMatches } from '../../utils/media/image-source';
import { parseSrcset, pickCandidate } from '../../utils/media/srcset';
import { cleanBody } from '../../utils/extract/clean-body';

const PAGE = 'https://news.example.cn/2022/01/09/a.html';
const fixture = readFileSync(join(import.meta.dirname, '../fixtures/media/lazy-article.html'), 'utf8');

describe('collectImages', () => {
  it('lists each picture of the fixture once, in order, at a sensible size, resolved against the page', () => {
    const { images } = collectImages(fixture, PAGE);
    expect(images.map((i) => i.url)).toEqual([
      'https://news.example.cn/img/2022/lazy-1.jpg', // data-src over a data: placeholder
      'https://cdn.example.cn/photo/orig-2.jpg', // data-original over grey.gif; protocol-relative
      'https://news.example.cn/2022/01/09/photo/rel-3.png', // relative to the page
      'https://img.example.cn/w/1600/4.jpg', // smallest w at least 1200, not 3200
      'https://news.example.cn/5@2x.jpg', // 2x, not 3x
      'https://news.example.cn/6-1280.webp', // the picture source that applies and can be stored
      'https://cdn.example.cn/img,w_1200/7.jpg', // a comma inside a srcset URL
      'https://news.example.cn/charts/gdp-2021.svg', // an SVG chart is a picture
      'https://cdn2.example.com/protocol-relative.jpg',
      'https://news.example.cn/9-1200.jpg', // data-srcset over a data: srcset
      'https://news.example.cn/q.jpg?a=1&b=2', // &amp; decoded
    ]);
    expect(images.every((i) => !i.lead)).toBe(true);
  });

  it('says why it skipped pixels, trackers, icons, inline and non-http images; escaped and commented tags are text', () => {
    const { skipped } = collectImages(fixture, PAGE);
    expect(skipped).toEqual([
      { url: 'https://stat.example.cn/c.gif?u=1', reason: 'pixel' },
      { url: 'https://hm.baidu.com/hm.gif?si=abc', reason: 'tracker' },
      { url: 'https://news.example.cn/static/icons/share-weibo.png', reason: 'icon' },
      { url: 'https://news.example.cn/ui/logo-arrow.svg', reason: 'icon' },
      { url: expect.stringMatching(/^data:image\/png;base64,/), reason: 'inline' },
      { url: 'javascript:alert(1)', reason: 'not-http' },
    ]);
    expect(skipped[4]!.url.length).toBeLessThanOrEqual(64);
    const all = JSON.stringify(collectImages(fixture, PAGE));
    expect(all).not.toContain('not-an-image');
    expect(all).not.toContain('commented-out');
  });

  it('adds the lead image after the body, or marks the body picture that is the lead', () => {
    const extra = collectImages(fixture, PAGE, { leadImage: '/og/lead.jpg' });
    expect(extra.images.at(-1)).toEqual({ url: 'https://news.example.cn/og/lead.jpg', lead: true });
    const inBody = collectImages(fixture, PAGE, { leadImage: 'https://news.example.cn/5@2x.jpg#x' });
    expect(inBody.images).toHaveLength(11);
    expect(inBody.images.filter((i) => i.lead).map((i) => i.url)).toEqual(['https://news.example.cn/5@2x.jpg']);
    expect(collectImages('', PAGE, { leadImage: 'https://www.google-analytics.com/collect?v=1' })).toEqual({
      images: [], skipped: [{ url: 'https://www.google-analytics.com/collect?v=1', reason: 'tracker' }],
    });
  });

  it('keeps declared sizes, and an address seen as a pixel then at full size is a picture', () => {
    const html = '<img src="/a.jpg" width="1" height="1"><img src="/a.jpg" width="640" height="480"><img src="/b.jpg" width="100%">';
    expect(collectImages(html, PAGE)).toEqual({
      images: [{ url: 'https://news.example.cn/a.jpg', lead: false, width: 640, height: 480 }, { url: 'https://news.example.cn/b.jpg', lead: false }],
      skipped: [],
    });
  });

  it('reads http: pages protocol-relative as http:, and ignores <source> of video and tags inside raw text', () => {
    const html = '<video><source src="/v.mp4"><source srcset="/v.jpg"></video><textarea><img src="/t.jpg"></textarea><img src=//x.example/u.jpg>';
    expect(collectImages(html, 'http://a.example/p').images.map((i) => i.url)).toEqual(['http://x.example/u.jpg']);
  });

  it('collects what the stored body (clean-body.ts output) holds', () => {
    const doc = new JSDOM(`<div>${fixture}</div>`).window.document;
    const stored = cleanBody(doc.querySelector('div')!, PAGE).html;
    const { images } = collectImages(stored, PAGE);
    // clean-body already resolved lazy images and URLs; it keeps only src, so srcsets arrive as one address.
    expect(images.map((i) => i.url)).toContain('https://news.example.cn/img/2022/lazy-1.jpg');
    expect(images.map((i) => i.url)).toContain('https://cdn.example.cn/photo/orig-2.jpg');
    expect(images.every((i) => /^https:\/\//.test(i.url))).toBe(true);
  });
});

describe('srcset', () => {
  it('parses w and x descriptors, commas in URLs, and leaves out broken candidates', () => {
    expect(parseSrcset(' a.jpg 1x, b.jpg 2x,c.jpg')).toEqual([{ url: 'a.jpg', density: 1 }, { url: 'b.jpg', density: 2 }, { url: 'c.jpg' }]);
    expect(parseSrcset('/i,w_100/a.jpg 100w, /i,w_200/a.jpg 200w')).toEqual([{ url: '/i,w_100/a.jpg', width: 100 }, { url: '/i,w_200/a.jpg', width: 200 }]);
    expect(parseSrcset('a.jpg 100w 2x, b.jpg 0w, c.jpg foo, d.jpg 300w 200h, e.jpg,')).toEqual([{ url: 'd.jpg', width: 300 }, { url: 'e.jpg' }]);
    expect(parseSrcset('')).toEqual([]);
  });

  it('picks the smallest width at least the target, else the widest; 2x, else the densest below', () => {
    const w = parseSrcset('s 320w, m 800w, l 1280w, xl 2560w');
    expect(pickCandidate(w)?.url).toBe('l');
    expect(pickCandidate(w, 3000)?.url).toBe('xl');
    expect(pickCandidate(w, 100)?.url).toBe('s');
    expect(pickCandidate(parseSrcset('a 1x, b 1.5x, c 3x'))?.url).toBe('b');
    expect(pickCandidate(parseSrcset('c 3x, d 4x'))?.url).toBe('c');
    expect(pickCandidate(parseSrcset('a, b 2x'))?.url).toBe('b');
    expect(pickCandidate([])).toBeNull();
  });

  it('evaluates the media queries pictures use at the target width', () => {
    expect(mediaMatches(null, 1200)).toBe(true);
    expect(mediaMatches('(min-width: 800px)', 1200)).toBe(true);
    expect(mediaMatches('(max-width: 600px)', 1200)).toBe(false);
    expect(mediaMatches('screen and (min-width: 40em)', 1200)).toBe(true);
    expect(mediaMatches('(orientation: portrait)', 1200)).toBe(false);
  });
});

describe('skipReason', () => {
  it('tells pixels, trackers and icons from pictures', () => {
    expect(skipReason('https://a.example/p.jpg', { width: 2, height: 400 })).toBe('pixel');
    expect(skipReason('https://a.example/spacer.gif')).toBe('pixel');
    expect(skipReason('https://a.example/1x1.png?x')).toBe('pixel');
    expect(skipReason('https://a.example/stats/count.php?id=1')).toBe('tracker');
    expect(skipReason('https://www.facebook.com/tr?id=1')).toBe('tracker');
    expect(skipReason('https://facebook.com/trip/photo.jpg')).toBeNull();
    expect(skipReason('https://s.w.org/images/core/emoji/14.0.0/72x72/1f600.png')).toBe('icon');
    expect(skipReason('https://a.example/favicon.ico')).toBe('icon');
    expect(skipReason('https://a.example/chart.svg', { width: 48 })).toBe('icon');
    expect(skipReason('https://a.example/news/2022/0109/stat-bureau-photo.jpg')).toBeNull();
    expect(skipReason('https://a.example/photo.jpg', { width: 32, height: 600 })).toBeNull();
    expect(skipReason('ftp://a.example/photo.jpg')).toBe('not-http');
  });
});

describe('scanTags', () => {
  const value = fc.string({ unit: fc.constantFrom('a', 'Z', '&', '"', "'", '<', '>', '=', ' ', '/', '\u00a0', ';', '#', '中', '\u{1F600}', 'amp;', '&lt;') });
  const name = fc.constantFrom('src', 'alt', 'title', 'data-src', 'srcset', 'width', 'data-x');

  it('reads the attributes a DOM serialized exactly as the DOM holds them', () => {
    const win = new JSDOM('').window;
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, value), { selector: (t) => t[0], maxLength: 5 }), fc.string(), (attrs, text) => {
        const p = win.document.createElement('p');
        p.append(text);
        const img = win.document.createElement('img');
        for (const [n, v] of attrs) img.setAttribute(n, v);
        p.append(img, text);
        const tags = [...scanTags(p.outerHTML)];
        const found = tags.find((t) => t.name === 'img')!;
        expect(found.attrs.map((a) => [a.name, a.value])).toEqual(attrs);
        // And a tag written back from those attributes parses to the same values.
        const holder = win.document.createElement('div');
        holder.innerHTML = serializeStartTag('img', found.attrs);
        const again = holder.querySelector('img')!;
        expect(Array.from(again.attributes).map((a) => [a.name, a.value])).toEqual(attrs);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary input and finds only tags that start with a letter', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', '!', '-', '?', 'i', 'm', 'g', ' ', '"', "'", '=', 'x') }), (s) => {
        for (const t of scanTags(s)) expect(t.name).toMatch(/^[a-z]/);
      }),
      { numRuns: 500 },
    );
  });
});
