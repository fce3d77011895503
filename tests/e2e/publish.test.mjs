// Publishing to the site's git repository end to end in Chromium (test build) against a real git server (Debian's
// `git http-backend` behind tests/support/git-server.mjs, Basic auth with a token):
// connect from the options page (a wrong token gets the translated auth message), publish two saved articles from the
// export page as ONE commit that the git CLI clones (each post byte-equal to what the zip export writes; a name the
// site holds for another article gives -2 and the report says so); a wrong token or a missing host permission leaves
// the library unmarked and says why; a fresh zh-CN profile imports the repository and lists the posts as exported.
//
// Permissions: headless Chromium shows chrome.permissions.request's prompt and nothing can answer it (Playwright has
// no API for it; --apps-gallery-install-auto-confirm-for-tests does not reach it; chrome://extensions'
// developerPrivate.addHostPermission grants only withheld required hosts, not optional ones). So the test build's
// required http://127.0.0.1/* stands for the granted permission (request() resolves true at once, as after a
// grant), and its optional http://localhost/* — never granted here — stands for a permission the user removed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ARTIFACTS_DIR, ROOT, TEST_BUILD_DIR, launchWithExtension, screenshot, dependentSteps } from './harness.mjs';
import { git, gitAsync, gitServerMissing, startGitServer } from '../support/git-server.mjs';

const WAIT = 20_000;
const TOKEN = 'e2e-token-4711';
const NOW = '2026-12-01T08:00:00.000Z';
const CLASH = '_posts/2024-03-06-PUB2.md';
const FOREIGN_URL = 'https://other.example.org/an-older-story.html';

function article(i) {
  return {
    url: `https://news.example.cn/publish/${i}.html`,
    title: i === 2 ? `第${i}篇：标题含"引号"与冒号: yes` : `Story number ${i}: council votes`,
    source: i % 2 ? '南昌日报' : 'The Harbor Ledger',
    siteName: '示例新闻网', author: `记者${i}`,
    publishedAt: `2024-03-0${4 + (i % 3)}T10:00:00+08:00`,
    lang: i % 2 ? 'en' : 'zh-CN', excerpt: null, leadImage: null, siteArticleId: `PUB${i}`,
    html: `<p>正文第一段 ${i}。</p>\n<p>Second paragraph with <a href="https://example.com/x?a=1&amp;b=2">a link</a>.</p>`,
    text: `正文第一段 ${i}。\n\nSecond paragraph with a link.`,
  };
}

const missing = gitServerMissing();

