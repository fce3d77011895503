// The export side: image paths (pattern, dates, Hugo's static/, baseurl, relative), and bodies rewritten to point at
// the kept copies, byte-identical when nothing is kept, a picture not kept left as its original link.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_CONFIG } from '../../utils/export/export-config';
import { createRenderer } from '../../utils/export/export-post';
import { DEFAULT_IMAGE_PATTERN, imageLocation, imageLocator, imagePatternProblem, type ImageSite } from '../../utils/media/image-paths';
import { rewriteImages } from '../../utils/media/rewrite-images';
import { collectImages } from '../../utils/media/collect-images';
import type { ImageType } from '../../utils/media/sniff-image';
import { fixtures } from '../golden/presets/fixtures';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);
const PAGE = 'https://news.example.cn/2022/01/09/a.html';
const DATED = { publishedAt: '2022-01-01T07:00:00+08:00', savedAt: '2026-11-20T01:02:03.000Z' };
const JEKYLL: ImageSite = { timeZone: '+08:00' };

describe('imageLocation', () => {
  it('fills the default pattern from the publication day in its own offset', () => {
    // 07:00 at +08:00 is still 2021-12-31 in UTC: the post's own day counts, as in its file name.
    expect(imageLocation({ hash: H1, type: 'image/jpeg' }, DATED, JEKYLL)).toEqual({
      hash: H1, path: `assets/images/2022/01/${H1}.jpg`, link: `/assets/images/2022/01/${H1}.jpg`,
    });
  });

  it('dates an undated article by its saved time in the export zone', () => {
    const undated = { publishedAt: null, savedAt: '2021-12-31T20:00:00.000Z' };
    expect(imageLocation({ hash: H1, type: 'image/png' }, undated, { timeZone: '+08:00' }).path).toBe(`assets/images/2022/01/${H1}.png`);
    expect(imageLocation({ hash: H1, type: 'image/png' }, undated, { timeZone: '-05:00' }).path).toBe(`assets/images/2021/12/${H1}.png`);
  });

  it('puts Hugo files under static/ and links them without it', () => {
    expect(imageLocation({ hash: H1, type: 'image/webp' }, DATED, { timeZone: '+08:00', generator: 'hugo' })).toEqual({
      hash: H1, path: `static/assets/images/2022/01/${H1}.webp`, link: `/assets/images/2022/01/${H1}.webp`,
    });
  });

  it('prefixes the baseurl however it was written', () => {
    for (const baseurl of ['/blog', 'blog', '/blog/', ' blog/ ']) {
      expect(imageLocation({ hash: H1, type: 'image/gif' }, DATED, { timeZone: '+08:00', baseurl }).link).toBe(`/blog/assets/images/2022/01/${H1}.gif`);
    }
    expect(imageLocation({ hash: H1, type: 'image/gif' }, DATED, { timeZone: '+08:00', baseurl: '/' }).link).toBe(`/assets/images/2022/01/${H1}.gif`);
    expect(imageLocation({ hash: H1, type: 'image/avif' }, DATED, { timeZone: '+08:00', baseurl: 'https://x.org/b/', generator: 'hugo' }).link).toBe(`https://x.org/b/assets/images/2022/01/${H1}.avif`);
  });

  it('links relative to the post for a site not served from its root, and encodes the pattern text', () => {
    const site: ImageSite = { timeZone: '+08:00', pattern: 'Jianbao/附件/{year}-{month}-{day} {hash}.{ext}', relativeTo: 'Jianbao/标题.md' };
    expect(imageLocation({ hash: H1, type: 'image/svg+xml' }, DATED, site)).toEqual({
      hash: H1, path: `Jianbao/附件/2022-01-01 ${H1}.svg`, link: `${encodeURIComponent('附件')}/2022-01-01%20${H1}.svg`,
    });
    expect(imageLocation({ hash: H1, type: 'image/jpeg' }, DATED, { timeZone: '+08:00', relativeTo: '_posts/x.md' }).link).toBe(`../assets/images/2022/01/${H1}.jpg`);
  });

  it('checks the pattern and the hash', () => {
    expect(imagePatternProblem(DEFAULT_IMAGE_PATTERN)).toBeNull();
    expect(imagePatternProblem('img/{date}/{hash}.{ext}')).toBe('unknown-part');
    expect(imagePatternProblem('img/{year}.{ext}')).toBe('no-hash');
    expect(imagePatternProblem('/img/{hash}.{ext}')).toBe('not-relative');
    expect(imagePatternProblem('img/../{hash}')).toBe('not-relative');
    expect(imagePatternProblem('img//{hash}')).toBe('not-relative');
    expect(() => imageLocation({ hash: H1, type: 'image/png' }, DATED, { timeZone: '+08:00', pattern: '{year}.png' })).toThrow(RangeError);
    expect(() => imageLocation({ hash: '../../etc', type: 'image/png' }, DATED, JEKYLL)).toThrow(RangeError);
  });
});

