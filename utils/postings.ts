// The inverted search index: for each term, the ids of the articles holding it, in shards of SHARD ids.
// A multiEntry index would cost one IndexedDB entry per (term, article) — about a thousand per Chinese
// article — and read a posting list one entry at a time; a shard row holds up to SHARD ids in one value.
import type { Table } from 'dexie';

/** Ids per posting row: article `id` (from 1) lives in shard floor((id - 1) / SHARD). */
export const SHARD = 1024;

export const shardOf = (id: number) => Math.floor((id - 1) / SHARD);

/** A row of the `postings` table. `ids` ascending, all in the row's shard. */
export interface PostingRow {
  term: string;
  shard: number;
  ids: Uint32Array;
}

/** A row of the `terms` table: the terms an article is indexed under, to take it out again. */
export interface ArticleTerms {
  articleId: number;
  terms: string[];
}

export interface IndexTables {
  terms: Table<ArticleTerms, number>;
  postings: Table<PostingRow, [string, number]>;
}

type Key = [string, number];
const keyOf = (term: string, shard: number) => `${shard}\u0000${term}`;

/**
 * Sets the indexed terms of articles (null: the article is gone), updating the postings by the
 * difference from what was indexed before. Runs inside the caller's transaction; bulk requests only.
 * `freshShards`: shards that held no indexed article before this call (a bulk import into new ids):
 * nothing there needs reading, which is what makes a restore fast — in Chromium each get is a request.
 */
export async function writeTerms(
  tables: IndexTables, changes: { articleId: number; terms: string[] | null }[], freshShards: ReadonlySet<number> = new Set(),
): Promise<void> {
  if (changes.length === 0) return;
  const stale = changes.filter((c) => !freshShards.has(shardOf(c.articleId)));
  const oldById = new Map((await tables.terms.bulkGet(stale.map((c) => c.articleId))).map((r, i) => [stale[i]!.articleId, r]));
  const old = changes.map((c) => oldById.get(c.articleId));
  const adds = new Map<string, { term: string; shard: number; ids: number[] }>();
  const removes = new Map<string, { term: string; shard: number; ids: Set<number> }>();
  changes.forEach((c, i) => {
    const shard = shardOf(c.articleId);
    const before = new Set(old[i]?.terms ?? []);
    const after = new Set(c.terms ?? []);
    for (const term of after) {
      if (before.has(term)) continue;
      const k = keyOf(term, shard);
      const e = adds.get(k) ?? adds.set(k, { term, shard, ids: [] }).get(k)!;
      e.ids.push(c.articleId);
    }
    for (const term of before) {
      if (after.has(term)) continue;
      const k = keyOf(term, shard);
      const e = removes.get(k) ?? removes.set(k, { term, shard, ids: new Set() }).get(k)!;
      e.ids.add(c.articleId);
    }
  });
  const touched = new Map([...adds, ...removes].map(([k, v]) => [k, [v.term, v.shard] as Key]));
  const keys = [...touched.values()];
  const toRead = keys.filter(([, shard]) => !freshShards.has(shard));
  const read = await tables.postings.bulkGet(toRead);
  const byKey = new Map(toRead.map(([term, shard], i) => [keyOf(term, shard), read[i]]));
  const rows = keys.map(([term, shard]) => byKey.get(keyOf(term, shard)));
  const puts: PostingRow[] = [];
  const deletes: Key[] = [];
  keys.forEach(([term, shard], i) => {
    const k = keyOf(term, shard);
    const gone = removes.get(k)?.ids;
    let ids = Array.from(rows[i]?.ids ?? []);
    if (gone) ids = ids.filter((id) => !gone.has(id));
    const added = adds.get(k)?.ids;
    if (added) ids = [...new Set([...ids, ...added])].sort((a, b) => a - b);
    if (ids.length === 0) deletes.push([term, shard]);
    else puts.push({ term, shard, ids: Uint32Array.from(ids) });
  });
  await tables.postings.bulkPut(puts);
  await tables.postings.bulkDelete(deletes);
  const kept = changes.filter((c) => c.terms !== null) as ArticleTerms[];
  await tables.terms.bulkPut(kept.map((c) => ({ articleId: c.articleId, terms: c.terms })));
  await tables.terms.bulkDelete(changes.filter((c) => c.terms === null).map((c) => c.articleId));
}

/** Ids of the articles indexed under `term` (or, with `prefix`, under any term it starts); may repeat for a prefix. */
export async function postingIds(postings: IndexTables['postings'], term: string, prefix: boolean): Promise<number[]> {
  const upper = prefix ? term + '\uffff' : term;
  const rows = await postings.where('[term+shard]').between([term, -Infinity], [upper, Infinity], true, true).toArray();
  const out: number[] = [];
  for (const r of rows) for (const id of r.ids) out.push(id);
  return out;
}
