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
import { say, t } from '@/components/i18n';
import { copyOnePost, exportOnePost } from '@/components/export-one-post';
import { PageLinks } from '@/components/page-links';
import { useLibraryKeys } from './components/library-keys';
import { ShortcutHelp } from './components/shortcut-help';
import { ConfirmDelete } from './components/confirm-delete';
import { FreeSpace } from './components/free-space';

const SEARCH_DELAY_MS = 120;
// The early read's rows (newest-rows.js), so that the first screen needs no second read.
export const FIRST_SCREEN = NEWEST_ROWS;
const MESSAGE_SHOWN_MS = 6_000;
const UNDO_SHOWN_MS = 30_000;
// More than a screenful selected: a deletion the user may not have seen whole asks once first.
export const CONFIRM_DELETE_OVER = 20;

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
  // The row the keyboard is on (j/k), the ids waiting for the confirm dialog, the help overlay, the `e` request.
  const [cursor, setCursor] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number[] | null>(null);
  const [help, setHelp] = useState(false);
  const [editSignal, setEditSignal] = useState(0);

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
    setSelected(new Set());
  };
  const askRemove = (list: number[]) => {
    if (list.length === 0) return;
    if (list.length > CONFIRM_DELETE_OVER) setConfirming(list);
    else void remove(list);
  };
  const copyOne = async (id: number) => {
    const r = await copyOnePost(library, id);
    setToast({ message: r.ok ? t('lib_copied', r.path) : r.message });
  };
  const undo = async (token: string) => setToast(undoToast(await request('undo-delete', { token })));
  // Only the changed fields, with what the form started from: a conflict or a deletion made elsewhere
  // meanwhile is shown in the form (which keeps the typed text), not here.
  const save = async (id: number, patch: ArticlePatch, base: UpdateBase): Promise<EditSaveResult> => {
    const r = await request('update-article', { id, patch, base });
    if (!r.ok) {
      setToast({ message: say(r.problem) });
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
    setToast({ message: r.ok ? t('lib_tagged', String(r.changed)) : say(r.problem) });
  };

  // The open article as last seen: deleted elsewhere (another tab) while open, the reader stays with it
  // and says so, so that an edit in progress is not lost.
  const lastOpen = useRef<Article | null>(null);
  if (open?.article) lastOpen.current = open.article;
  const deletedElsewhere = openId !== null && !!open && !open.article && lastOpen.current?.id === openId;
  const article = open?.article ?? (deletedElsewhere ? lastOpen.current! : undefined);

  const anySaved = (head?.length ?? 0) > 0;
  // An empty library says how to fill it; an empty search or filter, that nothing matches.
  const emptyText = anySaved || !plain ? t('lib_empty') : t('lib_emptyHowTo');
  const list = shown ?? [];
  const target = () => cursor ?? openId;
  useLibraryKeys({
    focusSearch: () => (document.querySelector('[data-testid="lib-search"]') as HTMLInputElement | null)?.focus(),
    move: (step) => {
      if (list.length === 0) return;
      const at = cursor === null ? -1 : list.indexOf(cursor);
      const next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
      setCursor(list[next]!);
    },
    open: () => { const id = target(); if (id !== null) setOpenId(id); },
    edit: () => { const id = target(); if (id !== null) { setOpenId(id); setEditSignal((n) => n + 1); } },
    toggleSelect: () => { if (cursor !== null) toggle(cursor, false); },
    // The selection if there is one, else the article the keyboard is on.
    remove: () => { const id = target(); askRemove(selected.size > 0 ? [...selected] : id !== null ? [id] : []); },
    toggleHelp: () => setHelp((v) => !v),
    escape: () => {
      if (help) setHelp(false);
      else if (confirming) setConfirming(null);
      else if (openId !== null) setOpenId(null);
    },
  });
  return (
    <div class="lib">
      <header class="lib-bar">
        <span class="lib-brand">{t('lib_pageTitle')}</span>
        <LibraryFilters text={text} filter={filter} sort={sort} sources={facets.sources} tags={facets.tags}
          onText={setText} onFilter={setFilter} onSort={setSort} />
        <PageLinks />
      </header>
      <div class="lib-tools">
        <LibraryBulkBar count={selected.size} total={ids?.length ?? 0}
          onSelectAll={() => setSelected(new Set(ids ?? []))} onClear={() => setSelected(new Set())}
          onTag={tag} onExport={() => exportMany([...selected])} onDelete={() => askRemove([...selected])} />
        <LibraryBackup source={library} />
      </div>
      <div class={`lib-main${article ? ' with-reader' : ''}`}>
        {shown ? <LibraryList ids={shown} seed={initial} resetKey={JSON.stringify([query, filter, sort])} onPainted={() => setPainted(true)} load={library.getMany} selected={selected} openId={openId} onToggle={toggle} onOpen={(id) => { setOpenId(id); setCursor(id); }}
          cursorId={cursor} query={query} loadBodies={library.getBodies} emptyText={emptyText} /> : <div class="lib-scroll" />}
        {article ? (
          <LibraryReader key={article.id} article={article} body={open?.body} deleted={deletedElsewhere}
            onSave={(p, base) => save(article.id!, p, base)}
            onExport={() => exportOne(article.id!)} onCopy={() => copyOne(article.id!)} editSignal={editSignal} onDelete={() => remove([article.id!])} onClose={() => setOpenId(null)} />
        ) : null}
      </div>
      <footer class="lib-foot">
        {/* Nothing saved yet: nothing to lose, so no word about storage. */}
        <span>{!anySaved ? '' : persisted === false ? t('lib_notPersistent') : persisted ? t('lib_persistent') : ''}</span>
        <FreeSpace reader={library} onDone={(message) => setToast({ message })} />
      </footer>
      <LibraryToast toast={toast} onUndo={undo} onClose={() => setToast(null)} />
      {confirming ? (
        <ConfirmDelete count={confirming.length} onCancel={() => setConfirming(null)}
          onConfirm={() => { const list = confirming; setConfirming(null); void remove(list); }} />
      ) : null}
      {help ? <ShortcutHelp onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
