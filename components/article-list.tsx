// The popup's list of saved articles, newest first, with per-row export, copy and delete.
import type { Article } from '@/utils/types';
import { exportState } from '@/utils/export-state';
import { formatLocalTime, formatPublished } from './format-time';
import { t, uiLanguage } from './i18n';

export interface ArticleListProps {
  articles: Article[];
  onExport: (id: number) => void;
  /** Copies the article's post to the clipboard. */
  onCopy: (id: number) => void;
  onDelete: (id: number) => void;
  busy: Set<number>;
}

export function ArticleList({ articles, onExport, onCopy, onDelete, busy }: ArticleListProps) {
  // How to save the first one, rather than only that there is none.
  if (articles.length === 0) return <p class="empty" data-testid="empty-list">{t('pop_emptyHowTo')}</p>;
  // The same for every row: looked up once, not 50 times.
  const locale = uiLanguage();
  // Changed since export: the post on the site is stale (styled to stand out from "exported").
  const stateLabel = { exported: t('exported'), changed: t('pop_changedSinceExport') };
  const exportTitle = t('exportMdTitle'), exportLabel = t('exportMdButton'), deleteTitle = t('deleteTitle');
  const copyTitle = t('pop_copyPostTitle'), copyLabel = t('pop_copyPost');
  return (
    <ul class="articles" aria-label={t('savedArticles')}>
      {articles.map((a) => {
        const state = exportState(a);
        const meta = [a.source ?? a.siteName, formatPublished(a.publishedAt)].filter(Boolean).join(' · ');
        return (
          <li key={a.id} data-testid="article-row" data-id={a.id} data-export-state={state}>
            <div class="row-text">
              <a class="row-title" data-testid="row-title" href={a.url} target="_blank" rel="noreferrer">{a.title}</a>
              <span class="row-meta" title={t('pop_savedOnTitle', formatLocalTime(a.savedAt, locale))}>
                <span class="row-meta-text">{meta}</span>
                {/* Its own box: a long source or date is what the ellipsis cuts, never the export state. */}
                {state === 'new' ? null : <>{meta ? <span class="sep"> · </span> : null}<span class={`export-state ${state}`} data-testid="export-state">{stateLabel[state]}</span></>}
              </span>
            </div>
            <div class="row-actions">
              <button type="button" data-testid="export-md" disabled={busy.has(a.id!)} onClick={() => onExport(a.id!)}
                title={exportTitle}>{exportLabel}</button>
              <button type="button" data-testid="copy-post" disabled={busy.has(a.id!)} onClick={() => onCopy(a.id!)}
                title={copyTitle}>{copyLabel}</button>
              <button type="button" data-testid="delete" class="danger" disabled={busy.has(a.id!)} onClick={() => onDelete(a.id!)}
                title={deleteTitle} aria-label={t('deleteLabel', a.title)}>✕</button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
