// Actions on the selected articles: tag, untag, export, delete.
import { useState } from 'preact/hooks';
import { parseTags } from './library-reader';
import { t } from './i18n';

export interface LibraryBulkBarProps {
  count: number;
  total: number;
  onSelectAll: () => void;
  onClear: () => void;
  onTag: (add: string[], remove: string[]) => void;
  onExport: () => void;
  onDelete: () => void;
}

export function LibraryBulkBar({ count, total, onSelectAll, onClear, onTag, onExport, onDelete }: LibraryBulkBarProps) {
  const [tags, setTags] = useState('');
  return (
    <div class="lib-bulk" data-testid="lib-bulk">
      <span class="lib-count" data-testid="lib-count">{count > 0 ? t('lib_selected', String(count), String(total)) : t('lib_total', String(total))}</span>
      <button type="button" onClick={onSelectAll} disabled={total === 0} data-testid="lib-select-all">{t('lib_selectAll')}</button>
      {count > 0 ? (
        <>
          <button type="button" onClick={onClear}>{t('lib_clearSelection')}</button>
          <input class="lib-tag-input" value={tags} placeholder={t('lib_tagsPlaceholder')} aria-label={t('lib_tagsPlaceholder')}
            onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} data-testid="lib-bulk-tags" />
          <button type="button" disabled={!tags.trim()} onClick={() => onTag(parseTags(tags), [])} data-testid="lib-bulk-tag">{t('lib_addTags')}</button>
          <button type="button" disabled={!tags.trim()} onClick={() => onTag([], parseTags(tags))}>{t('lib_removeTags')}</button>
          <button type="button" onClick={onExport} data-testid="lib-bulk-export">{t('lib_exportSelected')}</button>
          <button type="button" class="danger" onClick={onDelete} data-testid="lib-bulk-delete">{t('lib_deleteSelected')}</button>
        </>
      ) : null}
    </div>
  );
}
