// The shared element scan that replaces selector queries in extraction: same elements, same order, no false "cannot match".
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDocument } from '../../cli/load-document';
import { bodyElements, descendantsOf, mayMatch, scanPage } from '../../utils/extract/page-scan';
import { elementShowing, headingCandidates } from '../../utils/extract/headline';
import { readPageMetadata } from '../../utils/extract/page-metadata';
import { extractArticle } from '../../utils/extract/extract-article';

const page = (body: string, head = '', doctype = '<!DOCTYPE html>') =>
  loadDocument(`${doctype}<html><head>${head}</head><body>${body}</body></html>`, 'https://x.example/a.html');

/** Elements under `root` in document order, by plain recursion: what the scan must reproduce. */
function descendants(root: Element): Element[] {
  const out: Element[] = [];
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) out.push(c, ...descendants(c));
  return out;
}

// Small random pages: nested elements with classes and ids drawn from a few names, some upper-case.
const NAMES = ['a', 'b', 'Left', 'left', 'article-sub', 'js_content'];
interface Tree { tag: string; cls: string[]; id: string | null; kids: Tree[] }
const node = (kids: fc.Arbitrary<Tree[]>): fc.Arbitrary<Tree> => fc.record({
  tag: fc.constantFrom('div', 'p', 'span', 'section'),
  cls: fc.array(fc.constantFrom(...NAMES), { maxLength: 2 }),
  id: fc.option(fc.constantFrom(...NAMES), { nil: null }),
  kids,
});
// Three levels deep, up to three children each.
const tree = node(fc.array(node(fc.array(node(fc.constant([])), { maxLength: 3 })), { maxLength: 3 }));
const html = (t: Tree): string =>
  `<${t.tag}${t.cls.length ? ` class="${t.cls.join(' ')}"` : ''}${t.id ? ` id="${t.id}"` : ''}>x${t.kids.map(html).join('')}</${t.tag}>`;
const compound = fc.array(fc.oneof(fc.constantFrom(...NAMES).map((n) => `.${n}`), fc.constantFrom(...NAMES).map((n) => `#${n}`)), { minLength: 1, maxLength: 2 })
  .map((parts) => parts.join(''));
const selector = fc.array(fc.array(compound, { minLength: 1, maxLength: 3 }).map((c) => c.join(' ')), { minLength: 1, maxLength: 3 })
  .map((alts) => alts.join(', '));

describe('scanPage', () => {
  it('lists every element in document order, and the body as one run of it', () => {
    const d = page('<div id="a"><p>1<span>2</span></p><ul><li>3</li></ul></div><p>4</p>', '<title>t</title><meta name="x" content="y">');
    const scan = scanPage(d);
    expect(scan.elements).toEqual([d.documentElement, ...descendants(d.documentElement)]);
    expect(bodyElements(scan)).toEqual(descendants(d.body));
    const div = d.getElementById('a')!;
    expect(descendantsOf(scan, div)).toEqual(descendants(div));
    expect(descendantsOf(scan, d.querySelector('li')!)).toEqual([]);
  });

  it('never says a selector cannot match when it does (standards and quirks mode)', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), selector, fc.boolean(), (trees, sel, quirks) => {
        const d = page(trees.map(html).join(''), '', quirks ? '' : '<!DOCTYPE html>');
        if (d.querySelector(sel)) expect(mayMatch(sel, scanPage(d))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('rules out a selector list only when every alternative needs an id or class the page lacks', () => {
    const scan = scanPage(page('<div class="LEFT"><p class="content-article">x</p></div><div id="js_content"></div>'));
    expect(mayMatch('.qq_article, .left .content-article', scan)).toBe(true);
    expect(mayMatch('#js_content', scan)).toBe(true);
    expect(mayMatch('#ContentBody .em_media, .newsContent #ContentBody', scan)).toBe(false);
    expect(mayMatch('.article-box .article-sub', scan)).toBe(false);
    // Attributes and pseudo-classes are not analysed: always tried.
    expect(mayMatch('[class*="index_left__"] span', scan)).toBe(true);
    expect(mayMatch('.article-sub span:not(.original)', scan)).toBe(true);
  });
});

describe('readers on the scan', () => {
  const HEADINGS = 'h1, h2, h3, h4, [class*="title" i], [id*="title" i], b, strong, font, td, span, div, p';

  it('heading candidates are the elements the selector list selects, in document order', () => {
    const d = page('<div class="x"><strong>a</strong><span id="SubTitle">b</span></div><input id="title"><table><tr><td><font>c</font></td></tr></table><h2 class="Title">d</h2><em>e</em>');
    const got = headingCandidates(bodyElements(scanPage(d)));
    const want = Array.from(d.body.querySelectorAll(HEADINGS));
    expect(new Set(got)).toEqual(new Set(want));
    expect(got).toEqual(descendants(d.body).filter((el) => want.includes(el)));
  });

  it('finds the headline element first in document order, as a browser lists a selector query', () => {
    // jsdom's querySelectorAll lists a selector list group by group (every <strong> before any
    // <div>), which picked the later <strong> copy here.
    const d = page('<div class="layer81">一则新闻的完整标题</div><p>正文<strong>一则新闻的完整标题</strong></p>');
    expect(elementShowing(d, '一则新闻的完整标题')?.className).toBe('layer81');
  });

  it('reads meta tags, JSON-LD, <time> and the canonical link, matching rel and type without case', () => {
    const d = page(
      '<time datetime=" 2024-03-01T10:00:00+08:00 ">1 March</time><span itemprop="datePublished" datetime="2024-03-02">x</span><span itemprop="dateModified" datetime="2024-03-03">y</span>',
      '<link rel="Canonical" href="/c.html"><meta property="og:title" content="OG"><meta name="author" content="张三">'
        + '<script type="Application/LD+JSON">{"@type":"NewsArticle","headline":"LD","datePublished":"2024-02-29T08:00:00+08:00"}</script>',
    );
    const m = readPageMetadata(d, 'https://x.example/a.html');
    expect(m.canonical).toBe('https://x.example/c.html');
    expect(m.ogTitle).toBe('OG');
    expect(m.jsonLd[0]?.headline).toBe('LD');
    // JSON-LD first, then itemprop="datePublished", then <time>; dateModified is no publication time.
    expect(m.publishedTimes).toEqual(['2024-02-29T08:00:00+08:00', '2024-03-02', '2024-03-01T10:00:00+08:00']);
    expect(m.authors).toEqual(['张三']);
  });
});

describe('extractArticle', () => {
  it('reads the page text afresh on every call (nothing is cached on the document)', () => {
    const prose = `<p>${'这是一段足够长的新闻正文，用来让页面像一篇文章。'.repeat(12)}</p>`;
    const d = page(`<h1>一则新闻的完整标题</h1><article>${prose.repeat(3)}</article><aside><div class="box">作者：<span id="who">张三</span></div></aside>`);
    const now = new Date('2026-11-27T00:00:00Z');
    const first = extractArticle(d, 'https://x.example/a.html', { now });
    d.getElementById('who')!.textContent = '李四';
    const second = extractArticle(d, 'https://x.example/a.html', { now });
    expect(first.ok && first.article.author).toBe('张三');
    expect(second.ok && second.article.author).toBe('李四');
  });
});
