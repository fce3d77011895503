// Checks the repository against a fresh fake IndexedDB per test: upsert, listing, removal, search, quota.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JianbaoDb } from '../../utils/db';
import { createLibrary, fnv1a32, LibraryError, type Library } from '../../utils/library';
import type { ExtractedArticle } from '../../utils/types';
import { page } from './library-fixtures';

// The fixtures' page, with the excerpt and site id these tests read back.
const extracted = (over: Partial<ExtractedArticle> = {}): ExtractedArticle =>
  // Another URL is another article of the site: its own site id (the same id on the same site is the same article).
  page({ excerpt: '青山湖边的早春。', siteArticleId: over.url ? null : 'NW202201092240969820', ...over });

const T1 = new Date('2026-01-01T00:00:00Z');
const T2 = new Date('2026-01-02T00:00:00Z');
const T3 = new Date('2026-01-03T00:00:00Z');

let db: JianbaoDb;
let library: Library;

beforeEach(() => {
  db = new JianbaoDb('jianbao-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  library = createLibrary(db);
});

describe('save', () => {
  it('creates an article with its body and terms', async () => {
    const { status, article } = await library.save(extracted(), T1);
    expect(status).toBe('created');
    expect(article.id).toBeTypeOf('number');
    expect(article).toMatchObject({
      title: '青山湖畔春来早',
      savedAt: T1.toISOString(),
      updatedAt: T1.toISOString(),
      tags: [],
      category: null,
      exportedAt: null,
      contentHash: fnv1a32('<p>青山湖边，游客如织。</p>'),
    });
    expect(await library.get(article.id!)).toEqual(article);
    expect(await library.getBody(article.id!)).toEqual({
      articleId: article.id,
      html: '<p>青山湖边，游客如织。</p>',
      text: '青山湖边，游客如织。',
    });
    const terms = await db.terms.get(article.id!);
    expect(terms?.terms).toEqual(expect.arrayContaining(['青山', '杭州', '王小', '游客']));
    expect(await library.count()).toBe(1);
  });

  it('updates the same URL in place and keeps what the user set', async () => {
    const first = await library.save(extracted(), T1);
    const id = first.article.id!;
    await db.articles.update(id, { tags: ['杭州'], category: 'local', exportedAt: T2.toISOString() });

    const html = '<p>青山湖边，游客如织。</p>\n<p>更正：补充一段。</p>';
    const second = await library.save(extracted({ title: '青山湖畔春来早（更新）', html }), T3);

    expect(second.status).toBe('updated');
    expect(await library.count()).toBe(1);
    const row = await library.get(id);
    expect(row).toEqual(second.article);
    expect(row).toMatchObject({
      id,
      title: '青山湖畔春来早（更新）',
      savedAt: T1.toISOString(),
      updatedAt: T3.toISOString(),
      tags: ['杭州'],
      category: 'local',
      exportedAt: T2.toISOString(),
      contentHash: fnv1a32(html),
    });
    expect(row!.contentHash).not.toBe(first.article.contentHash);
    expect((await library.getBody(id))?.html).toBe(html);
    expect(await library.search('更新', 10)).toHaveLength(1);
  });
});

describe('fnv1a32', () => {
  it('gives the standard FNV-1a 32-bit of the UTF-8 bytes', () => {
    expect(fnv1a32('')).toBe('811c9dc5');
    expect(fnv1a32('a')).toBe('e40c292c');
    expect(fnv1a32('foobar')).toBe('bf9cf968');
  });
});

describe('list', () => {
  it('lists newest saved first, with limit and offset, without bodies', async () => {
    await library.save(extracted({ url: 'https://a.example/1', title: 'one' }), T1);
    await library.save(extracted({ url: 'https://a.example/3', title: 'three' }), T3);
    await library.save(extracted({ url: 'https://a.example/2', title: 'two' }), T2);

    expect((await library.list()).map((a) => a.title)).toEqual(['three', 'two', 'one']);
    expect((await library.list({ limit: 1, offset: 1 })).map((a) => a.title)).toEqual(['two']);
    expect(await library.list({ limit: 1 })).not.toHaveProperty('0.html');
  });
});

describe('remove', () => {
  it('deletes the article, its body and its terms', async () => {
    const { article } = await library.save(extracted(), T1);
    const other = await library.save(extracted({ url: 'https://a.example/other' }), T2);
    await library.remove(article.id!);

    expect(await library.get(article.id!)).toBeUndefined();
    expect(await library.getBody(article.id!)).toBeUndefined();
    expect(await db.terms.get(article.id!)).toBeUndefined();
    expect(await library.count()).toBe(1);
    expect(await library.getBody(other.article.id!)).toBeDefined();
  });
});

describe('markExported', () => {
  it('sets exportedAt on the given articles only', async () => {
    const a = await library.save(extracted({ url: 'https://a.example/1' }), T1);
    const b = await library.save(extracted({ url: 'https://a.example/2' }), T1);
    expect(await library.markExported([a.article.id!], T2)).toBe(1);
    expect((await library.get(a.article.id!))?.exportedAt).toBe(T2.toISOString());
    expect((await library.get(b.article.id!))?.exportedAt).toBeNull();
    expect(await library.markExported([], T2)).toBe(0);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await library.save(extracted(), T1);
    await library.save(
      extracted({
        url: 'https://en.example/west-lake',
        title: 'Spring comes early at West Lake',
        source: 'Hangzhou Daily',
        author: 'Jane Doe',
        html: '<p>Tourists crowd the causeway.</p>',
        text: 'Tourists crowd the causeway.',
      }),
      T2,
    );
    await library.save(
      extracted({
        url: 'https://news.example.cn/other',
        title: '西湖边的青山',
        text: '湖光山色。',
        html: '<p>湖光山色。</p>',
      }),
      T3,
    );
  });

  it('finds a Chinese word by its bigrams, not by scattered characters', async () => {
    const hits = await library.search('青山湖', 10);
    expect(hits.map((a) => a.title)).toEqual(['青山湖畔春来早']);
  });

  it('finds a single CJK character anywhere, newest first', async () => {
    const hits = await library.search('湖', 10);
    expect(hits.map((a) => a.title)).toEqual(['西湖边的青山', '青山湖畔春来早']);
  });

  it('finds an English prefix, case-insensitively, in title, source, author or text', async () => {
    expect((await library.search('West La', 10)).map((a) => a.title)).toEqual(['Spring comes early at West Lake']);
    expect(await library.search('causew', 10)).toHaveLength(1);
    expect(await library.search('hangzhou dai', 10)).toHaveLength(1);
    expect(await library.search('DOE', 10)).toHaveLength(1);
  });

  it('requires every term', async () => {
    expect(await library.search('west 青山', 10)).toEqual([]);
    // A finished word is exact: "la " is not a prefix of "lake".
    expect(await library.search('la ', 10)).toEqual([]);
    expect(await library.search('la', 10)).toHaveLength(1);
    expect(await library.search('zzz', 10)).toEqual([]);
    expect(await library.search('  ', 10)).toEqual([]);
  });

  it('honours the limit', async () => {
    expect((await library.search('湖', 1)).map((a) => a.title)).toEqual(['西湖边的青山']);
  });
});

describe('quota', () => {
  const quota = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('reports a full disk as LibraryError quota and leaves nothing half-written', async () => {
    vi.spyOn(db.bodies, 'put').mockRejectedValue(quota());
    const err = await library.save(extracted(), T1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect(err).toMatchObject({ code: 'quota', name: 'LibraryError' });
    expect((err as Error).message).toMatch(/storage is full.*not saved/i);
    expect(await db.articles.count()).toBe(0);
    expect(await db.terms.count()).toBe(0);
  });

  it('recognizes the quota error when Dexie wraps it in an abort', async () => {
    vi.spyOn(db.terms, 'bulkPut').mockRejectedValue(new Dexie.AbortError('Transaction aborted', quota()));
    await expect(library.save(extracted(), T1)).rejects.toMatchObject({ code: 'quota' });
    expect(await db.articles.count()).toBe(0);
    expect(await db.bodies.count()).toBe(0);
  });

  it('keeps the previous version of an updated article when the update fails', async () => {
    const { article } = await library.save(extracted(), T1);
    vi.spyOn(db.terms, 'bulkPut').mockRejectedValue(quota());
    await expect(library.save(extracted({ title: 'changed', html: '<p>x</p>' }), T2)).rejects.toBeInstanceOf(
      LibraryError,
    );
    expect(await library.get(article.id!)).toEqual(article);
    expect((await library.getBody(article.id!))?.html).toBe('<p>青山湖边，游客如织。</p>');
  });

  it('lets other errors through unchanged', async () => {
    const boom = new Error('boom');
    vi.spyOn(db.bodies, 'put').mockRejectedValue(boom);
    await expect(library.save(extracted(), T1)).rejects.toBe(boom);
    expect(await db.articles.count()).toBe(0);
  });
});