describe('publish to the site repository: connect, one commit, failures, import into a fresh profile', { timeout: 180_000, skip: missing ?? false }, () => {
  let server;
  let h;
  let h2;
  const pageErrors = [];
  const step = dependentSteps(test, assert);

  before(async () => {
    server = await startGitServer({ token: TOKEN });
    server.createBare('site');
    // The site already has a post at the name article 2 will want, about another page: it must not be overwritten.
    server.seed('site', [
      { path: 'README.md', text: '# site\n' },
      { path: CLASH, text: `---\nlayout: post\ntitle: "An older story"\ndate: 2024-03-06 09:00:00 +0800\n---\n\n<p>Older.</p>\n\n<${FOREIGN_URL}>\n` },
    ]);
    h = await launchWithExtension(TEST_BUILD_DIR, { lang: 'en' });
  });

  after(async () => {
    await h?.close();
    await h2?.close();
    await server?.close();
  });

  const ext = (hh, page) => `chrome-extension://${hh.extensionId}/${page}`;
  async function open(hh, page) {
    const p = await hh.context.newPage();
    p.on('pageerror', (err) => pageErrors.push(`${p.url()}: ${err.message}`));
    await p.goto(ext(hh, page));
    return p;
  }
  const dump = (hh) => hh.worker.evaluate(async () => {
    const { library } = globalThis.jianbao;
    const articles = await library.list();
    return { articles, bodies: await Promise.all(articles.map((a) => library.getBody(a.id))) };
  });
  /** The files the zip export writes for these articles (tests/e2e/export-expected.ts: the same pure code). */
  function zipFiles(d) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/e2e/export-expected.ts')], {
      cwd: ROOT, input: JSON.stringify({ ...d, now: NOW }), maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(out.toString('utf8')).files;
  }
  async function fillRepository(page, { url, token }) {
    await page.locator('[data-testid="opt-repository"]').waitFor({ timeout: WAIT });
    // The section loads its stored values after the first render: wait for the branch default before typing.
    await page.waitForFunction(() => document.querySelector('[data-testid="repo-branch"]')?.value === 'main', null, { timeout: WAIT });
    await page.fill('[data-testid="repo-url"]', url);
    await page.fill('[data-testid="repo-token"]', token);
    await page.fill('[data-testid="repo-authorName"]', 'E2E Publisher');
    await page.fill('[data-testid="repo-authorEmail"]', 'e2e@example.test');
  }
  async function connect(page) {
    await page.click('[data-testid="repo-connect"]');
    await page.waitForFunction(() => ['ok', 'error'].includes(document.querySelector('[data-testid="repo-status"]')?.dataset.kind ?? ''), null, { timeout: WAIT });
    const status = page.locator('[data-testid="repo-status"]');
    return { kind: await status.getAttribute('data-kind'), text: await status.innerText() };
  }
  async function publishFrom(query) {
    const page = await open(h, `export.html?${query}&auto=0`);
    await page.locator('[data-testid="start-publish"]:not([disabled])').waitFor({ timeout: WAIT });
    await page.click('[data-testid="start-publish"]');
    await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('[data-testid="publish-status"]')?.dataset.phase ?? ''), null, { timeout: WAIT });
    return page;
  }

  step('(i) two articles saved in the library', async () => {
    await h.worker.evaluate(async ({ list, now }) => {
      for (const a of list) await globalThis.jianbao.library.save(a, new Date(now));
    }, { list: [article(1), article(2)], now: NOW });
    assert.equal(await h.worker.evaluate(() => globalThis.jianbao.library.count()), 2);
  });

  step('(ii) connect: a wrong token gets the translated auth message; the right one connects', async () => {
    const page = await open(h, 'options.html');
    await fillRepository(page, { url: server.url('site'), token: 'wrong-token' });
    const wrong = await connect(page);
    assert.equal(wrong.kind, 'error');
    assert.match(wrong.text, /refused the token \(HTTP 401\)/);
    await page.fill('[data-testid="repo-token"]', TOKEN);
    const right = await connect(page);
    assert.equal(right.kind, 'ok', right.text);
    assert.match(right.text, /^Connected: branch main is at [0-9a-f]{7}/);
    await page.locator('[data-testid="opt-repository"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'publish-options-repository-en', { fullPage: true });
    // The token is in storage.local only, under its own key (the backup leaves it out: tests/unit/publish-settings.test.ts).
    const stored = await h.worker.evaluate(async () => ({ local: await chrome.storage.local.get(null), sync: await chrome.storage.sync.get(null) }));
    assert.equal(stored.local.repositoryToken, TOKEN);
    assert.ok(!JSON.stringify(stored.sync).includes(TOKEN), 'the token is never synced');
    assert.ok(!JSON.stringify(stored.local.repository).includes(TOKEN), 'nor in the repository settings');
    await page.close();
  });

  let pushed;
  step('(iii) publish the two articles: one commit, posts byte-equal to the zip export, the clash renamed -2', async () => {
    const d = await dump(h);
    const ids = d.articles.map((a) => a.id).sort((a, b) => a - b);
    const page = await publishFrom(`scope=ids&ids=${ids.join(',')}`);
    const status = page.locator('[data-testid="publish-status"]');
    assert.equal(await status.getAttribute('data-phase'), 'done', await status.innerText());
    const done = await page.locator('[data-testid="publish-done"]').innerText();
    assert.match(done, /^Published 2 posts in one commit \([0-9a-f]{7}\) on branch main\.$/);
    const renamed = await page.locator('[data-testid="publish-renamed"]').innerText();
    assert.match(renamed, /_posts\/2024-03-06-PUB2\.md was published as _posts\/2024-03-06-PUB2-2\.md/);
    assert.match(renamed, new RegExp(FOREIGN_URL.replace(/[.]/g, '\\.')));
    await screenshot(page, 'publish-export-en', { fullPage: true });
    const commit = await page.locator('[data-testid="publish-done"]').getAttribute('data-commit');
    await page.close();

    // The real git CLI, over HTTP with the token, as the site's build would.
    const work = path.join(await mkdtemp(path.join(tmpdir(), 'jianbao-publish-clone-')), 'site');
    await gitAsync(['clone', '--quiet', '--branch', 'main', server.url('site').replace('http://', `http://x:${TOKEN}@`), work]);
    assert.equal(git(['rev-parse', 'HEAD'], { cwd: work }).trim(), commit);
    assert.equal(git(['rev-list', '--count', 'HEAD'], { cwd: work }).trim(), '2', 'the seed commit and ONE new commit');
    const changed = git(['show', '--name-only', '--format=', 'HEAD'], { cwd: work }).trim().split('\n').sort();
    const expected = zipFiles(d);
    const names = Object.keys(expected).sort();
    assert.equal(names.length, 2);
    pushed = names.map((n) => (n === CLASH ? '_posts/2024-03-06-PUB2-2.md' : n));
    assert.deepEqual(changed, [...pushed].sort());
    for (const name of names) {
      const at = name === CLASH ? '_posts/2024-03-06-PUB2-2.md' : name;
      assert.equal(await readFile(path.join(work, at), 'utf8'), expected[name], `${at} is what the zip export writes`);
    }
    assert.match(await readFile(path.join(work, CLASH), 'utf8'), /An older story/, 'the other article keeps its post');
    assert.match(git(['log', '-1', '--format=%an <%ae>|%s'], { cwd: work }), /^E2E Publisher <e2e@example\.test>\|Jianbao: publish 2 posts/);
    await rm(path.dirname(work), { recursive: true, force: true });

    const rows = (await dump(h)).articles;
    assert.ok(rows.every((a) => a.exportedAt), 'both marked exported after the push');
    assert.deepEqual(rows.map((a) => a.exportName?.path).sort(), [...pushed].sort(), 'recorded under the pushed names');
  });

  step('(iv) a wrong token: the translated auth message, nothing marked, no commit', async () => {
    await h.worker.evaluate(async ({ a, now }) => globalThis.jianbao.library.save(a, new Date(now)), { a: article(3), now: NOW });
    const before = git(['rev-parse', 'main'], { cwd: server.repoDir('site') }).trim();
    await h.worker.evaluate((t) => chrome.storage.local.set({ repositoryToken: t }), 'a-wrong-token');
    const page = await publishFrom('scope=new');
    const error = await page.locator('[data-testid="publish-error"]').innerText();
    assert.match(error, /^The host refused the token \(HTTP 401\)\..*Nothing was published\.$/);
    await screenshot(page, 'publish-export-auth-error-en', { fullPage: true });
    await page.close();
    assert.equal(git(['rev-parse', 'main'], { cwd: server.repoDir('site') }).trim(), before, 'no commit');
    const third = (await dump(h)).articles.find((a) => a.url.endsWith('/3.html'));
    assert.equal(third.exportedAt, null, 'nothing marked exported');
    await h.worker.evaluate((t) => chrome.storage.local.set({ repositoryToken: t }), TOKEN);
  });

  step('(v) a host permission the browser does not hold: a clear message before any git', async () => {
    const saved = await h.worker.evaluate(() => chrome.storage.local.get('repository'));
    const requests = server.requests.length;
    await h.worker.evaluate((r) => chrome.storage.local.set({ repository: r }), { ...saved.repository, url: server.url('site').replace('127.0.0.1', 'localhost') });
    const page = await publishFrom('scope=new');
    const error = await page.locator('[data-testid="publish-error"]').innerText();
    assert.match(error, /^Jianbao has no access to http:\/\/localhost:\d+ \(the permission was removed\)/);
    await page.close();
    assert.equal(server.requests.length, requests, 'not a single request to the host');
    await h.worker.evaluate((r) => chrome.storage.local.set({ repository: r }), saved.repository);
    const third = (await dump(h)).articles.find((a) => a.url.endsWith('/3.html'));
    assert.equal(third.exportedAt, null);
  });

  step('(vi) a fresh zh-CN profile imports the repository: the posts are in its library as exported', async () => {
    h2 = await launchWithExtension(TEST_BUILD_DIR, { lang: 'zh-CN' });
    const page = await open(h2, 'options.html');
    await fillRepository(page, { url: server.url('site'), token: 'wrong-token' });
    const wrong = await connect(page);
    assert.match(wrong.text, /托管方拒绝了令牌（HTTP 401）/);
    await page.fill('[data-testid="repo-token"]', TOKEN);
    const right = await connect(page);
    assert.equal(right.kind, 'ok', right.text);
    assert.match(right.text, /^已连接：分支 main 位于 [0-9a-f]{7}/);
    await page.locator('[data-testid="opt-repository"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'publish-options-repository-zh', { fullPage: true });
    await page.click('[data-testid="repo-import"]');
    await page.waitForFunction(() => ['ok', 'error'].includes(document.querySelector('[data-testid="repo-status"]')?.dataset.kind ?? '') && !/正在/.test(document.querySelector('[data-testid="repo-status"]').textContent), null, { timeout: WAIT });
    const status = await page.locator('[data-testid="repo-status"]').innerText();
    // Our two posts and the site's older one (it names its page: it is an article too).
    assert.match(status, /^已将 3 篇文章加入文库并标记为已在网站上；0 篇原本就在文库中。/);
    await page.locator('[data-testid="opt-repository"]').screenshot({ path: path.join(ARTIFACTS_DIR, 'publish-options-import-zh.png') });
    await page.close();

    const rows = (await dump(h2)).articles;
    assert.equal(rows.length, 3);
    const byUrl = new Map(rows.map((a) => [a.url, a]));
    for (const a of [article(1), article(2)]) {
      const row = byUrl.get(a.url);
      assert.ok(row, a.url);
      assert.ok(row.exportedAt, `${a.url} is on the site`);
      assert.ok(row.updatedAt <= row.exportedAt, 'not "changed since export"');
      assert.ok(pushed.includes(row.exportName.path), row.exportName.path);
      assert.equal(row.title, a.title);
    }
    // "New and changed" in the fresh profile: nothing, the site has them all.
    const exp = await open(h2, 'export.html?scope=new&auto=0');
    await exp.locator('[data-testid="start-publish"]:not([disabled])').waitFor({ timeout: WAIT });
    await screenshot(exp, 'publish-export-zh', { fullPage: true });
    await exp.click('[data-testid="start-publish"]');
    await exp.waitForFunction(() => ['done', 'error'].includes(document.querySelector('[data-testid="publish-status"]')?.dataset.phase ?? ''), null, { timeout: WAIT });
    assert.match(await exp.locator('[data-testid="publish-status"]').innerText(), /没有需要导出的文章/);
    await exp.close();
    // A second import adds nothing.
    const again = await open(h2, 'options.html');
    await again.locator('[data-testid="repo-import"]:not([disabled])').waitFor({ timeout: WAIT });
    await again.click('[data-testid="repo-import"]');
    await again.waitForFunction(() => /已将/.test(document.querySelector('[data-testid="repo-status"]')?.textContent ?? '') || document.querySelector('[data-testid="repo-status"]')?.dataset.kind === 'error', null, { timeout: WAIT });
    assert.match(await again.locator('[data-testid="repo-status"]').innerText(), /^已将 0 篇文章加入文库并标记为已在网站上；3 篇原本就在文库中。/);
    await again.close();
  });

  test('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
