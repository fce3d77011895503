// The popup's top card: what the click just saved, what it would save (preview), or why nothing was saved.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request, type PreviewOutcome, type SaveFailureCode, type SaveOutcome } from '@/utils/messages';
import type { ArticlePatch } from '@/utils/library';
import type { Article, ArticleField, ExportSettings, UnsureField } from '@/utils/types';
import { failureKey } from '@/utils/save-failure';
import { loadExportSettings } from '@/utils/settings';
import { DEFAULT_EXPORT_SETTINGS } from '@/utils/settings-defaults';
import { fieldsToCheck, filedUnder } from '@/utils/filed-under';
import { defaultTypedOffset, readTypedTime, timeForEditing, zoneName } from '@/utils/typed-time';
import { formatLocalTime, formatPublished } from './format-time';
import { say, t, uiLanguage } from './i18n';
import type { Problem } from '@/utils/problem';

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

function Failure({ code, message, reason, onSaveWholePage, onRetry }: { code: SaveFailureCode; message: string; reason?: Problem; onSaveWholePage?: () => void; onRetry?: () => void }) {
  const text = t(failureKey(code));
  return (
    <section class="card failed" data-testid="save-card" data-status="failed" data-code={code} role="alert">
      <p class="fail"><strong>{t('notSaved')}</strong>{text}</p>
      {reason ? <p class="detail" data-testid="fail-reason">{say(reason)}</p> : null}
      {/* Only a fault of ours (code 'error') has no sentence of its own: its English detail, labelled, for a bug report. */}
      {code === 'error' && message && message !== text ? <p class="detail" data-testid="fail-detail">{t('pop_failDetail', message)}</p> : null}
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
    return p.ok ? <Preview preview={p} onSave={onSave} /> : <Failure code={p.code} message={p.message} reason={p.reason} onSaveWholePage={onSaveWholePage} onRetry={onRetry} />;
  }
  const { outcome } = state;
  if (!outcome.ok) return <Failure code={outcome.code} message={outcome.message} reason={outcome.reason} onSaveWholePage={onSaveWholePage} onRetry={onRetry} />;
  return <Saved outcome={outcome} />;
}

const REASON_KEYS: Record<UnsureField['reason'], string> = {
  missing: 'card_reason_missing', 'site-name': 'card_reason_siteName', host: 'card_reason_host',
  'no-offset': 'card_reason_noOffset', guessed: 'card_reason_guessed',
};

const FIELD_KEYS: Record<ArticleField, string> = {
  title: 'card_fieldTitle', source: 'fieldSource', publishedAt: 'fieldPublished', author: 'fieldAuthor',
};

/** The mark after a field the save was unsure of: why, in a word or two. */
function Mark({ field, reason, zone }: { field: ArticleField; reason: UnsureField['reason']; zone: string }) {
  const text = field === 'title' && reason === 'guessed' ? t('card_reason_titleGuessed') : t(REASON_KEYS[reason], zone);
  return <span class="unsure" data-testid={`unsure-${field}`} data-reason={reason}>{text}</span>;
}

/** The zone of a stored time (its own offset), for a "no zone on the page" mark. */
function zoneOf(iso: string | null, settings: ExportSettings): string {
  return zoneName(defaultTypedOffset(iso, settings.timeZone));
}

type Form = Record<ArticleField, string>;

const formOf = (a: Article): Form => ({ title: a.title, source: a.source ?? '', publishedAt: timeForEditing(a.publishedAt), author: a.author ?? '' });

/**
 * The correction form: title, source, time and reporter, written through the library's own edit ('update-article'
 * with the values the form started from), so it is recorded in `edited`: a new save of the page keeps it.
 */
