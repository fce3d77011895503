// One saved article: the sanitized body to read, and the form that edits what export uses.
import { useMemo, useState } from 'preact/hooks';
import type { Article, ArticleBody } from '@/utils/types';
import type { ArticlePatch } from '@/utils/library';
import { readerSanitizer } from '@/utils/reader-html';
import { formatPublished } from './format-time';
import { t } from './i18n';

let sanitize: ((html: string) => string) | null = null;

export interface LibraryReaderProps {
  article: Article;
  body: ArticleBody | undefined;
  onSave: (patch: ArticlePatch) => Promise<boolean>;
  onExport: () => void;
  onDelete: () => void;
  onClose: () => void;
}

/** Splits a tag field on commas (ASCII and Chinese) and 、. */
export function parseTags(value: string): string[] {
  return [...new Set(value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean))];
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function EditForm({ article, onSave, onDone }: { article: Article; onSave: LibraryReaderProps['onSave']; onDone: () => void }) {
  const [f, setF] = useState({
    title: article.title, source: article.source ?? '', publishedAt: article.publishedAt ?? '',
    author: article.author ?? '', tags: article.tags.join(', '), category: article.category ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const field = (name: keyof typeof f, label: string) => (
    <label class="lib-field">
      <span>{label}</span>
      <input value={f[name]} data-testid={`lib-edit-${name}`}
        onInput={(e) => setF({ ...f, [name]: (e.currentTarget as HTMLInputElement).value })} />
    </label>
  );
  const submit = async (e: Event) => {
    e.preventDefault();
    const publishedAt = f.publishedAt.trim();
    if (publishedAt && (!ISO_WITH_OFFSET.test(publishedAt) || Number.isNaN(Date.parse(publishedAt)))) {
      setError(t('lib_badDate'));
      return;
    }
    if (!f.title.trim()) {
      setError(t('lib_noTitle'));
      return;
    }
    const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
    const ok = await onSave({
      title: f.title.trim(), source: orNull(f.source), publishedAt: orNull(publishedAt), author: orNull(f.author),
      tags: parseTags(f.tags), category: orNull(f.category),
    });
    if (ok) onDone();
  };
  return (
    <form class="lib-edit" onSubmit={submit} data-testid="lib-edit-form">
      {field('title', t('lib_fieldTitle'))}
      {field('source', t('lib_fieldSource'))}
      {field('publishedAt', t('lib_fieldPublished'))}
      {field('author', t('lib_fieldAuthor'))}
      {field('tags', t('lib_fieldTags'))}
      {field('category', t('lib_fieldCategory'))}
      {error ? <p class="lib-error" role="alert">{error}</p> : null}
      <div class="lib-actions">
        <button type="submit" class="primary" data-testid="lib-edit-save">{t('lib_save')}</button>
        <button type="button" onClick={onDone}>{t('lib_cancel')}</button>
      </div>
    </form>
  );
}

export function LibraryReader({ article, body, onSave, onExport, onDelete, onClose }: LibraryReaderProps) {
  const [editing, setEditing] = useState(false);
  const html = useMemo(() => {
    sanitize ??= readerSanitizer(window);
    return body ? sanitize(body.html) : '';
  }, [body]);
  return (
    <article class="lib-reader" data-testid="lib-reader" data-id={article.id}>
      <div class="lib-actions">
        <button type="button" onClick={() => setEditing(!editing)} data-testid="lib-edit">{t('lib_edit')}</button>
        <button type="button" onClick={onExport} data-testid="lib-export-one">{t('lib_exportMd')}</button>
        <button type="button" class="danger" onClick={onDelete} data-testid="lib-delete-one">{t('lib_delete')}</button>
        <button type="button" onClick={onClose} aria-label={t('lib_close')} class="lib-close">✕</button>
      </div>
      {editing ? <EditForm key={article.id} article={article} onSave={onSave} onDone={() => setEditing(false)} /> : null}
      <h1 data-testid="lib-reader-title">{article.title}</h1>
      <p class="lib-reader-meta">
        {[article.source ?? article.siteName, formatPublished(article.publishedAt), article.author].filter(Boolean).join(' · ')}
        {' · '}<a href={article.url} target="_blank" rel="noopener noreferrer">{t('lib_original')}</a>
      </p>
      {/* Sanitized just above: no script, no event handler, no javascript: link. */}
      <div class="lib-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
