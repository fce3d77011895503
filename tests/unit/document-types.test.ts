// Documents that are not news pages: text/plain files get a title and paragraphs, PDFs are told apart,
// and an article inside a same-origin frame is found.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { documentKind, plainTextArticle } from '../../utils/extract/plain-text';
import { extractArticle } from '../../utils/extract/extract-article';
import { extractWholePage } from '../../utils/extract/whole-page';

const now = new Date('2026-01-01T00:00:00Z');

describe('documentKind', () => {
  it('reads document.contentType', () => {
    expect(documentKind('application/pdf')).toBe('pdf');
    expect(documentKind('text/plain')).toBe('text');
    expect(documentKind('Text/Plain; charset=utf-8')).toBe('text');
    expect(documentKind('text/html')).toBe('html');
    expect(documentKind(undefined)).toBe('html');
  });
});

describe('plainTextArticle', () => {
  it('titles by the first non-empty line and keeps the rest as paragraphs', () => {
    const a = plainTextArticle('\n\n  青山湖区经济社会发展迈上新台阶  \n\n第一段第一行\n第一段第二行\n\n第二段 <b>不是标签</b>\n', 'https://news.example/files/report?utm_source=x');
    expect(a?.title).toBe('青山湖区经济社会发展迈上新台阶');
    expect(a?.html).toBe('<p>第一段第一行<br>第一段第二行</p>\n<p>第二段 &lt;b&gt;不是标签&lt;/b&gt;</p>');
    expect(a?.text).toBe('第一段第一行\n第一段第二行\n\n第二段 <b>不是标签</b>');
    expect(a?.url).toBe('https://news.example/files/report');
    expect(a?.siteName).toBe('news.example');
  });

  it('without blank lines, each line is a paragraph', () => {
    const a = plainTextArticle('Title\nOne.\nTwo.\n', 'https://e.example/a.txt');
    expect(a?.html).toBe('<p>One.</p>\n<p>Two.</p>');
  });

  it('caps a long first line at 200 characters and keeps it in the body', () => {
    const long = 'x'.repeat(500);
    const a = plainTextArticle(long, 'https://e.example/notes/%E6%96%87%E4%BB%B6.txt');
    expect(a!.title.length).toBeLessThanOrEqual(201);
    expect(a!.text).toBe(long);
  });

  it('an empty file is no article', () => {
    expect(plainTextArticle(' \n\n ', 'https://e.example/a.txt')).toBeNull();
  });
});

/** A jsdom document that says it is text/plain, shaped like Chromium's view of one (a single <pre>). */
function textDocument(text: string, url: string): Document {
  const doc = new JSDOM('<html><head></head><body><pre></pre></body></html>', { url }).window.document;
  doc.querySelector('pre')!.textContent = text;
  Object.defineProperty(doc, 'contentType', { value: 'text/plain' });
  return doc;
}

describe('extract scripts on a text/plain document', () => {
  const text = '关于公布2025年度项目名单的通知\n\n各有关单位：经研究，现将名单公布如下。\n\n特此通知。';
  it('extractArticle saves it with a title', () => {
    const r = extractArticle(textDocument(text, 'https://gov.example/notice/123'), 'https://gov.example/notice/123', { now });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.title).toBe('关于公布2025年度项目名单的通知');
    expect(r.article.html).toBe('<p>各有关单位：经研究，现将名单公布如下。</p>\n<p>特此通知。</p>');
  });
  it('extractWholePage too', () => {
    const r = extractWholePage(textDocument(text, 'https://gov.example/notice/123'), 'https://gov.example/notice/123', { now });
    expect(r.ok && r.article.title).toBe('关于公布2025年度项目名单的通知');
  });
});

describe('an article in a same-origin frame', () => {
  const seed = readFileSync(path.join(import.meta.dirname, '../golden/pages/eastmoney-share.html'), 'utf8');
  it('is extracted when the page itself has none', () => {
    const top = new JSDOM('<html><head><title>门户</title></head><body><nav><a href="/">首页</a></nav><iframe id="f"></iframe></body></html>', { url: 'https://portal.example/wrap.html' });
    const frame = top.window.document.getElementById('f') as HTMLIFrameElement;
    const inner = frame.contentDocument!;
    inner.open();
    inner.write(seed);
    inner.close();
    const r = extractArticle(top.window.document, 'https://portal.example/wrap.html', { now, timeZone: '+08:00' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.title).toContain('青山湖区');
    expect(r.article.text.length).toBeGreaterThan(500);
  });
  it('a page without frames still says no article', () => {
    const top = new JSDOM('<html><body><nav><a href="/">首页</a></nav></body></html>', { url: 'https://portal.example/wrap.html' });
    const r = extractArticle(top.window.document, 'https://portal.example/wrap.html', { now });
    expect(r.ok ? 'ok' : r.code).toBe('no-article');
  });
});