function CorrectForm({ article, settings, onDone }: { article: Article; settings: ExportSettings; onDone: (next: Article | null, note: string) => void }) {
  const [start] = useState(() => formOf(article));
  const [f, setF] = useState<Form>(start);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const fallback = defaultTypedOffset(article.publishedAt, settings.timeZone);
  const typed = f.publishedAt.trim() ? readTypedTime(f.publishedAt, fallback) : null;
  const zoneKey = typed?.stated ? 'card_zoneTyped' : article.publishedAt ? 'card_zonePage' : 'card_zoneSetting';
  const zoneText = t(zoneKey, zoneName(typed?.offset ?? fallback));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!f.title.trim()) return setError(t('card_noTitle'));
    if (f.publishedAt.trim() && !typed) return setError(t('card_badTime'));
    setError(null);
    const patch: ArticlePatch = {};
    const values: ArticlePatch = {};
    const put = (k: ArticleField, value: string | null, from: string | null) => {
      if (value === from) return;
      (patch as Record<string, unknown>)[k] = value;
      (values as Record<string, unknown>)[k] = from;
    };
    if (f.title.trim() !== start.title.trim()) put('title', f.title.trim(), article.title);
    if (f.source.trim() !== start.source.trim()) put('source', f.source.trim() || null, article.source);
    if (f.author.trim() !== start.author.trim()) put('author', f.author.trim() || null, article.author);
    if (f.publishedAt.trim() !== start.publishedAt.trim()) put('publishedAt', typed?.iso ?? null, article.publishedAt);
    if (Object.keys(patch).length === 0) return onDone(null, t('card_unchanged'));
    setBusy(true);
    // A request that rejects never got an answer (the background's worker stopped): a retry, as for a save.
    const r = await request('update-article', { id: article.id!, patch, base: { updatedAt: article.updatedAt, values } }).catch(() => null);
    setBusy(false);
    if (!r) return setError(t('pop_failInterrupted'));
    if (!r.ok) return setError(say(r.problem));
    if ('missing' in r) return onDone(null, t('card_gone'));
    if (r.conflicts?.length) return onDone(r.article, t('card_conflict', r.conflicts.map((c) => t(FIELD_KEYS[c.field as ArticleField] ?? 'fieldSource')).join(', ')));
    onDone(r.article, t('card_corrected'));
  };
  const input = (k: ArticleField, extra?: { hint?: string; ref?: typeof first }) => (
    <label class="correct-field" key={k}>
      <span>{t(FIELD_KEYS[k])}</span>
      <input value={f[k]} ref={extra?.ref} data-testid={`correct-${k}`} disabled={busy}
        placeholder={extra?.hint} onInput={(e) => { setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }); setError(null); }} />
    </label>
  );
  return (
    <form class="correct" data-testid="correct-form" onSubmit={submit}>
      {input('title')}
      {input('source', { ref: first })}
      {input('publishedAt', { hint: t('card_timeHint') })}
      <p class="zone" data-testid="correct-zone">{zoneText}</p>
      {input('author')}
      {error ? <p class="correct-error" data-testid="correct-error" role="alert">{error}</p> : null}
      <div class="correct-actions">
        <button type="submit" class="primary" data-testid="correct-save" disabled={busy}>{t('card_save')}</button>
        <button type="button" data-testid="correct-cancel" disabled={busy} onClick={() => onDone(null, '')}>{t('card_cancel')}</button>
      </div>
    </form>
  );
}

/** A saved article: its fields, each marked when the save was unsure of it, and the correction in place. */
function Saved({ outcome }: { outcome: Extract<SaveOutcome, { ok: true }> }) {
  const [a, setA] = useState<Article>(outcome.article);
  const [settings, setSettings] = useState<ExportSettings>(DEFAULT_EXPORT_SETTINGS);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  // The source was not on the page when saved: the card keeps saying where the post goes, also once corrected.
  const [sourceAsked] = useState(() => fieldsToCheck(outcome.article).has('source'));
  useEffect(() => { loadExportSettings().then(setSettings).catch(() => {}); }, []);
  const marks = fieldsToCheck(a);
  const zone = zoneOf(a.publishedAt, settings);
  const filed = filedUnder(a, settings);
  const mark = (field: ArticleField) => {
    const reason = marks.get(field);
    return reason ? <> <Mark field={field} reason={reason} zone={zone} /></> : null;
  };
  const sourceReason = marks.get('source');
  return (
    <section class={`card saved${marks.size ? ' has-unsure' : ''}`} data-testid="save-card" data-status={outcome.status}
      data-matched={outcome.matched} data-unsure={[...marks.keys()].join(' ')} aria-live="polite">
      <p class="status">{outcome.status === 'created' ? t('saved') : t('alreadySavedUpdated')}</p>
      <h1 class="title" data-testid="card-title">{a.title}</h1>
      {marks.has('title') ? <p class="title-mark">{mark('title')}</p> : null}
      {/* Reached through another link (no canonical URL): the site's own id said it is the article already saved. */}
      {outcome.status === 'updated' && outcome.matched === 'site-id' ? (
        <p class="match" data-testid="matched-site-id">{t('pop_matchedSiteId', a.siteArticleId ?? '—')}</p>
      ) : null}
      <dl>
        <dt>{t('fieldSource')}</dt><dd data-testid="card-source">{a.source ?? '—'}{mark('source')}</dd>
        <dt>{t('fieldPublished')}</dt><dd data-testid="card-published">{formatPublished(a.publishedAt) || '—'}{mark('publishedAt')}</dd>
        <dt>{t('fieldSite')}</dt><dd>{a.siteName ?? '—'}</dd>
        {a.author || marks.has('author') ? <><dt>{t('fieldAuthor')}</dt><dd data-testid="card-author">{a.author ?? '—'}{mark('author')}</dd></> : null}
        {sourceAsked && !sourceReason ? <><dt>{t('card_fieldCategory')}</dt><dd data-testid="card-category">{t('card_filedUnder', filed.category, filed.tag)}</dd></> : null}
        <dt>{outcome.status === 'created' ? t('pop_fieldSavedAt') : t('pop_fieldFirstSaved')}</dt>
        <dd data-testid="saved-at">{formatLocalTime(a.savedAt, uiLanguage())}</dd>
      </dl>
      {sourceReason ? <p class="filed" data-testid="card-category" data-category={filed.category}>{t('card_filedUnderMissing', filed.category, filed.name, filed.tag)}</p> : null}
      {editing ? (
        <CorrectForm article={a} settings={settings} onDone={(next, text) => { if (next) setA(next); setEditing(false); setNote(text); }} />
      ) : (
        <button type="button" class={marks.size ? 'correct-open primary' : 'correct-open'} data-testid="correct-open" title={t('card_correctTitle')}
          onClick={() => { setNote(''); setEditing(true); }}>{t('card_correct')}</button>
      )}
      {note ? <p class="correct-note" data-testid="correct-note" role="status">{note}</p> : null}
    </section>
  );
}
