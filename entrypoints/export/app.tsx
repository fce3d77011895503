// The export page: runs a batch export in its own tab (zip download or the picked folder), with progress and a report.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { JianbaoDb } from '@/utils/db';
import { request } from '@/utils/messages';
import { loadExportConfig } from '@/utils/settings';
import { renderOne } from '@/utils/export/export-one';
import { createLibrary } from '@/utils/library';
import { downloadBlob } from '@/components/download-file';
import { folderTarget, parseScope, runExportJob, zipName, zipTarget, type ExportTarget } from '@/utils/background/export-job';
import { canPickFolder, folderPermission } from '@/utils/background/export-folder';
import { ExportProgress, type ExportPhase } from '@/components/export-progress';
import { ExportDestination } from '@/components/export-destination';
import { PublishRepository } from './components/publish-repository';
import { say, t } from '@/components/i18n';
import { problemOf, ProblemError } from '@/utils/problem';
import { browser } from 'wxt/browser';

type Picker = { showDirectoryPicker(o?: { mode?: 'readwrite'; id?: string }): Promise<FileSystemDirectoryHandle> };

export function App() {
  const db = useMemo(() => new JianbaoDb(), []);
  // Reads, and the folder handle (the one write a page makes); every other write goes to the background.
  const reader = useMemo(() => createLibrary(db), [db]);
  const scope = useMemo(() => parseScope(location.search), []);
  const auto = new URLSearchParams(location.search).get('auto') !== '0';
  // `dest=repo`: opened to publish to the connected repository (that destination starts itself), not to download.
  const toRepo = new URLSearchParams(location.search).get('dest') === 'repo';
  const [publishing, setPublishing] = useState(false);
  const [folder, setFolder] = useState<FileSystemDirectoryHandle | null>(null);
  const [needsPermission, setNeedsPermission] = useState(false);
  const [state, setState] = useState<ExportPhase>({ phase: 'idle' });
  const [copied, setCopied] = useState<string | null>(null);
  // The zip's download, so that the report can show it in its folder.
  const [downloadId, setDownloadId] = useState<number | null>(null);
  const started = useRef(false);

  async function start(kind: 'zip' | 'folder', dir: FileSystemDirectoryHandle | null = folder) {
    if (started.current && state.phase === 'running') return;
    started.current = true;
    try {
      let target: ExportTarget;
      const now = new Date();
      if (kind === 'folder' && dir) {
        // requestPermission needs this click's user activation; ask before any await that could lose it.
        if ((await folderPermission(dir, true)) !== 'granted') throw new Error(t('exp_permissionDenied', dir.name));
        setNeedsPermission(false);
        target = folderTarget(dir);
      } else {
        setDownloadId(null);
        target = zipTarget(async (blob, name) => setDownloadId(await downloadBlob(blob, name, 'uniquify')), zipName(now), now);
      }
      setState({ phase: 'running', progress: { done: 0, total: 0, failed: 0 } });
      const result = await runExportJob({
        config: await loadExportConfig(),
        scope,
        reader,
        target,
        markExported: async (ids, names) => {
          const r = await request('mark-exported', { ids, names: [...names] });
          if (!r.ok) throw new ProblemError(r.problem, r.message);
        },
        now,
        onProgress: (progress) => setState({ phase: 'running', progress }),
      });
      setState({ phase: 'done', result });
    } catch (err) {
      setState({ phase: 'error', message: say(problemOf(err)) });
    }
  }

  useEffect(() => {
    (async () => {
      const saved = await reader.exportFolder().catch(() => null);
      setFolder(saved);
      if (!auto || toRepo) return;
      if (saved) {
        const permission = await folderPermission(saved, false).catch(() => 'denied' as PermissionState);
        if (permission === 'granted') return start('folder', saved);
        setNeedsPermission(true);
        return;
      }
      return start('zip', null);
    })();
  }, []);

  async function pick() {
    try {
      const dir = await (globalThis as unknown as Picker).showDirectoryPicker({ mode: 'readwrite', id: 'jianbao-export' });
      await reader.setExportFolder(dir);
      setFolder(dir);
      setNeedsPermission(false);
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setState({ phase: 'error', message: say(problemOf(err)) });
    }
  }

  async function forget() {
    await reader.setExportFolder(null);
    setFolder(null);
    setNeedsPermission(false);
  }

  async function copyOne(id: number) {
    try {
      const r = await renderOne(reader, id, await loadExportConfig(), new Date());
      if (!r.ok) throw new ProblemError(r.problem, r.message);
      await navigator.clipboard.writeText(r.post.text);
      setCopied(r.post.path);
    } catch (err) {
      setState({ phase: 'error', message: say(problemOf(err)) });
    }
  }

  const running = state.phase === 'running';
  const heading = scope.kind === 'all' ? t('exp_scopeAll') : scope.kind === 'new' ? t('exp_scopeNew') : t('exp_scopeIds', String(scope.ids.length));
  return (
    <main>
      <h1>{t('exp_pageTitle')}</h1>
      <p class="sub">{heading}</p>
      <ExportDestination
        folderName={folder?.name ?? null}
        canPick={canPickFolder()}
        busy={running || publishing}
        needsPermission={needsPermission}
        onPick={pick}
        onForget={forget}
        onStartFolder={() => start('folder')}
        onStartZip={() => start('zip', null)}
      />
      <PublishRepository scope={scope} reader={reader} busy={running} autoStart={auto && toRepo} onRunning={setPublishing} />
      <ExportProgress state={state} />
      {state.phase === 'done' && downloadId !== null ? (
        <section class="card">
          <button type="button" data-testid="show-in-folder" data-download-id={downloadId} onClick={() => browser.downloads.show(downloadId)}>{t('exp_showInFolder')}</button>
        </section>
      ) : null}
      {scope.kind === 'ids' && scope.ids.length === 1 ? (
        <section class="card">
          <button type="button" data-testid="copy-post" onClick={() => copyOne(scope.ids[0]!)}>{t('exp_copyPost')}</button>
          {copied ? <p class="hint" data-testid="copied">{t('exp_copied', copied)}</p> : null}
        </section>
      ) : null}
    </main>
  );
}
