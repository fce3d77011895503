// The library page: search, filters, the windowed list, bulk actions, the reader, backup; writes go to the background.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import type { ListPageProps } from '@/components/mount-with-first-rows';
import { browser } from 'wxt/browser';
import { JianbaoDb } from '@/utils/db';
import { createLibrary, type ArticlePatch, type Library, type UpdateBase } from '@/utils/library';
import { NEWEST_ROWS } from '@/utils/newest-articles';
import type { Article } from '@/utils/types';
import { isFiltering, type LibraryFilter, type SortKey } from '@/utils/library-filter';
import { request } from '@/utils/messages';
import { restoreBackup, writeBackup } from '@/utils/backup';
import { joinParts } from '@/utils/backup-format';
import { LibraryList } from '@/components/library-list';
import { LibraryFilters } from '@/components/library-filters';
import { LibraryReader, type EditSaveResult } from '@/components/library-reader';
import { LibraryBulkBar } from '@/components/library-bulk-bar';
import { LibraryToast, deletionToast, undoToast, type Toast } from '@/components/library-toast';
import { LibraryBackup } from '@/components/library-backup';
import { t } from '@/components/i18n';
import { exportOnePost } from '@/components/export-one-post';

const SEARCH_DELAY_MS = 120;
// The early read's rows (newest-rows.js), so that the first screen needs no second read.
export const FIRST_SCREEN = NEWEST_ROWS;
const MESSAGE_SHOWN_MS = 6_000;
const UNDO_SHOWN_MS = 30_000;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/** `initial`: the newest saved rows, read before the first render (see main.tsx). */
export function App({ library, initial }: ListPageProps) {
  const params = new URLSearchParams(location.search);
  const [text, setText] = useState(params.get('q') ?? '');
  const query = useDebounced(text, SEARCH_DELAY_MS);
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [sort, setSort] = useState<SortKey>('savedAt');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [openId, setOpenId] = useState<number | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const lastClicked = useRef<number | null>(null);

  // Exposed for the browser tests and the bench, which read through the page's own database connection
  // and time backup and restore (into a scratch database) where they run for users.
  (globalThis as { jianbao?: unknown }).jianbao = {
    library, writeBackup, restoreBackup, joinParts, openLibrary: (name: string) => createLibrary(new JianbaoDb(name)),
  };

  useEffect(() => {
    // Without this the browser may evict the library under storage pressure.
    navigator.storage?.persist?.().then(setPersisted, () => setPersisted(false));
  }, []);

  // A message fades after a while; an Undo stays longer, so there is time to change one's mind.
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), toast.undoToken ? UNDO_SHOWN_MS : MESSAGE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  // The first screen comes from the newest saved ids alone; the whole id list (a long read at
  // 100 000 articles, which would queue the first rows behind it) is read after they are painted.
  const plain = !query.trim() && !isFiltering(filter) && sort === 'savedAt';
  const [painted, setPainted] = useState(false);
  const head = useLiveQuery(() => library.recentIds(FIRST_SCREEN), [], initial?.map((a) => a.id!));
  const ids = useLiveQuery(
    () => (painted || !plain ? library.query({ text: query, filter, sort }) : undefined), [query, filter, sort, painted, plain]);
  const shown = ids ?? (plain ? head : undefined);
  const facets = useLiveQuery(() => library.facets(), []) ?? { sources: [], tags: [] };
  const open = useLiveQuery(async () => (openId === null ? null : {
    article: await library.get(openId), body: await library.getBody(openId),
  }), [openId]);

  // Selection follows the results: ids that left them are dropped.
  useEffect(() => {
    if (!ids) return;
    setSelected((s) => {
      if (s.size === 0) return s;
      const visible = new Set(ids);
      return new Set([...s].filter((id) => visible.has(id)));
    });
  }, [ids]);

  const toggle = (id: number, shift: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      const on = !next.has(id);
      const from = lastClicked.current === null || !ids ? -1 : ids.indexOf(lastClicked.current);
      const to = ids ? ids.indexOf(id) : -1;
      // Shift-click selects the run between the last click and this one.
      const run = shift && from >= 0 && to >= 0 ? ids!.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
      for (const x of run) on ? next.add(x) : next.delete(x);
      return next;
    });
    lastClicked.current = id;
  };

  // With storage full a deletion still happens, without Undo, and the message says so (deletionToast).
  const remove = async (list: number[]) => {
    const r = await request('delete-articles', { ids: list });
    setToast(deletionToast(r));
    if (!r.ok) return;
    if (openId !== null && list.includes(openId)) setOpenId(null);
    // Partly done: the ones left stay selected, to delete again.
    if (!r.notDeleted) setSelected(new Set());
  };
  const undo = async (token: string) => setToast(undoToast(await request('undo-delete', { token })));
  // Only the changed fields, with what the form started from: a conflict or a deletion made elsewhere
  // meanwhile is shown in the form (which keeps the typed text), not here.
  const save = async (id: number, patch: ArticlePatch, base: UpdateBase): Promise<EditSaveResult> => {
    const r = await request('update-article', { id, patch, base });
    if (!r.ok) {
      setToast({ message: r.message });
      return { kind: 'failed' };
    }
    // An earlier "Saved." would contradict what the form now says.
    setToast(null);
    if ('missing' in r) return { kind: 'missing' };
    if (r.conflicts) return { kind: 'conflict', conflicts: r.conflicts };
    setToast({ message: t('lib_savedEdit') });
    return { kind: 'saved' };
  };
  const exportOne = async (id: number) => {
    const r = await exportOnePost(library, id);
    setToast({ message: r.ok ? t('lib_downloaded', r.filename) : r.message });
  };
  const exportMany = (list: number[]) => {
    // The export page (batch zip or folder) takes over from here.
    const url = (browser.runtime.getURL as (p: string) => string)(`/export.html?scope=ids&ids=${list.join(',')}`);
    void browser.tabs.create({ url });
  };
  const tag = async (add: string[], removeTags: string[]) => {
    const r = await request('tag-articles', { ids: [...selected], add, remove: removeTags });
    setToast({ message: r.ok ? t('lib_tagged', String(r.changed)) : r.message });
  };

  // The open article as last seen: deleted elsewhere (another tab) while open, the reader stays with it
  // and says so, so that an edit in progress is not lost.
  const lastOpen = useRef<Article | null>(null);
  if (open?.article) lastOpen.current = open.article;
  const deletedElsewhere = openId !== null && !!open && !open.article && lastOpen.current?.id === openId;
  const article = open?.article ?? (deletedElsewhere ? lastOpen.current! : undefined);
  return (
    <div class="lib">
      <header class="lib-bar">
        <span class="lib-brand">{t('lib_pageTitle')}</span>
        <LibraryFilters text={text} filter={filter} sort={sort} sources={facets.sources} tags={facets.tags}
          onText={setText} onFilter={setFilter} onSort={setSort} />
      </header>
      <div class="lib-tools">
        <LibraryBulkBar count={selected.size} total={ids?.length ?? 0}
          onSelectAll={() => setSelected(new Set(ids ?? []))} onClear={() => setSelected(new Set())}
          onTag={tag} onExport={() => exportMany([...selected])} onDelete={() => remove([...selected])} />
        <LibraryBackup source={library} />
      </div>
      <div class={`lib-main${article ? ' with-reader' : ''}`}>
        {shown ? <LibraryList ids={shown} seed={initial} resetKey={JSON.stringify([query, filter, sort])} onPainted={() => setPainted(true)} load={library.getMany} selected={selected} openId={openId} onToggle={toggle} onOpen={setOpenId} /> : <div class="lib-scroll" />}
        {article ? (
          <LibraryReader key={article.id} article={article} body={open?.body} deleted={deletedElsewhere}
            onSave={(p, base) => save(article.id!, p, base)}
            onExport={() => exportOne(article.id!)} onDelete={() => remove([article.id!])} onClose={() => setOpenId(null)} />
        ) : null}
      </div>
      <footer class="lib-foot">{persisted === false ? t('lib_notPersistent') : persisted ? t('lib_persistent') : ''}</footer>
      <LibraryToast toast={toast} onUndo={undo} onClose={() => setToast(null)} />
    </div>
  );
}
