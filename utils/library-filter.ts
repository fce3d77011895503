// Library filters as data, and the ordered intersection that applies them to a sorted id list; pure.

export type SortKey = 'savedAt' | 'publishedAt';
export type ExportedFilter = 'yes' | 'no';

/** What the library page filters by; an absent field does not filter. */
export interface LibraryFilter {
  source?: string;
  tag?: string;
  /** Publication date range, inclusive, `YYYY-MM-DD` (compared with the stored ISO time's date). */
  from?: string;
  to?: string;
  exported?: ExportedFilter;
}

export interface LibraryQuery {
  filter?: LibraryFilter;
  sort?: SortKey;
  /** A search query: results come in rank order instead of `sort`. */
  text?: string;
}

/** Keeps the ids of `ordered` (in their order) that are in every `include` set and in no `exclude` set. */
export function intersectOrdered(ordered: readonly number[], include: readonly Set<number>[], exclude: readonly Set<number>[] = []): number[] {
  if (include.length === 0 && exclude.length === 0) return ordered.slice();
  // Smallest set first: most ids fall out at the first check.
  const inc = [...include].sort((a, b) => a.size - b.size);
  return ordered.filter((id) => inc.every((s) => s.has(id)) && !exclude.some((s) => s.has(id)));
}

/** The `publishedAt` index range for a date range: ISO strings sort by their date part first. */
export function dateRange(from: string | undefined, to: string | undefined): [string, string] | null {
  if (!from && !to) return null;
  return [from ?? '', to ? to + '\uffff' : '\uffff'];
}

/** True when the filter filters anything. */
export function isFiltering(filter: LibraryFilter | undefined): boolean {
  return !!filter && !!(filter.source || filter.tag || filter.from || filter.to || filter.exported);
}