/** A locator over url → hash (and hash → type), as the export would build it from the article's stored map. */
function locator(hashes: Record<string, string>, types: Record<string, ImageType>, site: ImageSite = JEKYLL) {
  return imageLocator(hashes, (h) => types[h], DATED, site);
}

describe('rewriteImages', () => {
  const kept = { 'https://news.example.cn/a.jpg': H1, 'https://cdn.example.cn/a-copy.jpg': H1, 'https://news.example.cn/6-1280.webp': H2 };
  const types: Record<string, ImageType> = { [H1]: 'image/jpeg', [H2]: 'image/webp' };
  const A = `/assets/images/2022/01/${H1}.jpg`;
  const B = `/assets/images/2022/01/${H2}.webp`;

  it('points each kept picture at its copy, drops srcset and lazy attributes, keeps the rest', () => {
    const html = '<p>前言</p>\n<p><img src="data:image/gif;base64,R0lGOD" data-src="/a.jpg" srcset="/a.jpg 1x" sizes="50vw" alt="图 &quot;一&quot;" width="640" height="480"></p>\n<p>后记</p>';
    const out = rewriteImages(html, PAGE, locator(kept, types));
    expect(out.html).toBe(`<p>前言</p>\n<p><img src="${A}" alt="图 &quot;一&quot;" width="640" height="480"></p>\n<p>后记</p>`);
    expect(out.files).toEqual([{ path: A.slice(1), hash: H1 }]);
  });

  it('drops the sources of a kept <picture> and adds src when the img had none', () => {
    const html = '<picture><source media="(max-width: 600px)" srcset="/6-small.webp"><source type="image/webp" srcset="/6-1280.webp 1280w, /6-2560.webp 2560w"><img data-src="/6.jpg" alt="p"></picture>';
    expect(rewriteImages(html, PAGE, locator(kept, types)).html).toBe(`<picture><img src="${B}" alt="p"></picture>`);
  });

  it('leaves a picture that was not kept as its original link, byte for byte', () => {
    const html = '<p><img src="https://news.example.cn/a.jpg" alt="kept"></p>\n<p><img src="https://gone.example/x.jpg"  alt=\'not kept\' srcset="https://gone.example/x2.jpg 2x"></p>\n<picture><source srcset="/n.webp"><img src="/n.jpg"></picture>';
    const out = rewriteImages(html, PAGE, locator(kept, types));
    expect(out.html).toBe(`<p><img src="${A}" alt="kept"></p>\n<p><img src="https://gone.example/x.jpg"  alt='not kept' srcset="https://gone.example/x2.jpg 2x"></p>\n<picture><source srcset="/n.webp"><img src="/n.jpg"></picture>`);
  });

  it('writes each file once: the same picture twice, and two URLs of the same bytes', () => {
    const html = '<img src="/a.jpg"><img src="https://cdn.example.cn/a-copy.jpg"><img src="https://news.example.cn/a.jpg#x"><img src="/6-1280.webp">';
    const out = rewriteImages(html, PAGE, locator(kept, types));
    expect(out.html).toBe(`<img src="${A}"><img src="${A}"><img src="${A}"><img src="${B}">`);
    expect(out.files).toEqual([{ path: A.slice(1), hash: H1 }, { path: B.slice(1), hash: H2 }]);
  });

  it('Hugo: files under static/, links from the root with the baseurl; a missing media row leaves the original', () => {
    const site: ImageSite = { timeZone: '+08:00', generator: 'hugo', baseurl: '/news' };
    const out = rewriteImages('<img src="/a.jpg"><img src="/6-1280.webp">', PAGE, imageLocator(kept, (h) => (h === H1 ? 'image/jpeg' : undefined), DATED, site));
    expect(out).toEqual({ html: `<img src="/news${A}"><img src="/6-1280.webp">`, files: [{ path: `static${A}`, hash: H1 }] });
  });

  it('finds every picture collecting found, under the same URL', () => {
    const html = '<p><img data-original="//cdn.example.cn/o.jpg" src="/grey.gif"></p><p><img srcset="/s-600.jpg 600w, /s-1400.jpg 1400w"></p><picture><source srcset="/p.avif" type="image/avif"><img src="/p.jpg"></picture>';
    const urls = collectImages(html, PAGE).images.map((i) => i.url);
    const hashes = Object.fromEntries(urls.map((u, i) => [u, String(i).repeat(64)]));
    const out = rewriteImages(html, PAGE, imageLocator(hashes, () => 'image/png', DATED, JEKYLL));
    expect(out.files.map((f) => f.hash)).toEqual(urls.map((_, i) => String(i).repeat(64)));
    expect(new JSDOM(out.html).window.document.querySelectorAll('source')).toHaveLength(0);
  });

  it('returns a body with no kept picture as the same string, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', 'img', ' src="/a.jpg"', 'picture', 'source', '"', "'", '=', 'p', '中', '&amp;', '\n', '<!--', '-->') }), (html) => {
        const out = rewriteImages(html, PAGE, () => null);
        expect(out.html).toBe(html);
        expect(out.files).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('with every picture kept, no <img> the DOM sees loads anything but its copy, and the text is untouched', () => {
    const win = new JSDOM('').window;
    const url = fc.constantFrom('/a.jpg', 'b.png?x=1&y=2', '//cdn.example.cn/c.webp', 'https://d.example/d"q.jpg', 'data:image/gif;base64,R0lGOD');
    const imgAttr = fc.tuple(fc.constantFrom('src', 'data-src', 'data-original', 'srcset', 'data-srcset', 'alt', 'width'), url);
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', '中', '<', '&', '"', ' ') }).map((t) => ({ text: t })),
      fc.uniqueArray(imgAttr, { selector: (a) => a[0], minLength: 1, maxLength: 4 }).map((attrs) => ({ attrs })),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const p = win.document.createElement('p');
        for (const x of pieces) {
          if ('text' in x) p.append(x.text);
          else {
            const img = win.document.createElement('img');
            for (const [n, v] of x.attrs) img.setAttribute(n, n === 'width' ? '300' : v);
            p.append(img);
          }
        }
        const html = p.innerHTML;
        const out = rewriteImages(html, PAGE, (u) => ({ hash: H1, path: `assets/${encodeURIComponent(u)}`, link: `/assets/${encodeURIComponent(u)}` }));
        const q = win.document.createElement('p');
        q.innerHTML = out.html;
        expect(q.textContent).toBe(p.textContent);
        const before = Array.from(p.querySelectorAll('img'));
        Array.from(q.querySelectorAll('img')).forEach((img, i) => {
          const src = img.getAttribute('src');
          if (src?.startsWith('/assets/')) {
            expect(img.hasAttribute('srcset') || img.hasAttribute('data-src') || img.hasAttribute('data-srcset')).toBe(false);
            expect(img.getAttribute('alt')).toBe(before[i]!.getAttribute('alt'));
          } else expect(img.outerHTML).toBe(before[i]!.outerHTML); // nothing http(s) to keep: untouched
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the seed default preset byte-exact for a page without images, and touches only img tags otherwise', () => {
    const renderer = createRenderer(DEFAULT_EXPORT_CONFIG);
    const now = new Date('2026-11-27T04:00:00Z');
    let withImages = 0;
    for (const { name, article, body } of fixtures()) {
      const urls = collectImages(body.html, article.url).images.map((i) => i.url);
      const hashes = Object.fromEntries(urls.map((u, i) => [u, (i + 10).toString(16).repeat(64).slice(0, 64)]));
      const out = rewriteImages(body.html, article.url, imageLocator(hashes, () => 'image/jpeg', article, JEKYLL));
      const before = renderer.render(article, body, now).text;
      const after = renderer.render(article, { ...body, html: out.html }, now).text;
      if (!urls.length) {
        expect(out.html, name).toBe(body.html);
        expect(after, name).toBe(before);
        continue;
      }
      withImages++;
      expect(out.files.length, name).toBe(new Set(Object.values(hashes)).size);
      const strip = (s: string) => s.replace(/<img\b[^>]*>/g, '<img>');
      expect(strip(after), name).toBe(strip(before));
      for (const f of out.files) expect(after, name).toContain(`src="/${f.path}"`);
    }
    expect(withImages).toBeGreaterThan(0);
  });
});
