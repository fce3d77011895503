// One saved article: the sanitized body to read, and the form that edits what export uses.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Article, ArticleBody } from '@/utils/types';
import { EDITABLE_FIELDS, type ArticlePatch, type EditableField, type FieldConflict, type UpdateBase } from '@/utils/library';
import { heldCount, readerSanitizer } from '@/utils/reader-html';
import { formatPublished } from './format-time';
import { t } from './i18n';

// Two sanitizers: `hold` by default (nothing loads from the original site), `load` once the user asks.
let holding: ((html: string) => string) | null = null;
let loading: ((html: string) => string) | null = null;
/** Held images keep their place as a faint box (the stored HTML has no style attribute of its own). */
const HELD_CSS = ['.lib-body [data-jb-held]{display:inline-block;min-width:3em;min-height:2em;', 'background:#8881;outline:1px dashed #8886}'].join('');

/** What a save from the edit form came to; the form shows a conflict or a deletion itself. */
export type EditSaveResult =
  | { kind: 'saved' }
  | { kind: 'failed' }
  | { kind: 'conflict'; conflicts: FieldConflict[] }
  | { kind: 'missing' };

export interface LibraryReaderProps {
  article: Article;
  body: ArticleBody | undefined;
  /** The article was deleted elsewhere (another tab) while open: an edit in progress stays, saying so. */
  deleted?: boolean;
  /** `patch`: only the fields the user changed; `base`: their values when the form opened. */
  onSave: (patch: ArticlePatch, base: UpdateBase) => Promise<EditSaveResult>;
  onExport: () => void;
  /** Copies the post, as an export writes it, to the clipboard. */
  onCopy: () => void;
  /** Changes when the `e` shortcut asks for the edit form. */
  editSignal?: number;
  onDelete: () => void;
  onClose: () => void;
}

/** Splits a tag field on commas (ASCII and Chinese) and 、. */
export function parseTags(value: string): string[] {
  return [...new Set(value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean))];
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type FormValues = Record<EditableField, string>;
type StartValues = Pick<Article, EditableField>;

const LABELS: Record<EditableField, string> = {
  title: 'lib_fieldTitle', source: 'lib_fieldSource', publishedAt: 'lib_fieldPublished',
  author: 'lib_fieldAuthor', tags: 'lib_fieldTags', category: 'lib_fieldCategory',
};

function toForm(v: ArticlePatch): FormValues {
  return {
    title: v.title ?? '', source: v.source ?? '', publishedAt: v.publishedAt ?? '',
    author: v.author ?? '', tags: (v.tags ?? []).join(', '), category: v.category ?? '',
  };
}

