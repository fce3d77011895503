// The list of saved articles, newest first, with per-row export and delete.
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/utils/types';
import { formatLocalTime, formatPublished } from './format-time';
import { t, uiLanguage } from './i18n';

export interface ArticleListProps {
  articles: Article[];
  onExport: (id: number) => void;
  onDelete: (id: number) => void;
  busy: Set<number>;
}

// The popup shows about eight rows; the rest are built after the first paint, not before it.
const FIRST_PAINT_ROWS = 12;
// A hidden page gets no animation frames: the rest of the list must not wait on one forever.
const REST_AT_LATEST_MS = 250;

/** False for the first paint, true once the browser has painted a frame (or the fallback fired). */
function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const timers: number[] = [];
    const done = () => setPainted(true);
    // A frame's callback runs just before that frame paints; a task queued from it runs after.
    const frame = requestAnimationFrame(() => timers.push(window.setTimeout(done)));
    timers.push(window.setTimeout(done, REST_AT_LATEST_MS));
    return () => {
      cancelAnimationFrame(frame);
      timers.forEach(clearTimeout);
    };
  }, []);
  return painted;
}

export function ArticleList({ articles: all, onExport, onDelete, busy }: ArticleListProps) {
  const articles = usePainted() ? all : all.slice(0, FIRST_PAINT_ROWS);
  if (articles.length === 0) return <p class="empty" data-testid="empty-list">{t('noSavedArticles')}</p>;
  // The same for every row: looked up once, not 50 times.
  const locale = uiLanguage();
  const exported = ` · ${t('exported')}`;
  const exportTitle = t('exportMdTitle'), exportLabel = t('exportMdButton'), deleteTitle = t('deleteTitle');
  return (
    <ul class="articles" aria-label={t('savedArticles')}>
      {articles.map((a) => (
        <li key={a.id} data-testid="article-row" data-id={a.id}>
          <div class="row-text">
            <a class="row-title" data-testid="row-title" href={a.url} target="_blank" rel="noreferrer">{a.title}</a>
            <span class="row-meta" title={t('pop_savedOnTitle', formatLocalTime(a.savedAt, locale))}>
              {[a.source ?? a.siteName, formatPublished(a.publishedAt)].filter(Boolean).join(' · ')}
              {a.exportedAt ? exported : ''}
            </span>
          </div>
          <div class="row-actions">
            <button type="button" data-testid="export-md" disabled={busy.has(a.id!)} onClick={() => onExport(a.id!)}
              title={exportTitle}>{exportLabel}</button>
            <button type="button" data-testid="delete" class="danger" disabled={busy.has(a.id!)} onClick={() => onDelete(a.id!)}
              title={deleteTitle} aria-label={t('deleteLabel', a.title)}>✕</button>
          </div>
        </li>
      ))}
    </ul>
  );
}
