// The popup's top card: what the click just saved, or why nothing was saved.
import type { SaveOutcome } from '@/utils/messages';
import { formatPublished } from './format-time';

export type SaveState = { phase: 'saving' } | { phase: 'done'; outcome: SaveOutcome };

export function SaveCard({ state }: { state: SaveState }) {
  if (state.phase === 'saving') {
    return <section class="card" data-testid="save-card" data-status="saving" aria-live="polite">Saving this page…</section>;
  }
  const { outcome } = state;
  if (!outcome.ok) {
    return (
      <section class="card failed" data-testid="save-card" data-status="failed" role="alert">
        <strong>Not saved.</strong> {outcome.message}
      </section>
    );
  }
  const a = outcome.article;
  return (
    <section class="card saved" data-testid="save-card" data-status={outcome.status} aria-live="polite">
      <p class="status">{outcome.status === 'created' ? 'Saved' : 'Already saved — updated'}</p>
      <h1 class="title">{a.title}</h1>
      <dl>
        <dt>Source</dt><dd>{a.source ?? '—'}</dd>
        <dt>Published</dt><dd>{formatPublished(a.publishedAt) || '—'}</dd>
        <dt>Site</dt><dd>{a.siteName ?? '—'}</dd>
        {a.author ? <><dt>Author</dt><dd>{a.author}</dd></> : null}
      </dl>
    </section>
  );
}
