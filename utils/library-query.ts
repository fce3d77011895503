// The library's read side: ranked search, sorted and filtered id lists, facets; reads the db, never writes.
import type { Collection } from 'dexie';
import type { JianbaoDb } from './db';
import { queryTokens, TITLE_MARK, type QueryToken } from './search';
import { postingIds } from './postings';
import { dateRange, intersectOrdered, type LibraryFilter, type LibraryQuery, type SortKey } from './library-filter';
import type { Article } from './types';

// Posting lists of the token, as article ids; a prefix can hit one article through several terms.
function idsFor(db: JianbaoDb, token: QueryToken): Promise<number[]> {
  return postingIds(db.postings, token.term, token.prefix);
}

async function intersectAll(db: JianbaoDb, tokens: QueryToken[]): Promise<Set<number>> {
  // All posting lists in one round of parallel reads (a count first would walk each range twice),
  // then intersected from the shortest so long lists ("的", "the") only shrink a small set.
  const lists = (await Promise.all(tokens.map((t) => idsFor(db, t)))).sort((a, b) => a.length - b.length);
  if (lists.length === 0) return new Set();
  let hits = new Set(lists[0]);
  for (const list of lists.slice(1)) {
    if (hits.size === 0) break;
    const next = new Set<number>();
    for (const id of list) if (hits.has(id)) next.add(id);
    hits = next;
  }
  return hits;
}

/** Every article matching `query`: title hits first, then the rest; newest saved first within each. */
export async function searchIds(db: JianbaoDb, query: string): Promise<number[]> {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  return db.transaction('r', db.postings, async () => {
    const hits = await intersectAll(db, tokens);
    if (hits.size === 0) return [];
    // Title terms carry a mark in the same index; their posting lists are short.
    const inTitle = await intersectAll(db, tokens.map((t) => ({ ...t, term: TITLE_MARK + t.term })));
    const desc = (a: number, b: number) => b - a;
    const first = [...hits].filter((id) => inTitle.has(id)).sort(desc);
    const rest = [...hits].filter((id) => !inTitle.has(id)).sort(desc);
    return first.concat(rest);
  });
}

/** All ids, newest first by `sort`; articles without a publication time come last when sorting by it. */
async function sortedIds(db: JianbaoDb, sort: 'savedAt' | 'publishedAt'): Promise<number[]> {
  // Forward, then reversed here: IndexedDB reads keys in bulk only forwards (a reverse read walks a cursor).
  const ids = (await db.articles.orderBy(sort).primaryKeys()).reverse();
  if (sort === 'savedAt') return ids;
  // null is not indexed: those rows are missing from the publishedAt index.
  const seen = new Set(ids);
  const all = await db.articles.toCollection().primaryKeys();
  return ids.concat(all.filter((id) => !seen.has(id)).reverse());
}

/**
 * The library's whole-list orders, kept in `kv` so that a sort or an export-state filter at 100 000 articles is
 * one read of a value, not of an index (Chromium checks each index entry against its row: ~0.9 s at 100 000).
 * Made by the background after writes settle (Library.refreshListOrder); every write drops it first, so a page
 * that finds it finds it current, and one that does not reads the indexes as before.
 */
export const LIST_ORDER_KEY = 'listOrder';
const LIST_ORDER_VERSION = 1;

export interface ListOrder {
  version: number;
  /** Ids in `sortedIds` order for each sort. */
  savedAt: Uint32Array;
  publishedAt: Uint32Array;
  /** The exported ids (exportedAt set), ascending. */
  exported: Uint32Array;
}

/** The orders as the indexes give them now. Run it in a transaction over `articles`. */
export async function listOrderFromIndexes(db: JianbaoDb): Promise<ListOrder> {
  const savedAt = await sortedIds(db, 'savedAt');
  const publishedAt = await sortedIds(db, 'publishedAt');
  const exported = await exportedRange(db).primaryKeys();
  return { version: LIST_ORDER_VERSION, savedAt: Uint32Array.from(savedAt), publishedAt: Uint32Array.from(publishedAt), exported: Uint32Array.from(exported) };
}

/** The kept orders, or undefined when a write has dropped them since (or an older version made them). */
async function keptOrder(db: JianbaoDb): Promise<ListOrder | undefined> {
  const value = (await db.kv.get(LIST_ORDER_KEY))?.value as ListOrder | undefined;
  return value?.version === LIST_ORDER_VERSION ? value : undefined;
}

