// The library's windowed list: only the rows in view (plus a margin) are read and rendered, so 100 000 ids scroll like 50.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from './use-live-query';
import type { Article } from '@/utils/types';
import { exportState } from '@/utils/export-state';
import { formatPublished } from './format-time';
import { t } from './i18n';
import { hitPattern, markHits, snippet, type Piece } from './search-snippet';

export const ROW_HEIGHT = 56;
/** A search result has a third line, the passage that matched. */
export const HIT_ROW_HEIGHT = 78;
const MARGIN = 8;

export interface LibraryListProps {
  ids: number[];
  /** Changes when the query changes: the list goes back to the top (not when the same results refresh). */
  resetKey: string;
  /** Called once, a frame after the first rows with their text are on screen. */
  onPainted?: () => void;
  load: (ids: number[]) => Promise<Article[]>;
  /** Rows already read (the first screen): shown until the live read of the window comes back. */
  seed?: Article[];
  selected: Set<number>;
  openId: number | null;
  onToggle: (id: number, shift: boolean) => void;
  onOpen: (id: number) => void;
  /** The row the keyboard is on (j/k): marked, and scrolled into view. */
  cursorId?: number | null;
  /** The search words: each row shows the passage of its text that matched, hits marked. */
  query?: string;
  /** Reads the texts of the rows in view, for the passages. */
  loadBodies?: (ids: number[]) => Promise<({ articleId: number; text: string } | undefined)[]>;
  /** What an empty list says (no match, or nothing saved yet). */
  emptyText?: string;
}

const Marked = ({ pieces }: { pieces: Piece[] }) => <>{pieces.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>;

/** The seed's rows for the window, if it holds every one of them; a partial window would flash blank rows. */
function seedFor(seed: Article[] | undefined, ids: number[]): Article[] | undefined {
  if (!seed) return undefined;
  const have = new Map(seed.map((a) => [a.id!, a]));
  return ids.every((id) => have.has(id)) ? ids.map((id) => have.get(id)!) : undefined;
}

export function LibraryList({ ids, resetKey, onPainted, load, seed, selected, openId, onToggle, onOpen, cursorId = null, query = '', loadBodies, emptyText }: LibraryListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);
  const painted = useRef(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // A new result list starts at the top.
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const searching = query.trim() !== '' && !!loadBodies;
  const rowHeight = searching ? HIT_ROW_HEIGHT : ROW_HEIGHT;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - MARGIN);
  const last = Math.min(ids.length, Math.ceil((scrollTop + height) / rowHeight) + MARGIN);
  const windowIds = ids.slice(first, last);
  const key = windowIds.join(',');
  // liveQuery watches just these rows: an edit or a tag elsewhere repaints them.
  const rows = useLiveQuery(() => load(windowIds), [key]) ?? seedFor(seed, windowIds);
  const byId = new Map((rows ?? []).map((a) => [a.id!, a]));
  // Only the rows in view have their text read, and only while searching.
  const bodies = useLiveQuery(() => (searching ? loadBodies!(windowIds) : undefined), [key, searching]);
  const textOf = new Map((bodies ?? []).filter((b) => !!b).map((b) => [b!.articleId, b!.text]));
  const pattern = searching ? hitPattern(query) : null;

  // The keyboard's row stays in view: scroll by as little as it takes.
  useEffect(() => {
    const el = box.current;
    const at = cursorId === null ? -1 : ids.indexOf(cursorId);
    if (!el || at < 0) return;
    const top = at * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [cursorId, rowHeight]);
  const stateLabel = { exported: t('lib_exported'), changed: t('lib_changedSinceExport') };

  useEffect(() => {
    if (!painted.current && rows && rows.length > 0) {
      painted.current = true;
      requestAnimationFrame(() => {
        performance.mark('lib-first-rows');
        onPainted?.();
      });
    }
  }, [rows]);

  // The scroll box stays mounted when the list is empty: the ResizeObserver watches this one element.
  return (
    <div class="lib-scroll" ref={box} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      role="listbox" aria-multiselectable="true" aria-label={t('lib_listLabel')} data-testid="lib-list" data-count={ids.length}>
      {ids.length === 0 ? <p class="lib-empty" data-testid="lib-empty">{emptyText ?? t('lib_empty')}</p> : null}
      <div class="lib-spacer" style={{ height: `${ids.length * rowHeight}px` }}>
        {windowIds.map((id, i) => {
          const a = byId.get(id);
          const state = a ? exportState(a) : undefined;
          const meta = a ? [a.source ?? a.siteName, formatPublished(a.publishedAt), a.tags.map((x) => `#${x}`).join(' ')].filter(Boolean).join(' · ') : '';
          const top = (first + i) * rowHeight;
          const text = textOf.get(id);
          const passage = pattern && a ? snippet(text ?? '', pattern) ?? snippet(a.excerpt ?? '', pattern) : null;
          return (
            <div key={id} class={`lib-row${openId === id ? ' open' : ''}${selected.has(id) ? ' selected' : ''}${cursorId === id ? ' cursor' : ''}`} style={{ top: `${top}px`, height: `${rowHeight}px` }}
              role="option" aria-selected={selected.has(id)} data-testid="lib-row" data-id={id} data-export-state={state}>
              <input type="checkbox" checked={selected.has(id)} aria-label={t('lib_select', a?.title ?? '')}
                onClick={(e) => onToggle(id, (e as MouseEvent).shiftKey)} data-testid="lib-check" />
              <button type="button" class="lib-row-main" onClick={() => onOpen(id)} data-testid="lib-open">
                <span class="lib-row-title" data-testid="lib-row-title">{a ? (pattern ? <Marked pieces={markHits(a.title, pattern)} /> : a.title) : ' '}</span>
                <span class="lib-row-meta">
                  <span class="lib-row-meta-text">{meta}</span>
                  {state && state !== 'new' ? <>{meta ? <span class="sep"> · </span> : null}<span class={`lib-export-state ${state}`} data-testid="lib-export-state">{stateLabel[state]}</span></> : null}
                </span>
                {passage ? <span class="lib-snippet" data-testid="lib-snippet"><Marked pieces={passage} /></span> : null}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
