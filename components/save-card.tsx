// The popup's top card: what the click just saved, what it would save (preview), or why nothing was saved.
import { useEffect, useRef } from 'preact/hooks';
import type { PreviewOutcome, SaveFailureCode, SaveOutcome } from '@/utils/messages';
import { failureKey } from '@/utils/save-failure';
import { formatLocalTime, formatPublished } from './format-time';
import { t, uiLanguage } from './i18n';

export type SaveState =
  | { phase: 'saving' }
  /** Reading the page for a preview; shown as pending like a save. */
  | { phase: 'reading' }
  | { phase: 'preview'; preview: PreviewOutcome }
  | { phase: 'done'; outcome: SaveOutcome };

export interface SaveCardProps {
  state: SaveState;
  /** Preview → save this page. */
  onSave?: () => void;
  /** No article → save the page's main text as it is. */
  onSaveWholePage?: () => void;
  /** The save was interrupted → try it again. */
  onRetry?: () => void;
}

function Failure({ code, message, onSaveWholePage, onRetry }: { code: SaveFailureCode; message: string; onSaveWholePage?: () => void; onRetry?: () => void }) {
  const text = t(failureKey(code));
  return (
    <section class="card failed" data-testid="save-card" data-status="failed" data-code={code} role="alert">
      <p class="fail"><strong>{t('notSaved')}</strong>{text}</p>
      {/* The background's own words, for a bug report: secondary, and only when they add something. */}
      {message && message !== text && code !== 'interrupted' ? <p class="detail" data-testid="fail-detail">{message}</p> : null}
      {code === 'interrupted' && onRetry ? (
        <button type="button" class="primary" data-testid="retry-save" onClick={onRetry}>{t('pop_retry')}</button>
      ) : null}
      {code === 'no-article' && onSaveWholePage ? (
        <button type="button" class="primary" data-testid="save-whole-page" onClick={onSaveWholePage}>{t('pop_saveWholePage')}</button>
      ) : null}
    </section>
  );
}

function Preview({ preview, onSave }: { preview: Extract<PreviewOutcome, { ok: true }>; onSave?: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  // The popup opened to save: Enter saves.
  useEffect(() => button.current?.focus(), []);
  const a = preview.article;
  return (
    <section class="card preview" data-testid="save-card" data-status="preview" aria-labelledby="preview-title">
      <p class="status">{t('pop_previewHeading')}</p>
      <h1 class="title" id="preview-title">{a.title}</h1>
      <dl>
        <dt>{t('fieldSource')}</dt><dd>{a.source ?? '—'}</dd>
        <dt>{t('fieldPublished')}</dt><dd>{formatPublished(a.publishedAt) || '—'}</dd>
        <dt>{t('fieldSite')}</dt><dd>{a.siteName ?? '—'}</dd>
        {a.author ? <><dt>{t('fieldAuthor')}</dt><dd>{a.author}</dd></> : null}
        <dt>{t('pop_fieldLength')}</dt><dd>{t('pop_chars', a.chars.toLocaleString(uiLanguage()))}</dd>
      </dl>
      {a.excerpt ? <p class="excerpt">{a.excerpt}</p> : null}
      <button type="button" class="primary" ref={button} data-testid="save-button" onClick={onSave}>{t('pop_saveButton')}</button>
    </section>
  );
}

export function SaveCard({ state, onSave, onSaveWholePage, onRetry }: SaveCardProps) {
  if (state.phase === 'saving' || state.phase === 'reading') {
    return (
      <section class="card" data-testid="save-card" data-status="saving" aria-live="polite">
        {state.phase === 'saving' ? t('saving') : t('pop_loadingPreview')}
      </section>
    );
  }
  if (state.phase === 'preview') {
    const p = state.preview;
    return p.ok ? <Preview preview={p} onSave={onSave} /> : <Failure code={p.code} message={p.message} onSaveWholePage={onSaveWholePage} onRetry={onRetry} />;
  }
  const { outcome } = state;
  if (!outcome.ok) return <Failure code={outcome.code} message={outcome.message} onSaveWholePage={onSaveWholePage} onRetry={onRetry} />;
  const a = outcome.article;
  return (
    <section class="card saved" data-testid="save-card" data-status={outcome.status} data-matched={outcome.matched} aria-live="polite">
      <p class="status">{outcome.status === 'created' ? t('saved') : t('alreadySavedUpdated')}</p>
      <h1 class="title">{a.title}</h1>
      {/* Reached through another link (no canonical URL): the site's own id said it is the article already saved. */}
      {outcome.status === 'updated' && outcome.matched === 'site-id' ? (
        <p class="match" data-testid="matched-site-id">{t('pop_matchedSiteId', a.siteArticleId ?? '—')}</p>
      ) : null}
      <dl>
        <dt>{t('fieldSource')}</dt><dd>{a.source ?? '—'}</dd>
        <dt>{t('fieldPublished')}</dt><dd>{formatPublished(a.publishedAt) || '—'}</dd>
        <dt>{t('fieldSite')}</dt><dd>{a.siteName ?? '—'}</dd>
        {a.author ? <><dt>{t('fieldAuthor')}</dt><dd>{a.author}</dd></> : null}
        <dt>{outcome.status === 'created' ? t('pop_fieldSavedAt') : t('pop_fieldFirstSaved')}</dt>
        <dd data-testid="saved-at">{formatLocalTime(a.savedAt, uiLanguage())}</dd>
      </dl>
    </section>
  );
}
