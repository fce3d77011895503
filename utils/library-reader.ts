// The library's read side for the extension pages and the export: rows, bodies, recorded export names; never a write.
import type { JianbaoDb } from './db';
import type { Article, ArticleBody } from './types';
import { stem, type RecordedNames } from './export/post-names';
import { exportState } from './export-state';

export interface LibraryReader {
  get(id: number): Promise<Article | undefined>;
  getMany(ids: number[]): Promise<Article[]>;
  getBody(id: number): Promise<ArticleBody | undefined>;
  /** Bodies in the order of `ids` (undefined where an article is gone). */
  getBodies(ids: number[]): Promise<(ArticleBody | undefined)[]>;
  /** Every row (no bodies), for a batch over the whole library. */
  allRows(): Promise<Article[]>;
  /** The export names other articles hold: an index lookup (`exportName.path`), not a read of the library. */
  recordedNames: RecordedNames;
  /**
   * The articles whose text "free space" may delete (Library.freeText): exported before `before` and not changed
   * since, so the site holds them as they are, and still with their text. Ids, oldest export first.
   */
  freeableText(before: Date): Promise<number[]>;
}

export function createLibraryReader(db: JianbaoDb): LibraryReader {
  return {
    get: (id) => db.articles.get(id),
    async getMany(ids) {
      return (await db.articles.bulkGet(ids)).filter((a): a is Article => a !== undefined);
    },
    getBody: (id) => db.bodies.get(id),
    getBodies: (ids) => db.bodies.bulkGet(ids),
    allRows: () => db.articles.toArray(),
    async recordedNames(paths) {
      const out = new Map<string, number>();
      if (paths.length === 0) return out;
      const rows = await db.articles.where('exportName.path').startsWithAnyOfIgnoreCase([...new Set(paths.map(stem))]).toArray();
      for (const row of rows) out.set(row.exportName!.path.toLowerCase(), row.id!);
      return out;
    },
    async freeableText(before) {
      const rows = await db.articles.where('exportedAt').below(before.toISOString()).toArray();
      const ids = rows.filter((a) => exportState(a) === 'exported').map((a) => a.id!);
      const withText = new Set(await db.bodies.where('articleId').anyOf(ids).primaryKeys());
      return ids.filter((id) => withText.has(id));
    },
  };
}
