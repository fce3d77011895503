// Names for articles exported before names were recorded: the rule of that time, so their files are found again.
import type { Article, ExportName } from '../types';
import type { PostRenderer } from './export-post';
import { legacyPaths } from './batch';
import { exportName } from './post-names';

/** Whether an article was exported but has no recorded name (exported by an older version). */
export function needsLegacyName(article: Pick<Article, 'exportedAt' | 'exportName'>): boolean {
  return !!article.exportedAt && !article.exportName;
}

/**
 * The names the old rule (the whole library in save order, clashes to the younger) gave to the exported articles
 * that have none recorded; it needs every row, once. Empty when there are none.
 */
export function legacyNames(library: readonly Article[], renderer: PostRenderer): Map<number, ExportName> {
  if (!library.some(needsLegacyName)) return new Map();
  const paths = legacyPaths(library, renderer);
  const out = new Map<number, ExportName>();
  for (const a of library) {
    const path = needsLegacyName(a) ? paths.get(a.id!) : undefined;
    if (path) out.set(a.id!, exportName(renderer, path));
  }
  return out;
}