/** The newest saved ids, for the first screen before the whole list is read. */
export function recentIds(db: JianbaoDb, limit: number): Promise<number[]> {
  return db.articles.orderBy('savedAt').reverse().limit(limit).primaryKeys();
}

// A filter that keeps at most this share of the articles is sorted from its own rows. Measured in Chromium at
// 100 000 articles: the whole sorted id list takes ~0.9 s (each index entry is checked against its row), while
// an index read of 5 000 rows with their values takes ~0.14 s (and 5 000 single gets ~0.9 s: hence getAll).
const DIRECT_SHARE = 1 / 3;

/** The index ranges that a filter keeps; each can be read as keys or, in one getAll, as rows. */
function includeRanges(db: JianbaoDb, filter: LibraryFilter, kept?: ListOrder): (() => Collection<Article, number>)[] {
  const out: (() => Collection<Article, number>)[] = [];
  if (filter.source) out.push(() => db.articles.where('source').equals(filter.source!));
  if (filter.tag) out.push(() => db.articles.where('tags').equals(filter.tag!));
  const range = dateRange(filter.from, filter.to);
  if (range) out.push(() => db.articles.where('publishedAt').between(range[0], range[1], true, true));
  // With the kept orders the exported ids are there already (queryIds).
  if (filter.exported === 'yes' && !kept) out.push(() => exportedRange(db));
  return out;
}

// exportedAt is null until exported, and null is not indexed: the index holds exactly the exported ones.
const exportedRange = (db: JianbaoDb) => db.articles.where('exportedAt').above('');

/** The ids in the order `sortedIds` gives: newest first by the key, then by id; no publication time last. */
export function sortRows(rows: readonly Article[], sort: SortKey): number[] {
  const keyed = rows.filter((a) => typeof a[sort] === 'string');
  const unkeyed = rows.filter((a) => typeof a[sort] !== 'string');
  const desc = (x: string, y: string) => (x < y ? 1 : x > y ? -1 : 0);
  keyed.sort((a, b) => desc(a[sort] as string, b[sort] as string) || b.id! - a.id!);
  unkeyed.sort((a, b) => b.id! - a.id!);
  return keyed.concat(unkeyed).map((a) => a.id!);
}

/**
 * The ids the library page shows for `q`, in display order. `directShare`: the largest share of the articles
 * (estimated by the highest id) a filter may keep to be sorted from its own rows; tests force either path.
 */
export async function queryIds(db: JianbaoDb, q: LibraryQuery, directShare = DIRECT_SHARE): Promise<number[]> {
  const { filter = {}, sort = 'savedAt', text } = q;
  // Dexie requests are awaited right here: awaits nested two helpers deep let a liveQuery's transaction commit
  // early (PrematureCommitError in Chromium; the library test's tag filter caught it).
  return db.transaction('r', db.articles, db.postings, db.kv, async () => {
    const searching = !!text?.trim();
    const kept = searching ? undefined : await keptOrder(db);
    const ranges = includeRanges(db, filter, kept);
    const sets: Set<number>[] = [];
    for (const range of ranges) sets.push(new Set(await range().primaryKeys()));
    // Only a set read from an index range can be sorted from its own rows (below): the kept one goes last.
    const fewest = sets.reduce((best, set, i) => (best < 0 || set.size < sets[best]!.size ? i : best), -1);
    if (kept && filter.exported === 'yes') sets.push(new Set(kept.exported));
    const exclude = filter.exported === 'no' ? [new Set(kept ? kept.exported : await exportedRange(db).primaryKeys())] : [];
    // With the kept orders the filter's ids (read just above) only need picking out of the order: no rows.
    if (!searching && fewest >= 0 && !kept) {
      const [highest = 0] = await db.articles.toCollection().reverse().limit(1).primaryKeys();
      if (sets[fewest]!.size <= highest * directShare) {
        const keep = new Set(intersectOrdered([...sets[fewest]!], sets, exclude));
        return sortRows((await ranges[fewest]!().toArray()).filter((a) => keep.has(a.id!)), sort);
      }
    }
    const ordered = searching ? await searchIds(db, text!) : kept ? Array.from(kept[sort]) : await sortedIds(db, sort);
    return intersectOrdered(ordered, sets, exclude);
  });
}

/** Distinct sources and tags, for the filter menus. */
export async function facets(db: JianbaoDb): Promise<{ sources: string[]; tags: string[] }> {
  const [sources, tags] = await Promise.all([
    db.articles.orderBy('source').uniqueKeys(),
    db.articles.orderBy('tags').uniqueKeys(),
  ]);
  return { sources: sources.map(String), tags: tags.map(String) };
}
