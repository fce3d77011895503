// The library's IndexedDB schema and its versions, nothing else: library.ts is the only module that writes through it.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Article, ArticleBody } from './types';

/** A row of the `terms` table: the search index of one article. */
export interface ArticleTerms {
  articleId: number;
  terms: string[];
}

/*
 * Rule for schema changes: never edit a version that has shipped. Every change
 * is a new `this.version(n).stores({ changed tables only }).upgrade(tx => …)`
 * below the last one, plus a test that writes a database with version n-1 and
 * opens it with this class. Users' databases are only ever migrated forward.
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

  /** Tests pass `{ indexedDB: new IDBFactory(), IDBKeyRange }`: Dexie captures the global factory at import. */
  constructor(name = 'jianbao', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(V1);
    this.version(2).stores(V2);
  }
}
