// Backup download and restore with a progress bar; the restore checks the whole file before it writes.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { writeBackup, restoreBackup, type BackupSource, type Progress } from '@/utils/backup';
import { BackupError } from '@/utils/backup-format';
import { request } from '@/utils/messages';
import { t } from './i18n';

type Status = { kind: 'idle' } | { kind: 'busy'; progress: Progress } | { kind: 'done' | 'error'; message: string };

async function readSettings(): Promise<Record<string, unknown>> {
  return { sync: await browser.storage.sync.get(null), local: await browser.storage.local.get(null) };
}

async function writeSettings(settings: Record<string, unknown>): Promise<void> {
  const { sync, local } = settings as { sync?: Record<string, unknown>; local?: Record<string, unknown> };
  if (sync && typeof sync === 'object') await browser.storage.sync.set(sync);
  if (local && typeof local === 'object') await browser.storage.local.set(local);
}

function download(parts: Uint8Array[], name: string): void {
  const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function LibraryBackup({ source }: { source: BackupSource }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'busy';

  const backup = async () => {
    try {
      setStatus({ kind: 'busy', progress: { phase: 'backup', done: 0, total: 0 } });
      const now = new Date();
      const { parts, manifest } = await writeBackup(source, await readSettings(), now, (progress) => setStatus({ kind: 'busy', progress }));
      download(parts, `jianbao-backup-${now.toISOString().slice(0, 10)}.zip`);
      setStatus({ kind: 'done', message: t('lib_backupDone', String(manifest.articleCount)) });
    } catch (err) {
      setStatus({ kind: 'error', message: (err as Error).message });
    }
  };

  const restore = async (file: File) => {
    try {
      setStatus({ kind: 'busy', progress: { phase: 'check', done: 0, total: 0 } });
      const data = new Uint8Array(await file.arrayBuffer());
      const { manifest, counts } = await restoreBackup(data, async (records) => {
        const r = await request('restore-batch', { records });
        if (!r.ok) throw new Error(r.message);
        return r.counts;
      }, (progress) => setStatus({ kind: 'busy', progress }));
      await writeSettings(manifest.settings);
      setStatus({ kind: 'done', message: t('lib_restoreDone', String(counts.added), String(counts.replaced), String(counts.skipped)) });
    } catch (err) {
      const message = err instanceof BackupError ? t('lib_restoreRefused', err.message) : (err as Error).message;
      setStatus({ kind: 'error', message });
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
