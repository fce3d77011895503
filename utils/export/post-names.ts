// File names for an export: a name once written stays the article's (recorded with it), a clash gets -2, -3.
//
// The site keeps the files we wrote, so the rule is "first written keeps the name": an article exported before
// reuses its recorded name while the naming settings are the same (even after an edit changed its date or
// title, so the site gets the corrected post instead of a second one); a new article takes its pattern's name,
// or the first `-N` that no other article has recorded and no other article of this export takes. Naming one
// article so needs only the names recorded under its pattern's name, an index lookup, never the whole library.
import type { Article, ExportName } from '../types';
import { suffixedPath } from './filename-pattern';
import type { PostRenderer } from './export-post';

/**
 * The recorded names, by lower-cased path, that start like any of `paths` without their extension (so `-2`, `-3`
 * come too), with the article that holds each. Case-insensitive, as NTFS and APFS are.
 */
export type RecordedNames = (paths: readonly string[]) => Promise<Map<string, number>>;

export interface PlannedNames {
  paths: Map<number, string>;
  /** Articles that got no name (the pattern failed on them), with the reason. */
  errors: Map<number, Error>;
}

/** The recorded name an article keeps under this renderer's naming settings, if any. */
export function recordedName(article: Pick<Article, 'exportName'>, renderer: Pick<PostRenderer, 'nameKey'>): string | null {
  return article.exportName?.key === renderer.nameKey ? article.exportName.path : null;
}

/** The path without its extension, lower-cased: `a.md`, `a-2.md` and `A.MD` share the stem `a` (bar the -2). */
export function stem(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot > path.lastIndexOf('/') ? path.slice(0, dot) : path).toLowerCase();
}

/** Names for `articles` (in the order to settle clashes: save order), given what other articles have recorded. */
export async function planNames(articles: readonly Article[], renderer: PostRenderer, recorded: RecordedNames): Promise<PlannedNames> {
  const paths = new Map<number, string>();
  const errors = new Map<number, Error>();
  const wanted: { id: number; path: string }[] = [];
  for (const article of articles) {
    const id = article.id!;
    const kept = recordedName(article, renderer);
    if (kept) paths.set(id, kept);
    else {
      try {
        wanted.push({ id, path: renderer.path(article) });
      } catch (err) {
        errors.set(id, err as Error);
      }
    }
  }
  if (wanted.length === 0) return { paths, errors };
  const holders = await recorded(wanted.map((w) => w.path));
  // Names this export writes: the kept ones first, so a new article never takes one of them.
  const taken = new Map<string, number>([...paths].map(([id, path]) => [path.toLowerCase(), id]));
  const free = (path: string, id: number) => {
    const lower = path.toLowerCase();
    const holder = taken.get(lower) ?? holders.get(lower);
    return holder === undefined || holder === id;
  };
  for (const { id, path } of wanted) {
    let name = path;
    for (let n = 2; !free(name, id); n++) name = suffixedPath(path, n);
    taken.set(name.toLowerCase(), id);
    paths.set(id, name);
  }
  return { paths, errors };
}

/** RecordedNames over rows in memory (a backup read by the CLI, a test): the same rule without a database. */
export function recordedIn(rows: readonly Article[]): RecordedNames {
  return async (wanted) => {
    const stems = new Set(wanted.map(stem));
    const out = new Map<string, number>();
    for (const row of rows) {
      // Any recorded name counts, whatever settings wrote it: that file is on the site.
      const name = row.exportName?.path;
      if (!name) continue;
      const lower = name.toLowerCase();
      // `a-2.md` belongs to the stem `a`: strip one -N to find it.
      if (stems.has(stem(lower)) || stems.has(stem(lower).replace(/-\d+$/, ''))) out.set(lower, row.id!);
    }
    return out;
  };
}

/** The name to record for an article once its file is written. */
export function exportName(renderer: Pick<PostRenderer, 'nameKey'>, path: string): ExportName {
  return { key: renderer.nameKey, path };
}
