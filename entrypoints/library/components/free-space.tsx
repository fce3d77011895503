// The library's footer: how much of the browser's storage the library uses, and "free space" (the text of
// articles already on the site, which the background deletes; it only deletes, so it works on a full disk).
import { useEffect, useState } from 'preact/hooks';
import type { LibraryReader } from '@/utils/library-reader';
import { request } from '@/utils/messages';
import { say, t } from '@/components/i18n';

/** The choices of "exported more than … ago", in days (0: any time before now). */
const AGES = [365, 180, 30, 0] as const;
const DAY_MS = 86_400_000;

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

export function FreeSpace({ reader, onDone }: { reader: Pick<LibraryReader, 'freeableText'>; onDone: (message: string) => void }) {
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null>(null);
  const [open, setOpen] = useState(false);
  const [age, setAge] = useState<number>(AGES[0]);
  const [ids, setIds] = useState<number[] | null>(null);
  const [busy, setBusy] = useState(false);
  const before = () => new Date(Date.now() - age * DAY_MS);

  const measure = () => navigator.storage?.estimate?.().then(
    (e) => setUsage(e.usage !== undefined && e.quota !== undefined ? { usage: e.usage, quota: e.quota } : null),
    () => setUsage(null),
  );
  useEffect(() => void measure(), []);
  useEffect(() => {
    if (!open) return;
    setIds(null);
    let live = true;
    void reader.freeableText(before()).then((found) => live && setIds(found));
    return () => { live = false; };
  }, [open, age]);

  const free = async () => {
    setBusy(true);
    const r = await request('free-text', { before: before().toISOString() });
    setBusy(false);
    setOpen(false);
    onDone(r.ok ? t('lib_freedText', String(r.freed)) : r.code === 'quota' ? t('lib_freeFailedQuota') : say(r.problem));
    void measure();
  };

  return (
    <span class="lib-space">
      {usage ? <span data-testid="lib-usage">{t('lib_storageUsed', megabytes(usage.usage), megabytes(usage.quota))}</span> : null}
      <button type="button" class="lib-link" data-testid="lib-free-open" onClick={() => setOpen(!open)}>{t('lib_freeSpace')}</button>
      {open ? (
        <div class="lib-free" role="dialog" aria-label={t('lib_freeSpace')} data-testid="lib-free">
          <p>{t('lib_freeExplain')}</p>
          <label>
            {t('lib_freeExportedBefore')}{' '}
            <select value={String(age)} onChange={(e) => setAge(Number((e.target as HTMLSelectElement).value))} data-testid="lib-free-age">
              {AGES.map((d) => <option value={String(d)}>{d === 0 ? t('lib_freeAnyTime') : t('lib_freeDaysAgo', String(d))}</option>)}
            </select>
          </label>
          <button type="button" disabled={busy || !ids || ids.length === 0} onClick={free} data-testid="lib-free-go">
            {ids === null ? t('lib_freeCounting') : t('lib_freeGo', String(ids.length))}
          </button>
          <button type="button" class="lib-link" onClick={() => setOpen(false)}>{t('lib_cancel')}</button>
        </div>
      ) : null}
    </span>
  );
}
