// Options: the site's git repository. Connect (asks for the host permission from this click, then asks the host),
// and "Import from the repository" (the site's posts become library articles marked as on the site).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { JianbaoDb } from '@/utils/db';
import { createLibraryReader } from '@/utils/library-reader';
import { request } from '@/utils/messages';
import { loadExportConfig } from '@/utils/settings';
import { checkRecord } from '@/utils/backup-validate';
import type { BackupRecord } from '@/utils/backup-format';
import { checkConnection } from '@/utils/publish/connect-check';
import { browserGitClients } from '@/utils/publish/browser-git';
import { readSitePosts } from '@/utils/publish/read-site-posts';
import { importSiteRecords } from '@/utils/publish/import-records';
import {
  REPOSITORY_DEFAULTS, checkRepositoryUrl, loadRepository, repositoryItem, repositoryTarget, repositoryTokenItem,
  type RepositorySettings,
} from '@/utils/publish/repository-settings';
import { publishErrorKey, urlProblemKey, type MessageKey } from '@/utils/publish/publish-message';
import { problemOf, ProblemError } from '@/utils/problem';
import { say, t } from '@/components/i18n';

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'ok' | 'error'; text: string };

const said = (key: MessageKey) => t(...key);

/** The input type of a field (the browser's keyboard and checks), text when not named. */
const INPUT_TYPE: Partial<Record<keyof RepositorySettings, string>> = { url: 'url', authorEmail: 'email' };

/** Records per restore-batch message: well under Chrome's 64 MiB message cap for long articles. */
const BATCH_BYTES = 8 * 1024 * 1024;

