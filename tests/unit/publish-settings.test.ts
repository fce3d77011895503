// The repository settings around the git core: the token never in a backup, URLs that may be connected, paths
// between the preset's folder and the site's, error codes as catalog keys in every language, import records.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCatalogs } from '../../locales/bundle';
import { readSettings } from '../../components/library-backup';
import {
  REPOSITORY_TOKEN_KEY, checkRepositoryUrl, fromSitePath, repositoryItem, repositoryTokenItem, toSitePath, withoutSecrets,
} from '../../utils/publish/repository-settings';
import { PUBLISH_ERROR_KEYS, publishErrorKey, urlProblemKey } from '../../utils/publish/publish-message';
import { importSiteRecords } from '../../utils/publish/import-records';
import { DEFAULT_EXPORT_CONFIG } from '../../utils/export/export-config';
import { createRenderer } from '../../utils/export/export-post';
import type { PublishError } from '../../utils/publish/publish-types';
import { NOW, article, body } from './publish-fixtures';
import { join } from 'node:path';

describe('the token stays out of backups', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a backup reads storage.local whole except the token', async () => {
    await repositoryItem.setValue({ url: 'https://codeberg.org/me/site.git', branch: 'main', authorName: 'Me', authorEmail: 'me@example.test', postsFolder: '_posts', imageFolder: 'assets/images' });
    await repositoryTokenItem.setValue('secret-token-42');
    await fakeBrowser.storage.local.set({ customTemplate: 'x' });
    const settings = await readSettings();
    expect(JSON.stringify(settings)).not.toContain('secret-token-42');
    expect(settings.local).not.toHaveProperty(REPOSITORY_TOKEN_KEY);
    expect(settings.local).toHaveProperty('customTemplate', 'x');
    expect((settings.local as Record<string, { url: string }>).repository.url).toBe('https://codeberg.org/me/site.git');
    // and it is in storage.local, not sync
    expect(await fakeBrowser.storage.local.get(REPOSITORY_TOKEN_KEY)).toEqual({ [REPOSITORY_TOKEN_KEY]: 'secret-token-42' });
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain('secret-token-42');
  });

  it('withoutSecrets drops the key and its metadata key only', () => {
    expect(withoutSecrets({ a: 1, [REPOSITORY_TOKEN_KEY]: 't', [`${REPOSITORY_TOKEN_KEY}$`]: {}, repository: {} })).toEqual({ a: 1, repository: {} });
  });
});

describe('checkRepositoryUrl', () => {
  it('takes HTTPS on any host, the permission for the host', () => {
    expect(checkRepositoryUrl(' https://codeberg.org/me/site.git ')).toEqual({ ok: true, origin: 'https://codeberg.org', pattern: 'https://codeberg.org/*' });
    expect(checkRepositoryUrl('https://git.example.com:8443/me/site.git')).toEqual({ ok: true, origin: 'https://git.example.com:8443', pattern: 'https://git.example.com/*' });
    expect(checkRepositoryUrl('http://127.0.0.1:9999/site.git')).toMatchObject({ ok: true, pattern: 'http://127.0.0.1/*' });
  });
  it('refuses plain http elsewhere, credentials in the URL, non-URLs and nothing', () => {
    expect(checkRepositoryUrl('http://github.com/me/site.git')).toEqual({ ok: false, reason: 'not-https' });
    expect(checkRepositoryUrl('git@github.com:me/site.git')).toEqual({ ok: false, reason: 'not-url' });
    expect(checkRepositoryUrl('ssh://git@github.com/me/site.git')).toEqual({ ok: false, reason: 'not-https' });
    expect(checkRepositoryUrl('https://me:tok@github.com/me/site.git')).toEqual({ ok: false, reason: 'credentials' });
    expect(checkRepositoryUrl('  ')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('site paths', () => {
  it('maps the preset folder onto the posts folder and back', () => {
    expect(toSitePath('_posts/2022-01-09-a.md', '_posts', '_posts')).toBe('_posts/2022-01-09-a.md');
    expect(toSitePath('_posts/2022-01-09-a.md', '_posts', 'blog/_posts/')).toBe('blog/_posts/2022-01-09-a.md');
    expect(fromSitePath('blog/_posts/2022-01-09-a-2.md', '_posts', 'blog/_posts')).toBe('_posts/2022-01-09-a-2.md');
    expect(toSitePath('a.md', '', 'content/posts')).toBe('content/posts/a.md');
    expect(fromSitePath('content/posts/a.md', '', 'content/posts')).toBe('a.md');
    expect(toSitePath('_posts/a.md', '_posts', '')).toBe('_posts/a.md');
  });
});

describe('messages', () => {
  const catalogs = readCatalogs(join(import.meta.dirname, '../../locales'));
  const errors: PublishError[] = [
    { code: 'auth', status: 401 }, { code: 'not-found', what: 'repository' }, { code: 'not-found', what: 'branch' },
    { code: 'network', detail: 'x' }, { code: 'rejected', reason: 'frozen' }, { code: 'moved', attempts: 3 }, { code: 'not-git' },
    { code: 'http', status: 500 }, { code: 'bad-post', path: 'p', problem: 'path' }, { code: 'bad-post', path: 'p', problem: 'duplicate' },
    { code: 'unknown', detail: 'E' },
  ];
  it('every error code and URL problem has a key in every language, with its parameters', () => {
    const keys = [...errors.map((e) => publishErrorKey(e, 'main')), ...(['empty', 'not-url', 'not-https', 'credentials'] as const).map(urlProblemKey)];
    for (const [key, ...subs] of keys) {
      expect(PUBLISH_ERROR_KEYS).toContain(key);
      for (const [lang, catalog] of catalogs) {
        expect(catalog[key], `${lang} ${key}`).toBeTruthy();
        subs.forEach((_, i) => expect(catalog[key], `${lang} ${key} $${i + 1}`).toContain(`$${i + 1}`));
      }
    }
    expect(publishErrorKey({ code: 'auth', status: 403 })).toEqual(['pub_err_auth', '403']);
    expect(publishErrorKey({ code: 'not-found', what: 'branch' }, 'gh-pages')).toEqual(['pub_err_noBranch', 'gh-pages']);
  });
});

describe('importSiteRecords', () => {
  it('one record per URL the library lacks, marked exported under its path', () => {
    const renderer = createRenderer(DEFAULT_EXPORT_CONFIG);
    const files = [1, 2, 3].map((i) => {
      const p = renderer.render(article(i), body(i), NOW);
      return { path: p.path, text: p.text };
    });
    const known = new Set([article(2).url]);
    const result = importSiteRecords([...files, { path: '_posts/README.md', text: '# not a post' }, { path: '_posts/x.md', text: 'no url' }],
      { config: DEFAULT_EXPORT_CONFIG, postsFolder: '_posts', now: NOW, known });
    expect(result.records.map((r) => r.article.url)).toEqual([article(1).url, article(3).url]);
    expect(result.alreadyThere).toBe(1);
    expect(result.problems).toBe(1);
    for (const r of result.records) {
      expect(r.article.exportedAt).toBe(NOW.toISOString());
      expect(r.article.updatedAt <= r.article.exportedAt!).toBe(true);
      expect(r.article.exportName).toEqual({ key: renderer.nameKey, path: files.find((f) => f.text.includes(r.article.url))!.path });
    }
  });
});
