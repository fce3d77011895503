// The export page's third destination: one commit to the connected repository, with its steps and a report.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/utils/messages';
import { loadExportConfig } from '@/utils/settings';
import type { LibraryReader } from '@/utils/library-reader';
import type { ExportScope } from '@/utils/background/export-job';
import { REPOSITORY_DEFAULTS, checkRepositoryUrl, loadRepository, repositoryTokenItem, type RepositorySettings } from '@/utils/publish/repository-settings';
import { publishErrorKey, urlProblemKey, type MessageKey } from '@/utils/publish/publish-message';
import { problemOf, ProblemError } from '@/utils/problem';
import { say, t } from '@/components/i18n';
import { PublishFailure, runPublishJob, type PublishJobResult, type PublishStep } from '../publish-job';

type State =
  | { phase: 'idle' }
  | { phase: 'running'; step: PublishStep }
  | { phase: 'done'; result: PublishJobResult }
  | { phase: 'error'; message: string };

const say_ = (key: MessageKey) => t(...key);

function stepText(step: PublishStep): string {
  if (step.step === 'render') return t('pub_stepRender', String(step.progress.done), String(step.progress.total));
  return t(`pub_step_${step.step}`, String(step.attempt));
}

export interface PublishRepositoryProps {
  scope: ExportScope;
  reader: Pick<LibraryReader, 'getMany' | 'allRows' | 'getBodies' | 'recordedNames'>;
  /** Another export of this page is running. */
  busy: boolean;
  /** Publish once on opening (`export.html?dest=repo`), when a repository is connected and allowed. */
  autoStart: boolean;
  onRunning?(running: boolean): void;
}

export function PublishRepository(p: PublishRepositoryProps) {
  const [repo, setRepo] = useState<RepositorySettings | null>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const started = useRef(false);

  useEffect(() => {
    loadRepository().then((r) => {
      setRepo(r);
      if (p.autoStart && r.url) void publish(r);
    }, () => setRepo(null));
  }, []);

  async function publish(settings: RepositorySettings | null = repo) {
    if (!settings || started.current) return;
    started.current = true;
    p.onRunning?.(true);
    try {
      const url = checkRepositoryUrl(settings.url);
      if (!url.ok) {
        setState({ phase: 'error', message: say_(urlProblemKey(url.reason)) });
        return;
      }
      // A permission the user removed (browser settings) is found here, not as a failure deep in git.
      if (!(await browser.permissions.contains({ origins: [url.pattern] }))) {
        setState({ phase: 'error', message: t('pub_err_permission', url.origin) });
        return;
      }
      const now = new Date();
      setState({ phase: 'running', step: { step: 'render', progress: { done: 0, total: 0, failed: 0 } } });
      const result = await runPublishJob({
        config: await loadExportConfig(),
        scope: p.scope,
        reader: p.reader,
        repository: settings,
        token: await repositoryTokenItem.getValue(),
        message: (count) => t('pub_commitMessage', String(count)),
        markExported: async (ids, names) => {
          const r = await request('mark-exported', { ids, names: [...names] });
          if (!r.ok) throw new ProblemError(r.problem, r.message);
        },
        now,
        onStep: (step) => setState({ phase: 'running', step }),
      });
      setState({ phase: 'done', result });
    } catch (err) {
      const message = err instanceof PublishFailure
        ? `${say_(publishErrorKey(err.error, settings.branch))} ${t('pub_nothingPublished')}`
        : say(problemOf(err));
      setState({ phase: 'error', message });
    } finally {
      started.current = false;
      p.onRunning?.(false);
    }
  }

  const running = state.phase === 'running';
  const connected = !!repo?.url;
  return (
    <section class="card" data-testid="publish-repository">
      <div class="dest">
        <strong>{connected ? t('pub_toRepository', repo!.url, repo!.branch || REPOSITORY_DEFAULTS.branch) : t('pub_notConnected')}</strong>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>{t('pub_openOptions')}</button>
      </div>
      <div class="actions">
        <button type="button" class="primary" data-testid="start-publish" disabled={!connected || running || p.busy} onClick={() => publish()}>
          {t('pub_start')}
        </button>
      </div>
      <div class="pub-status" data-testid="publish-status" data-phase={state.phase} aria-live="polite">
        {state.phase === 'running' ? (
          <>
            {state.step.step === 'render'
              ? <progress max={Math.max(state.step.progress.total, 1)} value={state.step.progress.done} aria-label={t('exp_progressLabel')} />
              : <progress aria-label={t('exp_progressLabel')} />}
            <p class="count">{stepText(state.step)}</p>
          </>
        ) : null}
        {state.phase === 'error' ? <p class="error" role="alert" data-testid="publish-error">{state.message}</p> : null}
        {state.phase === 'done' ? <PublishReportView result={state.result} branch={repo?.branch || REPOSITORY_DEFAULTS.branch} /> : null}
      </div>
    </section>
  );
}

function PublishReportView({ result, branch }: { result: PublishJobResult; branch: string }) {
  const { job, report } = result;
  if (job.total === 0 || !report) return <p class="done" data-testid="publish-done">{t('exp_nothingToExport')}</p>;
  return (
    <>
      <p class="done" data-testid="publish-done" data-commit={report.commit ?? ''}>
        {report.commit
          ? t('pub_done', String(report.pushed.length), report.commit.slice(0, 7), branch)
          : t('pub_allOnSite', String(report.unchanged.length))}
      </p>
      {report.commit && report.unchanged.length ? <p class="hint">{t('pub_unchanged', String(report.unchanged.length))}</p> : null}
      {report.renamed.length ? (
        <ul class="failed" data-testid="publish-renamed">
          {report.renamed.map((r) => (
            <li key={r.path}>
              {t('pub_renamed', r.requested, r.path)}
              {r.heldBy ? <span class="reason">{t('pub_renamedHeldBy', r.heldBy)}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {job.failed.length ? (
        <>
          <p class="error">{t('exp_failedCount', String(job.failed.length))}</p>
          <ul class="failed">
            {job.failed.map((f) => (
              <li key={f.id}>{f.title || `#${f.id}`}<span class="reason">{say(f.reason)}</span></li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
