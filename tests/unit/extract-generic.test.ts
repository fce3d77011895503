// The general rules on pages from sites without a row in site-rules.ts: one fixture page per failure class
// (tests/fixtures/generic/, written for these tests), each read with the site-rule table switched off.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../cli/load-document';
import { extractArticle } from '../../utils/extract/extract-article';
import { pageDefaultOffset } from '../../utils/extract/page-zone';
import { canonicalSource } from '../../utils/extract/source-alias';
import { tidyCredit } from '../../utils/extract/news-author';
import type { ExtractedArticle } from '../../utils/types';

const NOW = new Date('2026-12-02T00:00:00Z');

function read(name: string, url = `https://news.unknown-site.example/a/${name}`): ExtractedArticle {
  const html = readFileSync(path.join(import.meta.dirname, '../fixtures/generic', name), 'utf8');
  const r = extractArticle(loadDocument(html, url), url, { now: NOW, siteRules: false });
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  return r.article;
}

describe('来源 written other ways', () => {
  it('a label without a colon, the name in its own element', () => {
    expect(read('source-label-no-colon.html').source).toBe('东江晚报');
  });
  it('the label in an <em> beside the time', () => {
    expect(read('source-label-in-em.html').source).toBe('南岭日报');
  });
  it('a 版权声明 footer block after the article', () => {
    expect(read('source-footer-block.html').source).toBe('南湖商报');
  });
  it('"reporter/paper": the paper is the source, the reporter the author', () => {
    const a = read('source-byline-paper.html');
    expect(a.source).toBe('西江青年报');
    expect(a.author).toBe('张晓明');
  });
  it('one publisher, one name: 澎湃新闻网 is filed as 澎湃新闻', () => {
    expect(read('source-alias.html').source).toBe('澎湃新闻');
    expect(canonicalSource('人民网-人民日报')).toBe('人民日报');
    expect(canonicalSource('新京报')).toBe('新京报');
  });
});

describe('headlines', () => {
  it('the only <h1> is the site banner: the headline is the <h4> the <title> names', () => {
    expect(read('headline-banner-h1.html').title).toBe('区图书馆开展读书月活动');
  });
  it('a unit name glued on with a space, which the page names in its banner', () => {
    expect(read('headline-glued-site.html').title).toBe('区图书馆开展读书月活动');
  });
});

describe('reporters that are not people', () => {
  it('a photo caption is not a name', () => {
    expect(read('reporter-caption.html').author).toBeNull();
  });
  it('"No Author" is no author', () => {
    expect(read('en-no-author.html').author).toBeNull();
  });
  it('a weekday glued to the name', () => {
    expect(read('en-author-weekday.html').author).toBe('Jane Roe');
  });
  it('the site appended after a comma', () => {
    expect(read('en-author-site.html').author).toBe('Jane Roe');
  });
  it('a role word after the name (编译, 整合)', () => {
    expect(read('reporter-role-word.html').author).toBe('李文静');
    expect(tidyCredit('王芳 整合')).toBe('王芳');
  });
  it('作者<span>name</span>', () => {
    expect(read('reporter-in-span.html').author).toBe('王立群');
  });
});

describe('sources that are not sources', () => {
  it('a "Photo:" caption credit is not the source of an English page', () => {
    expect(read('en-photo-source.html').source).toBe('Riverside Courier');
  });
});

describe('time zones', () => {
  it('an English page whose metadata says +00:00 keeps +00:00', () => {
    expect(read('en-utc-meta.html').publishedAt).toBe('2024-05-20T23:30:00+00:00');
  });
  it('a Korean page without an offset is read in Korean time', () => {
    expect(read('time-ko.html').publishedAt).toBe('2024-05-20T14:30:00+09:00');
  });
  it('a Chinese page without an offset is read in Beijing time', () => {
    expect(read('time-zh-default.html').publishedAt).toBe('2024-05-20T14:30:00+08:00');
  });
  it.each([
    ['zh-CN', 480], ['zh', 480], [null, 480], ['ko', 540], ['ko-KR', 540], ['ja', 540], ['en-US', -300], ['en-GB', 0],
    ['en', 0], ['de-DE', 60], ['de-AT', 60], ['fr', 60], ['pt-BR', -180], ['en-IN', 330], ['xx', 480],
  ])('default zone for lang %s is %i minutes (configured +08:00)', (lang, minutes) => {
    expect(pageDefaultOffset(lang, 480)).toBe(minutes);
  });
});

describe('body leftovers', () => {
  it('a (责编：…) line closing the article', () => {
    expect(read('body-editor-line.html').text).not.toMatch(/责编/);
  });
  it('an icon <svg> with nothing in it', () => {
    const a = read('body-empty-svg.html');
    expect(a.html).not.toMatch(/<svg/i);
    expect(a.text).toMatch(/^本月以来/);
  });
  it('the "By … · May 20, 2024" byline repeated as the first paragraph', () => {
    const a = read('en-byline-lead.html');
    expect(a.text).toMatch(/^The city council/);
    expect(a.author).toBe('Jane Roe');
  });
});

describe('a card that says when it is unsure', () => {
  it('a Chinese page without a 来源 marks the source missing', () => {
    const a = read('source-missing.html');
    expect(a.source).toBeNull();
    expect(a.found?.source).toBe('none');
    expect(a.unsure).toContainEqual({ field: 'source', reason: 'missing' });
  });
  it('a labelled source and a metadata time are not marked', () => {
    const a = read('source-label-no-colon.html');
    expect(a.found?.source).toBe('label');
    expect(a.unsure?.some((u) => u.field === 'source')).toBeFalsy();
    const e = read('en-utc-meta.html');
    expect(e.found?.publishedAt).toBe('meta');
    expect(e.unsure?.some((u) => u.field === 'publishedAt')).toBeFalsy();
  });
  it('an offset-less time on a non-Chinese page is marked', () => {
    expect(read('time-ko.html').unsure).toContainEqual({ field: 'publishedAt', reason: 'no-offset' });
  });
});

describe('old table layouts', () => {
  it('the article\'s column without the sidebar beside it, and without the link list under it', () => {
    const a = read('body-table-layout.html');
    expect(a.text).toContain('历时两年的江边古镇修缮工程');
    expect(a.text).toContain('生活条件也改善了不少');
    for (const gone of ['热点新闻', '全市中小学', '本站声明', '精彩推荐', '新地铁线路', '招募版主']) expect(a.text).not.toContain(gone);
  });
});
