// Every schema version opens the databases of every older version without losing a row.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JianbaoDb } from '../../utils/db';
import { TITLE_MARK, articleTerms } from '../../utils/search';
import { writeTerms } from '../../utils/postings';
import { createLibrary } from '../../utils/library';

// The schemas as they shipped, copied here on purpose: if db.ts edits an old version, this test still
// writes what real users have on disk.
const HISTORY: Record<string, string>[] = [
  { articles: '++id, &url, savedAt, publishedAt, source, *tags, exportedAt', bodies: 'articleId', terms: 'articleId, *terms' },
  { kv: 'key' },
  // v3: the search index moves to sharded posting lists; the upgrade re-indexes every article.
  { terms: 'articleId', postings: '[term+shard]' },
  // v4: a save matches by the site's own id; an export finds the file names other articles hold.
  { articles: '++id, &url, savedAt, publishedAt, source, *tags, exportedAt, siteArticleId, exportName.path' },
];

function oldDb(indexedDB: IDBFactory, version: number): Dexie {
  const db = new Dexie('jianbao', { indexedDB, IDBKeyRange });
  HISTORY.slice(0, version).forEach((stores, i) => db.version(i + 1).stores(stores));
  return db;
}

const article = {
  url: 'https://news.example/a/1', title: '旧文章', source: '南昌日报', siteName: null, author: null,
  publishedAt: '2022-01-09T07:48:06+08:00', savedAt: '2022-01-10T00:00:00.000Z', updatedAt: '2022-01-10T00:00:00.000Z',
  lang: 'zh', excerpt: null, leadImage: null, siteArticleId: null, tags: ['keep'], category: null,
  contentHash: '00000000', exportedAt: null,
};

describe.each(HISTORY.map((_, i) => i + 1))('a database written by version %i', (version) => {
  it('opens with the current schema and keeps every row', async () => {
    const indexedDB = new IDBFactory();
    const before = oldDb(indexedDB, version);
    const id = (await before.table('articles').add(article)) as number;
    await before.table('bodies').add({ articleId: id, html: '<p>正文</p>', text: '正文' });
    const tables = before.tables.map((t) => t.name);
    if (version < 3) {
      await before.table('terms').add({ articleId: id, terms: ['正文'] });
    } else {
      // From v3 on the library writes the index: the same code writes it here.
      await writeTerms({ terms: before.table('terms'), postings: before.table('postings') },
        [{ articleId: id, terms: articleTerms({ ...article, text: '正文' }) }]);
    }
    before.close();
    expect(tables).toContain('terms');

    const db = new JianbaoDb('jianbao', { indexedDB, IDBKeyRange });
    expect(await db.articles.get(id)).toEqual({ ...article, id });
    expect(await db.bodies.get(id)).toEqual({ articleId: id, html: '<p>正文</p>', text: '正文' });
    // Search finds it by body, title (ranked as a title hit through its mark) and source.
    const library = createLibrary(db);
    for (const q of ['正文', '旧文章', '南昌']) expect((await library.search(q, 10)).map((a) => a.id)).toEqual([id]);
    expect(await db.postings.get([TITLE_MARK + '旧文', 0])).toMatchObject({ ids: Uint32Array.from([id]) });
    expect((await db.terms.get(id))?.terms).toContain('正文');
    expect(db.verno).toBe(HISTORY.length);
    // The v4 indexes answer for old rows too.
    await db.articles.update(id, { siteArticleId: 'NW1', exportName: { key: 'k', path: '_posts/a.md' } });
    expect(await db.articles.where('siteArticleId').equals('NW1').primaryKeys()).toEqual([id]);
    expect(await db.articles.where('exportName.path').startsWithIgnoreCase('_POSTS/A').primaryKeys()).toEqual([id]);
    await db.kv.put({ key: 'probe', value: 1 });
    expect((await db.kv.get('probe'))?.value).toBe(1);
    db.close();
  });
});
