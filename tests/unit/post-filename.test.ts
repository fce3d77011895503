// Post file names: the old tool's `_posts/<day>-<id>.md`, and safe on every OS for any input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Article } from '../../utils/types';
import { postFilename, sanitizeFileStem } from '../../utils/export/post-filename';

type NameInput = Pick<Article, 'publishedAt' | 'savedAt' | 'siteArticleId' | 'title' | 'url'>;

const SEED: NameInput = {
  publishedAt: '2022-01-09T07:48:06+08:00',
  savedAt: '2024-05-01T12:00:00.000Z',
  siteArticleId: 'NW202201092240969820',
  title: '量质双升绘宏图 民生答卷晒幸福 ——青山湖区经济社会发展迈上新台阶',
  url: 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201092240969820',
};

const bytes = (s: string) => new TextEncoder().encode(s).length;
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

describe('postFilename', () => {
  it('names the seed post like the old tool', () => {
    expect(postFilename(SEED)).toBe('_posts/2022-01-09-NW202201092240969820.md');
  });

  it.each<[string, Partial<NameInput>, string]>([
    ['the day in the source’s own offset, not UTC', { publishedAt: '2022-01-09T23:30:00-05:00' }, '_posts/2022-01-09-NW202201092240969820.md'],
    ['the day in its own offset east of UTC', { publishedAt: '2022-01-10T01:00:00+08:00' }, '_posts/2022-01-10-NW202201092240969820.md'],
    ['the saved day in the user’s zone when undated', { publishedAt: null, savedAt: '2022-01-09T17:00:00.000Z' }, '_posts/2022-01-10-NW202201092240969820.md'],
    ['a pinyin slug of the title without an id', { siteArticleId: null, title: '南昌日报 iPhone 15' }, '_posts/2022-01-09-nan-chang-ri-bao-iphone-15.md'],
    ['the title slug when the id has nothing usable', { siteArticleId: '???', title: '重庆' }, '_posts/2022-01-09-chong-qing.md'],
    [
      'the URL’s last path segment without id or title',
      { siteArticleId: null, title: '——', url: 'https://example.com/news/2024/Big%20Story.shtml?x=1' },
      '_posts/2022-01-09-big-story.md',
    ],
    ['post when nothing else is left', { siteArticleId: null, title: '', url: 'https://example.com/' }, '_posts/2022-01-09-post.md'],
    ['post for a URL that does not parse', { siteArticleId: '', title: '', url: 'not a url' }, '_posts/2022-01-09-post.md'],
    ['no characters illegal on Windows', { siteArticleId: 'a<b>c:d"e/f\\g|h?i*j' }, '_posts/2022-01-09-abcdefghij.md'],
    ['no path traversal', { siteArticleId: '../../etc/passwd' }, '_posts/2022-01-09-etcpasswd.md'],
    ['no leading dot', { siteArticleId: '.hidden' }, '_posts/2022-01-09-hidden.md'],
    ['no control characters or bidi overrides', { siteArticleId: 'ab\u0000c\u001f\u007fd\u202ee' }, '_posts/2022-01-09-abcde.md'],
    ['whitespace as hyphens', { siteArticleId: ' a b\tc\n' }, '_posts/2022-01-09-a-b-c.md'],
    ['the id’s case and Chinese kept', { siteArticleId: 'Abc新闻123' }, '_posts/2022-01-09-Abc新闻123.md'],
  ])('%s', (_label, change, expected) => {
    expect(postFilename({ ...SEED, ...change })).toBe(expected);
  });

  it('reads an undated article’s saved time in the configured zone', () => {
    const undated = { ...SEED, publishedAt: null, savedAt: '2022-01-09T03:00:00.000Z' };
    expect(postFilename(undated, { timeZone: '+08:00' })).toBe('_posts/2022-01-09-NW202201092240969820.md');
    expect(postFilename(undated, { timeZone: '-05:00' })).toBe('_posts/2022-01-08-NW202201092240969820.md');
  });

  it('refuses an undated article without a valid savedAt, and a bad zone', () => {
    expect(() => postFilename({ ...SEED, publishedAt: null, savedAt: 'soon' })).toThrow(/savedAt/);
    expect(() => postFilename({ ...SEED, publishedAt: null }, { timeZone: 'Asia/Shanghai' })).toThrow(/time zone/);
  });

  it('caps the file name at 200 UTF-8 bytes without cutting a character', () => {
    const path = postFilename({ ...SEED, siteArticleId: '新'.repeat(100) });
    const name = basename(path);
    expect(bytes(name)).toBeLessThanOrEqual(200);
    expect(name).toBe(`2022-01-09-${'新'.repeat(62)}.md`);
  });

  it('cuts between emoji, never inside one', () => {
    const family = '👨‍👩‍👧';
    const name = basename(postFilename({ ...SEED, siteArticleId: family.repeat(40) }));
    expect(bytes(name)).toBeLessThanOrEqual(200);
    expect(name.slice(11, -3)).toBe(family.repeat(Math.floor(186 / bytes(family))));
  });

  it('keeps a long title slug readable and whole-word', () => {
    const name = basename(postFilename({ ...SEED, siteArticleId: null, title: '南昌日报'.repeat(100) }));
    const slug = name.slice(11, -3);
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug.startsWith('nan-chang-ri-bao-nan')).toBe(true);
    for (const word of slug.split('-')) expect(['nan', 'chang', 'ri', 'bao']).toContain(word);
  });
});

