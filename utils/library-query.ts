// The library's read side: ranked search, sorted and filtered id lists, facets; reads the db, never writes.
import type { JianbaoDb } from './db';
import { queryTokens, TITLE_MARK, type QueryToken } from './search';
import { postingIds } from './postings';
import { dateRange, intersectOrdered, type LibraryQuery } from './library-filter';

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

/** The newest saved ids, for the first screen before the whole list is read. */
export function recentIds(db: JianbaoDb, limit: number): Promise<number[]> {
  return db.articles.orderBy('savedAt').reverse().limit(limit).primaryKeys();
}

/** The ids the library page shows for `q`, in display order. */
export async function queryIds(db: JianbaoDb, q: LibraryQuery): Promise<number[]> {
  const { filter = {}, sort = 'savedAt', text } = q;
  return db.transaction('r', db.articles, db.postings, async () => {
    const ordered = text?.trim() ? await searchIds(db, text) : await sortedIds(db, sort);
    const include: Set<number>[] = [];
    const exclude: Set<number>[] = [];
    if (filter.source) include.push(new Set(await db.articles.where('source').equals(filter.source).primaryKeys()));
    if (filter.tag) include.push(new Set(await db.articles.where('tags').equals(filter.tag).primaryKeys()));
    const range = dateRange(filter.from, filter.to);
    if (range) include.push(new Set(await db.articles.where('publishedAt').between(range[0], range[1], true, true).primaryKeys()));
    if (filter.exported) {
      // exportedAt is null until exported, and null is not indexed: the index holds exactly the exported ones.
      const exported = new Set(await db.articles.where('exportedAt').above('').primaryKeys());
      (filter.exported === 'yes' ? include : exclude).push(exported);
    }
    return intersectOrdered(ordered, include, exclude);
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
