// The export page's progress bar and its closing report: how many were written where, and each failed article with its reason.
import type { BatchProgress } from '@/utils/export/batch';
import type { ExportJobResult } from '@/utils/background/export-job';
import { say, t } from './i18n';

export type ExportPhase =
  | { phase: 'idle' }
  | { phase: 'running'; progress: BatchProgress }
  | { phase: 'done'; result: ExportJobResult }
  | { phase: 'error'; message: string };

export function ExportProgress({ state }: { state: ExportPhase }) {
  const progress = state.phase === 'running' ? state.progress : state.phase === 'done' ? { done: state.result.total, total: state.result.total, failed: state.result.failed.length } : null;
  return (
    <section class="card" data-testid="export-status" data-phase={state.phase} data-done={progress?.done ?? 0} data-total={progress?.total ?? 0} aria-live="polite">
      {progress ? (
        <>
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('exp_progressLabel')} />
          <p class="count">{t('exp_progressCount', String(progress.done), String(progress.total))}</p>
        </>
      ) : null}
      {state.phase === 'idle' ? <p class="count">{t('exp_idle')}</p> : null}
      {state.phase === 'error' ? <p class="error" data-testid="export-error">{state.message}</p> : null}
      {state.phase === 'done' ? <ExportReport result={state.result} /> : null}
    </section>
  );
}

function ExportReport({ result }: { result: ExportJobResult }) {
  if (result.total === 0) return <p class="done" data-testid="export-done">{t('exp_nothingToExport')}</p>;
  return (
    <>
      <p class="done" data-testid="export-done">{t('exp_wrote', String(result.written.length), result.destination)}</p>
      {result.failed.length > 0 ? (
        <>
          <p class="error">{t('exp_failedCount', String(result.failed.length))}</p>
          <ul class="failed" data-testid="export-failed">
            {result.failed.map((f) => (
              <li key={f.id} data-id={f.id}>
                {f.title || `#${f.id}`}
                <span class="reason">{say(f.reason)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
