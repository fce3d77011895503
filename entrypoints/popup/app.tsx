// The popup: the click saves the current tab (or previews it, per the setting), the card reports it, the list shows the library.
import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import type { ListPageProps } from '@/components/mount-with-first-rows';
import { browser } from 'wxt/browser';
import type { Library } from '@/utils/library';
import type { Article } from '@/utils/types';
import { request, type PreviewOutcome, type SaveOutcome } from '@/utils/messages';
import { clickSavesItem } from '@/utils/settings';
import { SaveCard, type SaveState } from '@/components/save-card';
import { ArticleList } from '@/components/article-list';
import { PopupSettings } from '@/components/popup-settings';
import { say, t } from '@/components/i18n';
import { problemOf } from '@/utils/problem';
import { PopupExportButton } from '@/components/popup-export-button';
import { PopupSearch } from '@/components/popup-search';
import { copyOnePost, exportOnePost } from '@/components/export-one-post';
import { PageLinks } from '@/components/page-links';

const RECENT = 50;
export const readRecent = (library: Library): Promise<Article[]> => library.list({ limit: RECENT });

async function targetTabId(): Promise<number | null> {
  // ?tabId=N lets a tab page (and the browser tests) stand in for the toolbar popup.
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function App({ library, initial }: ListPageProps) {
  const [save, setSave] = useState<SaveState>({ phase: 'saving' });
  // A message under the card; after a deletion it carries the undo token, as the library's toast does.
  const [notice, setNotice] = useState<{ text: string; undoToken?: string | null } | null>(null);
  const [busy, setBusy] = useState<Set<number>>(new Set());
  // `initial` is the same query read before the first render; the live query keeps it current.
  const articles = useLiveQuery(() => readRecent(library), [library], initial);

  const [tabId, setTabId] = useState<number | null>(null);
  // A request that rejects never got an answer from the background (its worker stopped, the message channel
  // closed): the browser's own words ("A listener indicated an asynchronous response…") are not for the user.
  const failed = (err: Error) => ({ ok: false as const, code: 'interrupted' as const, message: err.message });
  const runSave = async (job: () => Promise<SaveOutcome>) => {
    setSave({ phase: 'saving' });
    setSave({ phase: 'done', outcome: await job().catch(failed) });
  };

  useEffect(() => {
    (async () => {
      const id = await targetTabId();
      setTabId(id);
      if (id === null) {
        setSave({ phase: 'done', outcome: { ok: false, code: 'error', message: t('noTab') } });
      } else if (await clickSavesItem.getValue().catch(() => true)) {
        await runSave(() => request('save-tab', { tabId: id }));
      } else {
        setSave({ phase: 'reading' });
        const preview: PreviewOutcome = await request('preview-tab', { tabId: id }).catch(failed);
        setSave({ phase: 'preview', preview });
      }
    })();
  }, []);
  const onSave = () => tabId !== null && runSave(() => request('save-tab', { tabId }));
  const onSaveWholePage = () => tabId !== null && runSave(() => request('save-whole-page', { tabId }));

  const withBusy = async (id: number, job: () => Promise<void>) => {
    setBusy((b) => new Set(b).add(id));
    try {
      await job();
    } catch (err) {
      setNotice({ text: t('pop_actionFailed', say(problemOf(err))) });
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(id);
        return next;
      });
    }
  };
  const onExport = (id: number) => withBusy(id, async () => {
    const r = await exportOnePost(library, id);
    setNotice({ text: r.ok ? t('downloaded', r.filename) : r.message });
  });
  const onCopy = (id: number) => withBusy(id, async () => {
    const r = await copyOnePost(library, id);
    setNotice({ text: r.ok ? t('pop_copied', r.path) : r.message });
  });
  // The library's deletion, with its undo; on a full disk it still deletes, without the undo copy, and says so.
  const onDelete = (id: number) => withBusy(id, async () => {
    const r = await request('delete-articles', { ids: [id] });
    if (!r.ok) setNotice({ text: r.code === 'quota' ? t('pop_deleteFailedQuota') : t('pop_actionFailed', say(r.problem)) });
    else if (r.undoToken) setNotice({ text: t('pop_deleted'), undoToken: r.undoToken });
    else setNotice({ text: t('pop_deletedNoUndo') });
  });
  const onUndo = async (token: string) => {
    const r = await request('undo-delete', { token }).catch(failed);
    if (!r.ok) setNotice({ text: r.code === 'quota' ? t('lib_undoFailedQuota') : r.code === 'interrupted' ? t('pop_failInterrupted') : t('pop_actionFailed', say(r.problem)) });
    else setNotice({ text: r.restored > 0 ? t('pop_restored') : t('lib_undoNothing') });
  };

  return (
    <main>
      <header class="bar"><span class="brand">{t('popupBrand')}</span><span class="bar-end"><PopupExportButton /><PageLinks /></span></header>
      <SaveCard state={save} onSave={onSave} onSaveWholePage={onSaveWholePage} onRetry={onSave} />
      {notice ? (
        <p class="notice" data-testid="notice" role="status">
          {notice.text}
          {notice.undoToken ? <> <button type="button" data-testid="undo" onClick={() => onUndo(notice.undoToken!)}>{t('lib_undo')}</button></> : null}
        </p>
      ) : null}
      <PopupSearch library={library} />
      <h2 class="list-heading">{t('savedArticles')}</h2>
      {articles ? <ArticleList articles={articles} onExport={onExport} onCopy={onCopy} onDelete={onDelete} busy={busy} /> : null}
      <PopupSettings />
    </main>
  );
}
