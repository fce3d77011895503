// Backup download and restore with a progress bar; the restore checks the whole file before it writes.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { writeBackup, restoreBackup, type BackupSource, type Progress, type RestorePosition } from '@/utils/backup';
import { checkSettings } from '@/utils/backup-validate';
import { BackupError } from '@/utils/backup-format';
import { request } from '@/utils/messages';
import { withoutSecrets } from '@/utils/publish/repository-settings';
import { say, t } from './i18n';
import { problemOf, ProblemError, type Problem } from '@/utils/problem';

type Status = { kind: 'idle' } | { kind: 'busy'; progress: Progress } | { kind: 'done' | 'error'; message: string };

export async function readSettings(): Promise<Record<string, unknown>> {
  // The repository token stays on this machine: never in a backup.
  return { sync: await browser.storage.sync.get(null), local: withoutSecrets(await browser.storage.local.get(null)) };
}

/** Writes the backup's settings as far as this version accepts them; returns what was left out. */
async function writeSettings(settings: unknown): Promise<Problem[]> {
  const { sync, local, problems } = checkSettings(settings);
  if (Object.keys(sync).length) await browser.storage.sync.set(sync);
  if (Object.keys(local).length) await browser.storage.local.set(local);
  return problems;
}

function download(parts: Uint8Array[], name: string): void {
  const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type RestoreSource = BackupSource & { restoreProgress(): Promise<RestorePosition | null> };

export function LibraryBackup({ source }: { source: RestoreSource }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [stopped, setStopped] = useState<RestorePosition | null>(null);
  const [withSettings, setWithSettings] = useState(false);
  const busy = status.kind === 'busy';

  // An interrupted restore (the tab closed, the browser quit) left its position: say so, and resume from it.
  useEffect(() => {
    source.restoreProgress().then(setStopped, () => setStopped(null));
  }, [source]);

  const backup = async () => {
    try {
      setStatus({ kind: 'busy', progress: { phase: 'backup', done: 0, total: 0 } });
      const now = new Date();
      const { parts, manifest } = await writeBackup(source, await readSettings(), now, (progress) => setStatus({ kind: 'busy', progress }));
      download(parts, `jianbao-backup-${now.toISOString().slice(0, 10)}.zip`);
      setStatus({ kind: 'done', message: t('lib_backupDone', String(manifest.articleCount)) });
    } catch (err) {
      setStatus({ kind: 'error', message: say(problemOf(err)) });
    }
  };

  const restore = async (file: File) => {
    try {
      setStatus({ kind: 'busy', progress: { phase: 'check', done: 0, total: 0 } });
      const data = new Uint8Array(await file.arrayBuffer());
      const report = await restoreBackup(data, async (records, position) => {
        const r = await request('restore-batch', { records, position });
        if (!r.ok) throw new ProblemError(r.problem, r.message);
        return r.counts;
      }, (progress) => setStatus({ kind: 'busy', progress }), stopped);
      const { counts } = report;
      const lines = [t('lib_restoreDone', String(counts.added), String(counts.replaced), String(counts.skipped))];
      if (report.resumedFrom) lines.push(t('lib_restoreResumed', String(report.resumedFrom)));
      if (report.refusedCount) lines.push(t('lib_restoreRefusedRecords', String(report.refusedCount), report.refused.slice(0, 3).map((r) => `${r.title || '—'} (${say(r.reason)})`).join('; ')));
      if (report.freshIds) lines.push(t('lib_restoreFreshIds', String(report.freshIds)));
      // The user's own settings stay unless they asked for the backup's.
      if (withSettings) {
        const leftOut = await writeSettings(report.manifest.settings);
        lines.push(leftOut.length ? t('lib_restoreSettingsLeftOut', leftOut.map(say).join(' ')) : t('lib_restoreSettingsDone'));
      }
      setStopped(null);
      setStatus({ kind: 'done', message: lines.join(' ') });
    } catch (err) {
      const message = err instanceof BackupError ? t('lib_restoreRefused', say(err.problem)) : say(problemOf(err));
      setStatus({ kind: 'error', message });
      source.restoreProgress().then(setStopped, () => {});
    }
  };

  return (
    <div class="lib-backup" data-testid="lib-backup">
      <button type="button" onClick={backup} disabled={busy} data-testid="lib-backup-button">{t('lib_backup')}</button>
      <label class={`lib-file${busy ? ' disabled' : ''}`}>
        {t('lib_restore')}
        <input type="file" accept=".zip,application/zip" disabled={busy} data-testid="lib-restore-input"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void restore(file);
          }} />
      </label>
      <label class="lib-check">
        <input type="checkbox" checked={withSettings} disabled={busy} data-testid="lib-restore-settings"
          onChange={(e) => setWithSettings((e.currentTarget as HTMLInputElement).checked)} />
        {t('lib_restoreSettings')}
      </label>
      {stopped && !busy ? <span class="lib-error" role="status" data-testid="lib-restore-stopped">{t('lib_restoreStopped', String(stopped.done), String(stopped.total))}</span> : null}
      {status.kind === 'busy' ? (
        <span class="lib-progress">
          <progress max={status.progress.total || 1} value={status.progress.done} data-testid="lib-progress" />
          {t(`lib_phase_${status.progress.phase}`)} {status.progress.done}/{status.progress.total}
        </span>
      ) : null}
      {status.kind === 'done' || status.kind === 'error' ? (
        <span class={status.kind === 'error' ? 'lib-error' : 'lib-ok'} role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="lib-backup-status">{status.message}</span>
      ) : null}
    </div>
  );
}