export function OptionsRepository() {
  const [repo, setRepo] = useState<RepositorySettings>(REPOSITORY_DEFAULTS);
  const [token, setToken] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [connected, setConnected] = useState(false);
  const reader = useMemo(() => createLibraryReader(new JianbaoDb()), []);
  const busy = status.kind === 'busy';

  useEffect(() => {
    (async () => {
      const r = await loadRepository();
      setRepo(r);
      setToken((await repositoryTokenItem.getValue()) ?? '');
      const url = checkRepositoryUrl(r.url);
      if (url.ok) setConnected(await browser.permissions.contains({ origins: [url.pattern] }).catch(() => false));
    })().catch(() => {});
  }, []);

  const field = (key: keyof RepositorySettings, label: string, options: { placeholder?: string; wide?: boolean; hint?: string } = {}) => (
    <label class={`field${options.wide ? ' wide' : ''}`}>
      {label}
      <input type={INPUT_TYPE[key] ?? 'text'} data-testid={`repo-${key}`} value={repo[key]} placeholder={options.placeholder}
        autocomplete="off" spellcheck={false} onInput={(e) => setRepo({ ...repo, [key]: e.currentTarget.value })} />
      {options.hint ? <span class="hint">{options.hint}</span> : null}
    </label>
  );

  function connect() {
    const url = checkRepositoryUrl(repo.url);
    if (!url.ok) {
      setStatus({ kind: 'error', text: said(urlProblemKey(url.reason)) });
      return;
    }
    // The request must come from this click: nothing is awaited before it.
    const asked = browser.permissions.request({ origins: [url.pattern] }).catch(() => false);
    setStatus({ kind: 'busy', text: t('pub_connecting') });
    void (async () => {
      const settings = { ...repo, url: repo.url.trim(), branch: repo.branch.trim() || 'main' };
      await repositoryItem.setValue(settings);
      await repositoryTokenItem.setValue(token.trim() || null);
      setRepo(settings);
      if (!(await asked)) {
        setConnected(false);
        setStatus({ kind: 'error', text: t('pub_err_permissionRefused', url.origin) });
        return;
      }
      setConnected(true);
      const check = await checkConnection(repositoryTarget(settings, token.trim() || null), browserGitClients());
      if (!check.ok) setStatus({ kind: 'error', text: said(publishErrorKey(check.error, settings.branch)) });
      else if (check.empty) setStatus({ kind: 'ok', text: t('pub_connectedEmpty', settings.branch) });
      else setStatus({ kind: 'ok', text: t('pub_connected', settings.branch, (check.head ?? '').slice(0, 7)) });
    })().catch((err) => setStatus({ kind: 'error', text: say(problemOf(err)) }));
  }

  async function importSite() {
    try {
      const settings = await loadRepository();
      const url = checkRepositoryUrl(settings.url);
      if (!url.ok) return setStatus({ kind: 'error', text: said(urlProblemKey(url.reason)) });
      if (!(await browser.permissions.contains({ origins: [url.pattern] }))) {
        return setStatus({ kind: 'error', text: t('pub_err_permission', url.origin) });
      }
      setStatus({ kind: 'busy', text: t('pub_importReading') });
      const site = await readSitePosts(repositoryTarget(settings, await repositoryTokenItem.getValue()), browserGitClients(), { folder: settings.postsFolder });
      if (!site.ok) return setStatus({ kind: 'error', text: said(publishErrorKey(site.error, settings.branch)) });
      const known = new Set((await reader.allRows()).map((a) => a.url));
      const { records, alreadyThere, problems } = importSiteRecords(site.posts, {
        config: await loadExportConfig(), postsFolder: settings.postsFolder, now: new Date(), known,
      });
      // The background writes, as a restore does: records checked field by field, sent in batches by size.
      const taken = new Set<number>();
      let batch: BackupRecord[] = [];
      let bytes = 0;
      let added = 0;
      let skipped = alreadyThere;
      let refused = problems;
      const send = async () => {
        if (!batch.length) return;
        const r = await request('restore-batch', { records: batch });
        if (!r.ok) throw new ProblemError(r.problem, r.message);
        added += r.counts.added + r.counts.replaced;
        skipped += r.counts.skipped;
        batch = [];
        bytes = 0;
      };
      for (const [i, raw] of records.entries()) {
        const checked = checkRecord(raw, taken);
        if (!checked.ok) {
          refused++;
          continue;
        }
        batch.push(checked.record);
        bytes += checked.record.body.html.length * 2 + checked.record.body.text.length * 2 + 2048;
        if (bytes >= BATCH_BYTES) await send();
        if (i % 200 === 0) setStatus({ kind: 'busy', text: t('pub_importWriting', String(i), String(records.length)) });
      }
      await send();
      const lines = [t('pub_importDone', String(added), String(skipped))];
      if (refused) lines.push(t('pub_importNotPosts', String(refused)));
      setStatus({ kind: 'ok', text: lines.join(' ') });
    } catch (err) {
      setStatus({ kind: 'error', text: say(problemOf(err)) });
    }
  }

  return (
    <section class="card" data-testid="opt-repository">
      <h2>{t('pub_heading')}</h2>
      <p class="hint repo-intro">{t('pub_intro')}</p>
      <div class="grid">
        {field('url', t('pub_url'), { wide: true, placeholder: t('pub_urlPlaceholder'), hint: t('pub_urlHint') })}
        {field('branch', t('pub_branch'))}
        <label class="field">
          {t('pub_token')}
          <input type="password" data-testid="repo-token" value={token} autocomplete="off" onInput={(e) => setToken(e.currentTarget.value)} />
          <span class="hint">{t('pub_tokenHint')}</span>
        </label>
        {field('authorName', t('pub_authorName'))}
        {field('authorEmail', t('pub_authorEmail'))}
        {field('postsFolder', t('pub_postsFolder'))}
        {field('imageFolder', t('pub_imageFolder'))}
      </div>
      <div class="actions repo-actions">
        <button type="button" class="primary" data-testid="repo-connect" disabled={busy} onClick={connect}>{t('pub_connect')}</button>
        <button type="button" data-testid="repo-import" disabled={busy || !connected} onClick={importSite}>{t('pub_import')}</button>
        <span class="hint">{t('pub_savedOnConnect')}</span>
      </div>
      {status.kind !== 'idle' ? (
        <p class={`repo-status ${status.kind === 'error' ? 'problem' : status.kind === 'ok' ? 'saved' : 'hint'}`} role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="repo-status" data-kind={status.kind}>{status.text}</p>
      ) : null}
    </section>
  );
}