describe('sanitizeFileStem', () => {
  it.each([
    ['CON', 'CON_'],
    ['nul', 'nul_'],
    ['com1.txt', 'com1_.txt'],
    ['LPT9', 'LPT9_'],
    ['CONSOLE', 'CONSOLE'],
    ['a..b', 'a.b'],
    ['...', ''],
    ['trailing. ', 'trailing'],
    ['x\ud800y', 'xy'],
  ])('%j → %j', (input, output) => {
    expect(sanitizeFileStem(input)).toBe(output);
  });
});

const NASTY = [
  '<', '>', ':', '"', '/', '\\', '|', '?', '*', '\u0000', '\u001f', '\u007f', '\u0085', '..', '.', ' ', '\t', '\n',
  'CON', 'nul', 'COM1', 'lpt¹', '😀', '👨‍👩‍👧', '\u200f', '\u202e', '\ufeff', '\ud800', '\udfff', '南昌日报', 'é', '-', '',
];
const nastyString = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary' })), { maxLength: 40 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.tuple(fc.constantFrom(...NASTY.filter((s) => s !== '')), fc.integer({ min: 100, max: 10_000 })).map(([s, n]) => s.repeat(n).slice(0, 10_000)),
);

describe('postFilename property: any id and title give a safe name', () => {
  it('is portable, bounded and well-formed', () => {
    fc.assert(
      fc.property(fc.option(nastyString), nastyString, nastyString, (id, title, pathPart) => {
        const path = postFilename({ ...SEED, siteArticleId: id, title, url: `https://example.com/${pathPart}` });
        const name = basename(path);
        expect(path).toBe(`_posts/${name}`);
        expect(name).toMatch(/^2022-01-09-.+\.md$/);
        expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/);
        expect(name).not.toMatch(/^\./);
        expect(name).not.toContain('..');
        expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
        expect(bytes(name)).toBeLessThanOrEqual(200);
        expect(name.isWellFormed()).toBe(true);
        expect(sanitizeFileStem(name)).toBe(name);
      }),
      { numRuns: 300 },
    );
  });
});

describe('patternFilename property: any pattern of parts, any title, a safe name within 200 bytes', async () => {
  const { patternFilename, FILENAME_TOKENS } = await import('../../utils/export/filename-pattern');
  const part = fc.oneof(fc.constantFrom(...FILENAME_TOKENS.map((t) => `{${t}}`)), fc.constantFrom('-', '_', ' ', '.', '..', '/', '\\', ':', '新闻', 'CON', ''));
  const pattern = fc.array(part, { minLength: 1, maxLength: 6 }).map((p) => p.join('')).filter((p) => p.includes('{'));
  const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 50 }), fc.constantFrom('..', '.hidden', 'CON', 'a/b\\c', '重庆'.repeat(200), '😀'.repeat(100)));
  it('stays safe', () => {
    fc.assert(
      fc.property(pattern, text, fc.option(text), text, fc.constantFrom('pinyin', 'chinese') as fc.Arbitrary<'pinyin' | 'chinese'>, (p, title, id, source, style) => {
        const name = patternFilename({ ...SEED, title, siteArticleId: id, source, siteName: null }, p, '+08:00', style);
        expect(bytes(name)).toBeLessThanOrEqual(200);
        expect(name.endsWith('.md')).toBe(true);
        const stem = name.slice(0, -3);
        expect(stem).not.toBe('');
        expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f]/);
        expect(name).not.toMatch(/^[.\s-]|\.\./);
        expect(stem.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i);
        expect(stem).not.toMatch(/\p{Surrogate}/u);
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
