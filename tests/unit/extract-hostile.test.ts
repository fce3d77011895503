// Hostile pages: huge, deeply nested, absurd titles, impossible dates — a clear failure or a sane result, never a throw.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { loadDocument } from '../../cli/load-document';
import { extractArticle } from '../../utils/extract/extract-article';
import { nestingDepth } from '../../utils/extract/dom-text';

const URL = 'https://news.example.cn/a/20240301/1.html';
const now = new Date('2026-11-27T04:00:00Z');
const PROSE = '<p>' + '这是一段用于测试的新闻正文，没有实际意义，只为让页面足够长。'.repeat(8) + '</p>';

function emptyDoc(): Document {
  return new JSDOM('<!DOCTYPE html><html><head><title>测试</title></head><body></body></html>', { url: URL }).window.document;
}

describe('hostile pages', () => {
  it('refuses a 20 MB page quickly instead of stalling', () => {
    // Built with DOM calls: jsdom's parser alone would take a minute on 20 MB, a browser's does not.
    const doc = emptyDoc();
    const h1 = doc.createElement('h1');
    h1.textContent = '二十兆字节的页面';
    doc.body.append(h1);
    const article = doc.createElement('article');
    const p = doc.createElement('p');
    p.textContent = 'A paragraph of filler text that repeats until the page weighs twenty megabytes. '.repeat(40);
    const copies = Math.ceil(20e6 / p.textContent.length);
    for (let i = 0; i < copies; i++) article.append(p.cloneNode(true));
    doc.body.append(article);
    expect(doc.body.textContent!.length).toBeGreaterThan(20e6);
    const started = performance.now();
    const r = extractArticle(doc, URL, { now });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('too-large');
      expect(r.message).toMatch(/too large/);
    }
    // Not a timing assertion about speed, only that the guard runs before the expensive work.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('reads a long but plausible page (1 MB of prose)', () => {
    const html = `<html><head><title>长文</title></head><body><h1>一篇很长的测试文章标题</h1><div>2024-03-01 10:00 来源：测试日报</div><article>${PROSE.repeat(Math.ceil(1e6 / PROSE.length))}</article></body></html>`;
    const r = extractArticle(loadDocument(html, URL), URL, { now });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.article.title).toBe('一篇很长的测试文章标题');
      expect(r.article.publishedAt).toBe('2024-03-01T10:00:00+08:00');
      expect(r.article.source).toBe('测试日报');
      expect(r.article.text.length).toBeGreaterThan(300_000);
    }
  }, 60_000);

  it('fails clearly on deep nesting (2 000 levels, built with DOM calls)', () => {
    // jsdom itself cannot attach 10 000 levels (its _attach recurses); a browser's parser caps
    // nesting at 512. The depth guard is what matters, and it runs before Readability.
    const doc = emptyDoc();
    const h1 = doc.createElement('h1');
    h1.textContent = '深层嵌套的页面标题';
    doc.body.append(h1);
    let parent: Element = doc.body;
    for (let i = 0; i < 2_000; i++) {
      const div = doc.createElement('div');
      parent.append(div);
      parent = div;
    }
    parent.innerHTML = PROSE.repeat(3);
    const r = extractArticle(doc, URL, { now });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('too-large');
      expect(r.message).toMatch(/nested too deeply/);
    }
  }, 30_000);

  it('measures 10 000-deep nesting without recursion', () => {
    // A plain-object tree shaped like the DOM: the guard walks it iteratively and stops early.
    type Fake = { firstElementChild: Fake | null; nextElementSibling: Fake | null; parentElement: Fake | null };
    const root: Fake = { firstElementChild: null, nextElementSibling: null, parentElement: null };
    let node = root;
    for (let i = 0; i < 10_000; i++) {
      const child: Fake = { firstElementChild: null, nextElementSibling: null, parentElement: node };
      node.firstElementChild = child;
      node = child;
    }
    expect(nestingDepth(root as unknown as Element, 250)).toBe(251);
    expect(nestingDepth(root as unknown as Element, 20_000)).toBe(10_000);
  });

  it('keeps a 5 000-character title of quotes whole', () => {
    const quotes = '"“”\'‘’「」'.repeat(700).slice(0, 5000);
    const html = `<html><head><title>${quotes}</title></head><body><h1>${quotes}</h1><div>2023-05-06 14:20</div><p>${'正文内容，用来凑够一篇文章的长度。'.repeat(40)}</p></body></html>`;
    const r = extractArticle(loadDocument(html, URL), URL, { now });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.article.title).toBe(quotes);
      expect(r.article.publishedAt).toBe('2023-05-06T14:20:00+08:00');
    }
  });

  it('does not invent 2024-02-30', () => {
    const html = `<html><head><title>二月三十日</title><meta name="publishdate" content="2024-02-30 10:00"><meta property="article:published_time" content="2024-02-30T10:00:00+08:00"></head>
      <body><h1>二月三十日的新闻标题</h1><div>发布时间：2024-02-30 10:00</div><p>${'正文内容，用来凑够一篇文章的长度。'.repeat(40)}</p></body></html>`;
    const r = extractArticle(loadDocument(html, URL), URL, { now });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.article.publishedAt).toBeNull();
  });

  it('never throws on broken input', () => {
    const bad = [
      '', '<html>', '<script>throw 1</script>', '<h1></h1>'.repeat(1000), `<svg>${'<g>'.repeat(500)}`,
      '<meta property="og:title" content="&#0;&#xD800;"><h1>\u0000</h1><p>x</p>',
      '<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":{"name":{}}},"datePublished":[1,2]}</script><p>文</p>',
    ];
    for (const html of bad) {
      const r = extractArticle(loadDocument(html, 'https://x.invalid/'), 'not a url', { now });
      expect(typeof r.ok).toBe('boolean');
    }
  });
});
