// Whether an article is on the site as it is now: never exported, exported, or changed (edited, re-saved) since.
import type { Article } from './types';

export type ExportState = 'new' | 'exported' | 'changed';

/** `changed`: updated after its export (an edit, tags, a save of a changed page), so the site's post is stale. */
export function exportState(article: Pick<Article, 'exportedAt' | 'updatedAt'>): ExportState {
  if (!article.exportedAt) return 'new';
  // Both are ISO 8601 UTC (toISOString), so text order is time order.
  return article.updatedAt > article.exportedAt ? 'changed' : 'exported';
}

/** What "Export new posts" takes: never exported, or changed since. */
export function needsExport(article: Pick<Article, 'exportedAt' | 'updatedAt'>): boolean {
  return exportState(article) !== 'exported';
}
