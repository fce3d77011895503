// The early read of a page's first rows, straight from IndexedDB: the same rows in the same order as
// the repository's list(), nothing read or created where there is no library, no upgrade held up.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBIndex as FakeIndex, IDBKeyRange } from 'fake-indexeddb';
import { JianbaoDb } from '../../utils/db';
import { createLibrary } from '../../utils/library';
import { DB_NAME, EARLY_READ_MARK, NEWEST_ROWS, readNewestArticles, startEarlyRead, takeEarlyRead } from '../../utils/newest-articles';
import type { Article } from '../../utils/types';
import { at, page } from './library-fixtures';

async function seeded(indexedDB: IDBFactory, n: number): Promise<JianbaoDb> {
  const db = new JianbaoDb(DB_NAME, { indexedDB, IDBKeyRange });
  const library = createLibrary(db);
  // Three articles per day: ties in savedAt, which list() orders newest id first.
  for (let i = 0; i < n; i++) await library.save(page({ url: `https://news.example.cn/a/${i}`, title: `第${i}篇` }), at(1 + Math.floor(i / 3)));
  return db;
}

const ids = (rows: Article[] | undefined) => rows?.map((a) => a.id);

describe('readNewestArticles', () => {
  // TypeScript's DOM types do not know IndexedDB 3 yet; fake-indexeddb has it.
  const proto = FakeIndex.prototype as { getAllRecords?: unknown };
  const saved = proto.getAllRecords;
  afterEach(() => {
    proto.getAllRecords = saved;
  });

  it.each([['one getAll (IndexedDB 3)', true], ['a cursor (older browsers)', false]])('reads what list() reads, through %s', async (_, idb3) => {
    if (!idb3) delete proto.getAllRecords;
    const indexedDB = new IDBFactory();
    const db = await seeded(indexedDB, 20);
    const expected = await createLibrary(db).list({ limit: 7 });
    expect(ids(expected)).toEqual([20, 19, 18, 17, 16, 15, 14]);
    const rows = await readNewestArticles(indexedDB, 7);
    expect(rows).toEqual(expected);
    // Fewer articles than asked for: all of them.
    expect(ids(await readNewestArticles(indexedDB, 50))).toHaveLength(20);
    db.close();
  });

  it('creates no database where there is none, so Dexie still makes its own', async () => {
    const indexedDB = new IDBFactory();
    expect(await readNewestArticles(indexedDB, NEWEST_ROWS)).toBeUndefined();
    expect(await indexedDB.databases()).toEqual([]);
    const db = new JianbaoDb(DB_NAME, { indexedDB, IDBKeyRange });
    expect(await createLibrary(db).list({ limit: 5 })).toEqual([]);
    expect(db.verno).toBe(4);
    db.close();
  });

  it('reads nothing from a database of the same name that is not a library', async () => {
    const indexedDB = new IDBFactory();
    const other = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
    other.version(1).stores({ notes: '++id' });
    await other.table('notes').add({ text: 'x' });
    other.close();
    expect(await readNewestArticles(indexedDB, NEWEST_ROWS)).toBeUndefined();
  });

  it('reads an older schema and does not hold up its upgrade', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
    v1.version(1).stores({ articles: '++id, &url, savedAt, publishedAt, source, *tags, exportedAt', bodies: 'articleId', terms: 'articleId, *terms' });
    await v1.table('articles').add({ ...page(), savedAt: at(1).toISOString() });
    v1.close();
    const [rows] = await Promise.all([readNewestArticles(indexedDB, NEWEST_ROWS), new JianbaoDb(DB_NAME, { indexedDB, IDBKeyRange }).open()]);
    expect(rows?.map((a) => a.title)).toEqual(['青山湖畔春来早']);
    const db = new JianbaoDb(DB_NAME, { indexedDB, IDBKeyRange });
    expect(db.verno).toBe(4);
    expect(await db.articles.count()).toBe(1);
    db.close();
  });
});

describe('startEarlyRead and takeEarlyRead', () => {
  it('hand the early rows to the page once, and mark when they came', async () => {
    const indexedDB = new IDBFactory();
    (await seeded(indexedDB, 4)).close();
    const host = {};
    const marks: string[] = [];
    startEarlyRead(host, indexedDB, { mark: (name: string) => marks.push(name) } as unknown as Performance);
    const fallback = async () => [] as Article[];
    expect(ids(await takeEarlyRead(host, fallback))).toEqual([4, 3, 2, 1]);
    expect(marks).toEqual([EARLY_READ_MARK]);
    // Taken: a second render (or a later page script) reads for itself.
    expect(await takeEarlyRead(host, fallback)).toEqual([]);
  });

  it('fall back to the page’s own read when the early read found nothing', async () => {
    const host = {};
    const marks: string[] = [];
    startEarlyRead(host, new IDBFactory(), { mark: (name: string) => marks.push(name) } as unknown as Performance);
    const own = [{ title: 'own' }] as Article[];
    expect(await takeEarlyRead(host, async () => own)).toBe(own);
    expect(marks).toEqual([]);
  });
});