/** A form field's text as the value stored. */
function fieldValue(name: EditableField, text: string): ArticlePatch[EditableField] {
  const s = text.trim();
  if (name === 'tags') return parseTags(text);
  if (name === 'title') return s;
  return s === '' ? null : s;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function EditForm({ article, deleted, onSave, onDone }: {
  article: Article; deleted: boolean; onSave: LibraryReaderProps['onSave']; onDone: () => void;
}) {
  // What the form started from: only the fields whose text differs from it are sent, with these values.
  const [start, setStart] = useState<StartValues>(() => ({
    title: article.title, source: article.source, publishedAt: article.publishedAt,
    author: article.author, tags: article.tags, category: article.category,
  }));
  const [startedAt] = useState(article.updatedAt);
  const [f, setF] = useState<FormValues>(() => toForm(article));
  const [error, setError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<FieldConflict[] | null>(null);
  const [missing, setMissing] = useState(false);
  const [copied, setCopied] = useState(false);
  const gone = deleted || missing;
  const field = (name: EditableField) => (
    <label class="lib-field" key={name}>
      <span>{t(LABELS[name])}</span>
      <input value={f[name]} data-testid={`lib-edit-${name}`}
        onInput={(e) => setF({ ...f, [name]: (e.currentTarget as HTMLInputElement).value })} />
    </label>
  );
  const send = async (values: FormValues, from: StartValues) => {
    const publishedAt = values.publishedAt.trim();
    if (publishedAt && (!ISO_WITH_OFFSET.test(publishedAt) || Number.isNaN(Date.parse(publishedAt)))) {
      setError(t('lib_badDate'));
      return;
    }
    if (!values.title.trim()) {
      setError(t('lib_noTitle'));
      return;
    }
    setError(null);
    const startForm = toForm(from);
    const changed = EDITABLE_FIELDS.filter((k) => !same(fieldValue(k, values[k]), fieldValue(k, startForm[k])));
    if (changed.length === 0) return onDone();
    const patch: Record<string, unknown> = {};
    const baseValues: Record<string, unknown> = {};
    for (const k of changed) {
      patch[k] = fieldValue(k, values[k]);
      baseValues[k] = from[k];
    }
    const r = await onSave(patch as ArticlePatch, { updatedAt: startedAt, values: baseValues as ArticlePatch });
    if (r.kind === 'saved') onDone();
    else if (r.kind === 'missing') setMissing(true);
    else if (r.kind === 'conflict') setConflicts(r.conflicts);
  };
  // Either way the form now starts from their values (so "keep mine" overwrites them); "take theirs" also
  // puts them in the form. Then the rest of the edit is saved.
  const resolve = (take: boolean) => {
    if (!conflicts) return;
    const from = { ...start };
    const values = { ...f };
    for (const c of conflicts) {
      (from as Record<EditableField, unknown>)[c.field] = c.theirs;
      if (take) values[c.field] = toForm({ [c.field]: c.theirs })[c.field];
    }
    setStart(from);
    setF(values);
    setConflicts(null);
    void send(values, from);
  };
  const copy = async () => {
    const text = EDITABLE_FIELDS.map((k) => `${t(LABELS[k])}: ${f[k]}`).join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setError(t('lib_copyFailed'));
    }
  };
  const shown = (v: unknown) => {
    const s = Array.isArray(v) ? v.join(', ') : v == null ? '' : String(v);
    return s === '' ? t('lib_emptyValue') : `“${s}”`;
  };
  return (
    <form class="lib-edit" onSubmit={(e) => { e.preventDefault(); void send(f, start); }} data-testid="lib-edit-form">
      {gone ? (
        <div class="lib-error" role="alert" data-testid="lib-edit-deleted">
          <p>{t('lib_deletedElsewhere')}</p>
          <button type="button" onClick={copy} data-testid="lib-edit-copy">{copied ? t('lib_copiedEdits') : t('lib_copyEdits')}</button>
        </div>
      ) : null}
      {conflicts && !gone ? (
        <div class="lib-error" role="alert" data-testid="lib-edit-conflict">
          <p>{t('lib_conflict', conflicts.map((c) => `${t(LABELS[c.field])} ${shown(c.theirs)}`).join('; '))}</p>
          <button type="button" class="primary" onClick={() => resolve(false)} data-testid="lib-edit-keep-mine">{t('lib_keepMine')}</button>
          {' '}
          <button type="button" onClick={() => resolve(true)} data-testid="lib-edit-take-theirs">{t('lib_takeTheirs')}</button>
        </div>
      ) : null}
      {EDITABLE_FIELDS.map(field)}
      {error ? <p class="lib-error" role="alert">{error}</p> : null}
      <div class="lib-actions">
        <button type="submit" class="primary" data-testid="lib-edit-save" disabled={gone || !!conflicts}>{t('lib_save')}</button>
        <button type="button" onClick={onDone}>{t('lib_cancel')}</button>
      </div>
    </form>
  );
}

export function LibraryReader({ article, body, deleted = false, onSave, onExport, onCopy, editSignal = 0, onDelete, onClose }: LibraryReaderProps) {
  const [editing, setEditing] = useState(editSignal > 0);
  useEffect(() => {
    if (editSignal > 0 && !deleted) setEditing(true);
  }, [editSignal]);
  // Deleted elsewhere with no edit in progress: nothing to keep, the reader closes as before.
  useEffect(() => {
    if (deleted && !editing) onClose();
  }, [deleted, editing]);
  // The article whose remote images the user chose to load (a click; never remembered for the next one).
  const [imagesFor, setImagesFor] = useState<number | undefined>(undefined);
  const loadImages = imagesFor !== undefined && imagesFor === article.id;
  const html = useMemo(() => {
    if (!body) return '';
    if (loadImages) return (loading ??= readerSanitizer(window, { remoteImages: 'load' }))(body.html);
    return (holding ??= readerSanitizer(window, { remoteImages: 'hold' }))(body.html);
  }, [body, loadImages]);
  const held = loadImages ? 0 : heldCount(html);
  return (
    <article class="lib-reader" data-testid="lib-reader" data-id={article.id}>
      <div class="lib-actions">
        <button type="button" onClick={() => setEditing(!editing)} data-testid="lib-edit" disabled={deleted}>{t('lib_edit')}</button>
        <button type="button" onClick={onExport} data-testid="lib-export-one" disabled={deleted}>{t('lib_exportMd')}</button>
        <button type="button" onClick={onCopy} data-testid="lib-copy-post" disabled={deleted}>{t('lib_copyPost')}</button>
        <button type="button" class="danger" onClick={onDelete} data-testid="lib-delete-one" disabled={deleted}>{t('lib_delete')}</button>
        <button type="button" onClick={onClose} aria-label={t('lib_close')} class="lib-close">✕</button>
      </div>
      {editing ? <EditForm key={article.id} article={article} deleted={deleted} onSave={onSave} onDone={() => setEditing(false)} /> : null}
      <h1 data-testid="lib-reader-title">{article.title}</h1>
      <p class="lib-reader-meta">
        {[article.source ?? article.siteName, formatPublished(article.publishedAt), article.author].filter(Boolean).join(' · ')}
        {' · '}<a href={article.url} target="_blank" rel="noopener noreferrer">{t('lib_original')}</a>
      </p>
      {/* Sanitized just above: no script, no event handler, no javascript: link. */}
      {held > 0 ? (
        <p class="lib-images-held" data-testid="lib-images-held">
          {t('lib_imagesHeld', String(held))}{' '}
          <button type="button" onClick={() => setImagesFor(article.id)} data-testid="lib-load-images">{t('lib_loadImages')}</button>
        </p>
      ) : null}
      {held > 0 ? <style>{HELD_CSS}</style> : null}
      {/* No body with the row there: "free space" deleted the text (Library.freeText). */}
      {!body && !deleted ? <p class="lib-text-freed" data-testid="lib-text-freed">{t('lib_textFreed')}</p> : null}
      <div class="lib-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
