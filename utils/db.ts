// The library's IndexedDB schema and its versions, nothing else: library.ts is the only module that writes through it.
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { Article, ArticleBody } from './types';
import { articleTerms } from './search';
import { writeTerms, type ArticleTerms, type IndexTables, type PostingRow } from './postings';
import { DB_NAME } from './newest-articles';

export type { ArticleTerms, PostingRow } from './postings';

/*
 * Rule for schema changes: never edit a version that has shipped. Every change
 * is a new `this.version(n).stores({ changed tables only }).upgrade(tx => …)`
 * below the last one, plus a test that writes a database with version n-1 and
 * opens it with this class. Users' databases are only ever migrated forward.
 * newest-articles.ts reads `articles` by its `savedAt` index without Dexie, before the pages'
 * bundles load: a version that renames either must change that reader too (its test will fail).
 */
const V1 = {
  // Only what `where()`/`orderBy()` use is indexed: every index costs on each write.
  articles: '++id, &url, savedAt, publishedAt, source, *tags, exportedAt',
  // Bodies live apart so that listing 100 000 articles never reads article HTML.
  bodies: 'articleId',
  terms: 'articleId, *terms',
} as const;

// v2: a small key-value table for state that must outlive a page: the export folder handle,
// export job progress, the undo buffer. Nothing to migrate: the table is new.
const V2 = {
  kv: 'key',
} as const;

// v3: the search index moves from a multiEntry index on `terms` (one IndexedDB entry per term and
// article: slow to write and to read at 100 000 articles) to `postings`, sharded posting lists;
// `terms` keeps each article's terms, unindexed, to update its postings. Title terms are indexed
// again with a mark, so title hits rank first. The upgrade re-indexes every article in pages.
const V3 = {
  terms: 'articleId',
  postings: '[term+shard]',
} as const;
const REINDEX_PAGE = 500;

// v4: a save matches an article of the same site by the site's own id (a page without a canonical link, opened
// from another share link); an export finds the file names other articles hold (post-names.ts). Two indexes,
// nothing to migrate: rows without `exportName` are simply not in its index.
const V4 = {
  articles: '++id, &url, savedAt, publishedAt, source, *tags, exportedAt, siteArticleId, exportName.path',
} as const;

async function reindexAll(tx: Transaction): Promise<void> {
  const tables: IndexTables = { terms: tx.table('terms'), postings: tx.table('postings') };
  // The old rows hold terms of the old format with no postings behind them: start from nothing.
  await tables.terms.clear();
  const ids = (await tx.table('articles').toCollection().primaryKeys()) as number[];
  for (let i = 0; i < ids.length; i += REINDEX_PAGE) {
    const page = ids.slice(i, i + REINDEX_PAGE);
    const rows = (await tx.table('articles').bulkGet(page)) as (Article | undefined)[];
    const bodies = (await tx.table('bodies').bulkGet(page)) as (ArticleBody | undefined)[];
    await writeTerms(tables, rows.flatMap((a, j) =>
      a ? [{ articleId: a.id!, terms: articleTerms({ ...a, text: bodies[j]?.text ?? '' }) }] : []));
  }
}

/** A row of the `kv` table. Values are structured-cloned, so a FileSystemDirectoryHandle fits. */
export interface KeyValue {
  key: string;
  value: unknown;
}

export class JianbaoDb extends Dexie {
  // `declare`: Dexie defines these properties itself in stores(); a class field would reset them.
  declare articles: Table<Article, number>;
  declare bodies: Table<ArticleBody, number>;
  declare terms: Table<ArticleTerms, number>;
  declare kv: Table<KeyValue, string>;
  declare postings: Table<PostingRow, [string, number]>;

  /** Tests pass `{ indexedDB: new IDBFactory(), IDBKeyRange }`: Dexie captures the global factory at import. */
  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(V1);
    this.version(2).stores(V2);
    this.version(3).stores(V3).upgrade(reindexAll);
    this.version(4).stores(V4);
  }
}
