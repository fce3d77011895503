// The popup: the click saves the current tab, the card reports it, the list shows the library.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { JianbaoDb } from '@/utils/db';
import { request } from '@/utils/messages';
import { SaveCard, type SaveState } from '@/components/save-card';
import { ArticleList } from '@/components/article-list';
import { t } from '@/components/i18n';

const RECENT = 50;

async function targetTabId(): Promise<number | null> {
  // ?tabId=N lets a tab page (and the browser tests) stand in for the toolbar popup.
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function App() {
  const db = useMemo(() => new JianbaoDb(), []);
  const [save, setSave] = useState<SaveState>({ phase: 'saving' });
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<Set<number>>(new Set());
  const articles = useLiveQuery(() => db.articles.orderBy('savedAt').reverse().limit(RECENT).toArray(), [db]);

  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      const outcome = tabId === null
        ? { ok: false as const, code: 'error' as const, message: t('noTab') }
        : await request('save-tab', { tabId }).catch((err: Error) => ({ ok: false as const, code: 'error' as const, message: err.message }));
      setSave({ phase: 'done', outcome });
    })();
  }, []);

  const withBusy = async (id: number, job: () => Promise<void>) => {
    setBusy((b) => new Set(b).add(id));
    try {
      await job();
    } catch (err) {
      setNotice((err as Error).message);
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(id);
        return next;
      });
    }
  };
  const onExport = (id: number) => withBusy(id, async () => {
    const r = await request('export-article', { id });
    setNotice(r.ok ? t('downloaded', r.filename) : r.message);
  });
  const onDelete = (id: number) => withBusy(id, async () => {
    await request('delete-article', { id });
  });

  return (
    <main>
      <header class="bar"><span class="brand">{t('popupBrand')}</span></header>
      <SaveCard state={save} />
      {notice ? <p class="notice" data-testid="notice" role="status">{notice}</p> : null}
      <h2 class="list-heading">{t('savedArticles')}</h2>
      {articles ? <ArticleList articles={articles} onExport={onExport} onDelete={onDelete} busy={busy} /> : null}
    </main>
  );
}
