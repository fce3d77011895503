// The popup's top card: what the click just saved, or why nothing was saved.
import type { SaveOutcome } from '@/utils/messages';
import { formatPublished } from './format-time';
import { t } from './i18n';

export type SaveState = { phase: 'saving' } | { phase: 'done'; outcome: SaveOutcome };

export function SaveCard({ state }: { state: SaveState }) {
  if (state.phase === 'saving') {
    return <section class="card" data-testid="save-card" data-status="saving" aria-live="polite">{t('saving')}</section>;
  }
  const { outcome } = state;
  if (!outcome.ok) {
    return (
      <section class="card failed" data-testid="save-card" data-status="failed" role="alert">
        <strong>{t('notSaved')}</strong> {outcome.message}
      </section>
    );
  }
  const a = outcome.article;
  return (
    <section class="card saved" data-testid="save-card" data-status={outcome.status} aria-live="polite">
      <p class="status">{outcome.status === 'created' ? t('saved') : t('alreadySavedUpdated')}</p>
      <h1 class="title">{a.title}</h1>
      <dl>
        <dt>{t('fieldSource')}</dt><dd>{a.source ?? '—'}</dd>
        <dt>{t('fieldPublished')}</dt><dd>{formatPublished(a.publishedAt) || '—'}</dd>
        <dt>{t('fieldSite')}</dt><dd>{a.siteName ?? '—'}</dd>
        {a.author ? <><dt>{t('fieldAuthor')}</dt><dd>{a.author}</dd></> : null}
      </dl>
    </section>
  );
}
