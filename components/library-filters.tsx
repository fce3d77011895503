// The library's search box, filters and sort order.
import type { ExportedFilter, LibraryFilter, SortKey } from '@/utils/library-filter';
import { t } from './i18n';
import { LocaleDateInput } from './locale-date-input';

export interface LibraryFiltersProps {
  text: string;
  filter: LibraryFilter;
  sort: SortKey;
  sources: string[];
  tags: string[];
  onText: (text: string) => void;
  onFilter: (filter: LibraryFilter) => void;
  onSort: (sort: SortKey) => void;
}

const orNone = (v: string) => (v === '' ? undefined : v);

export function LibraryFilters({ text, filter, sort, sources, tags, onText, onFilter, onSort }: LibraryFiltersProps) {
  const set = (patch: LibraryFilter) => onFilter({ ...filter, ...patch });
  return (
    <div class="lib-filters">
      <input type="search" class="lib-search" value={text} placeholder={t('lib_searchPlaceholder')} aria-label={t('lib_searchPlaceholder')}
        onInput={(e) => onText((e.currentTarget as HTMLInputElement).value)} data-testid="lib-search" autofocus />
      <select aria-label={t('lib_filterSource')} value={filter.source ?? ''} data-testid="lib-filter-source"
        onChange={(e) => set({ source: orNone((e.currentTarget as HTMLSelectElement).value) })}>
        <option value="">{t('lib_allSources')}</option>
        {sources.map((s) => <option key={s} value={s}>{s}</option>)}
      </select>
      <select aria-label={t('lib_filterTag')} value={filter.tag ?? ''} data-testid="lib-filter-tag"
        onChange={(e) => set({ tag: orNone((e.currentTarget as HTMLSelectElement).value) })}>
        <option value="">{t('lib_allTags')}</option>
        {tags.map((s) => <option key={s} value={s}>{s}</option>)}
      </select>
      <label class="lib-date">{t('lib_from')}
        <LocaleDateInput value={filter.from ?? ''} testId="lib-filter-from" label={t('lib_from')} onChange={(v) => set({ from: orNone(v) })} />
      </label>
      <label class="lib-date">{t('lib_to')}
        <LocaleDateInput value={filter.to ?? ''} testId="lib-filter-to" label={t('lib_to')} onChange={(v) => set({ to: orNone(v) })} />
      </label>
      <select aria-label={t('lib_filterExported')} value={filter.exported ?? ''} data-testid="lib-filter-exported"
        onChange={(e) => set({ exported: orNone((e.currentTarget as HTMLSelectElement).value) as ExportedFilter | undefined })}>
        <option value="">{t('lib_exportedAny')}</option>
        <option value="yes">{t('lib_exportedYes')}</option>
        <option value="no">{t('lib_exportedNo')}</option>
      </select>
      <select aria-label={t('lib_sort')} value={sort} data-testid="lib-sort"
        onChange={(e) => onSort((e.currentTarget as HTMLSelectElement).value as SortKey)} disabled={text.trim() !== ''}>
        <option value="savedAt">{t('lib_sortSaved')}</option>
        <option value="publishedAt">{t('lib_sortPublished')}</option>
      </select>
    </div>
  );
}
