// Reads the newest saved articles straight from IndexedDB, without Dexie: a page's first rows, read
// while its app bundle is still loading.
import type { Article } from './types';

/** The database's name: Dexie opens it in db.ts, the early read here. */
export const DB_NAME = 'jianbao';
/**
 * How many rows the popup and the library paint first: a screenful of either. No more, because the
 * page's main thread deserializes every row read before it can paint (50 rows took 5–9 ms).
 */
export const NEWEST_ROWS = 20;
/** Where the early read leaves its answer for the page's app bundle, which runs after it. */
const EARLY_KEY = '__jianbaoNewest';

/*
 * Relies on the schema since v1 (db.ts): store `articles`, index `savedAt`. Ties in savedAt come
 * newest id first, as Dexie's orderBy('savedAt').reverse() gives them; a test holds the two equal.
 * Opened without a version, so it never upgrades a database and never creates one.
 */
export function readNewestArticles(factory: IDBFactory, count: number): Promise<Article[] | undefined> {
  return new Promise((resolve) => {
    const done = (rows: Article[] | undefined, db?: IDBDatabase) => {
      db?.close();
      resolve(rows);
    };
    let open: IDBOpenDBRequest;
    try {
      open = factory.open(DB_NAME);
    } catch {
      return done(undefined);
    }
    // No database yet: abort, so that Dexie later creates it at its own version.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = (e) => {
      e.preventDefault();
      done(undefined);
    };
    open.onsuccess = () => {
      const db = open.result;
      // An upgrade in another page must not wait on this connection.
      db.onversionchange = () => db.close();
      try {
        const index = db.transaction('articles', 'readonly').objectStore('articles').index('savedAt');
        const fail = () => done(undefined, db);
        if ('getAllRecords' in index) {
          // IndexedDB 3 (Chromium 141+): the rows in one request, newest first.
          const req = (index as IDBIndex).getAll({ direction: 'prev', count } as unknown as IDBKeyRange);
          req.onsuccess = () => done(req.result as Article[], db);
          req.onerror = fail;
        } else {
          const rows: Article[] = [];
          const req = (index as IDBIndex).openCursor(null, 'prev');
          req.onsuccess = () => {
            const cursor = req.result;
            if (cursor) rows.push(cursor.value as Article);
            if (!cursor || rows.length >= count) return done(rows, db);
            cursor.continue();
          };
          req.onerror = fail;
        }
      } catch {
        // No `articles` store: not our database, or one from before v1.
        done(undefined, db);
      }
    };
  });
}

/** A performance mark set when the early read has its rows: the bench and the browser tests read it. */
export const EARLY_READ_MARK = 'newest-rows-read';

/** Starts the early read and leaves it on `host` (the page's window). */
export function startEarlyRead(host: object, factory: IDBFactory, perf?: Performance): void {
  (host as Record<string, unknown>)[EARLY_KEY] = readNewestArticles(factory, NEWEST_ROWS).then((rows) => {
    if (rows) perf?.mark(EARLY_READ_MARK);
    return rows;
  });
}

/** The early read's rows, or `fallback` when no early read ran or it found nothing to read. */
export function takeEarlyRead(host: object, fallback: () => Promise<Article[]>): Promise<Article[]> {
  const early = (host as Record<string, Promise<Article[] | undefined> | undefined>)[EARLY_KEY];
  delete (host as Record<string, unknown>)[EARLY_KEY];
  return early ? early.then((rows) => rows ?? fallback()) : fallback();
}
