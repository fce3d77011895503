// "Save the whole page anyway" and the selection's own URL: what a page without an article turns into.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/extract/extract-article';
import { extractWholePage } from '../../utils/extract/whole-page';
import { selectionUrl } from '../../utils/extract/selection';

const PAGES = path.join(import.meta.dirname, '../golden/pages');
const NOW = new Date('2026-11-27T12:00:00Z');

function load(file: string, url: string) {
  return new JSDOM(readFileSync(path.join(PAGES, file), 'utf8'), { url }).window.document;
}

describe('extractWholePage', { timeout: 30_000 }, () => {
  it('a page the article extractor refuses becomes its main text, without menus and forms', () => {
    const url = 'https://ledger.example/account/login';
    const doc = load('no-article.html', url);
    expect(extractArticle(doc, url, { now: NOW })).toMatchObject({ ok: false, code: 'no-article' });
    const result = extractWholePage(doc, url, { now: NOW });
    if (!result.ok) throw new Error(result.message);
    const a = result.article;
    expect(a.url).toBe(url);
    expect(a.title).toBe('Sign in');
    expect(a.siteName).toBe('The Harbor Ledger');
    expect(a.text).toContain('Sections');
    expect(a.text).not.toContain('Keep me signed in'); // the form
    expect(a.html).not.toMatch(/<(form|input|nav|button)\b/);
    expect(a.text.split('\n\n')[0]).not.toBe('The Harbor Ledger'); // the header
  });

  it('names a non-Chinese page by its Dublin Core publisher, as the article extractor does', () => {
    const url = 'https://revue.example/reglement';
    const html = '<!DOCTYPE html><html lang="fr"><head><title>Règlement</title><meta name="DC.publisher" content="La Revue">'
      + '</head><body><main><h1>Règlement</h1><p>Le règlement intérieur de la revue est publié ici.</p></main></body></html>';
    const result = extractWholePage(new JSDOM(html, { url }).window.document, url, { now: NOW });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.source).toBe('La Revue');
  });

  it('keeps the page\'s metadata and site id on an article page', () => {
    const url = 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201092240969820';
    const result = extractWholePage(load('eastmoney-share.html', url), url, { now: NOW });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.title).toBe('量质双升绘宏图 民生答卷晒幸福 ——青山湖区经济社会发展迈上新台阶');
    expect(result.article.publishedAt).toBe('2022-01-09T07:48:06+08:00');
    expect(result.article.siteArticleId).toBe('NW202201092240969820');
    expect(result.article.lang).toMatch(/^zh/);
  });

  it('an empty page: no-article, not an empty row', () => {
    const doc = new JSDOM('<!doctype html><title>x</title><body><nav><a href="/">Home</a></nav></body>', { url: 'https://e.example/' }).window.document;
    expect(extractWholePage(doc, 'https://e.example/', { now: NOW })).toMatchObject({ ok: false, code: 'no-article' });
  });
});

describe('selectionUrl', () => {
  it('points a text fragment at the passage, first and last words, escaped', () => {
    const url = selectionUrl('https://n.example/a#top', 'The mayor said on Monday that the harbour-front plan, long delayed, will go ahead in May.');
    expect(url).toBe('https://n.example/a#:~:text=The%20mayor%20said%20on,go%20ahead%20in%20May.');
    expect(selectionUrl('https://n.example/a', 'well-known, short')).toBe('https://n.example/a#:~:text=well%2Dknown%2C%20short');
  });

  it('CJK passages use characters, and two passages of one page get two URLs', () => {
    const a = selectionUrl('https://n.example/a', '穿行青山湖大地，从塔吊林立的项目现场到绿意盎然的城市公园。');
    const b = selectionUrl('https://n.example/a', '穿行青山湖大地，看到的是另一番景象，处处生机勃勃。');
    expect(a).toMatch(/^https:\/\/n\.example\/a#:~:text=/);
    expect(decodeURIComponent(a.split('=')[1])).toBe('穿行青山湖大地，从塔吊林,场到绿意盎然的城市公园。');
    expect(a).not.toBe(b);
  });
});
