// The Firefox build (MV2) in Firefox ESR, driven over WebDriver BiDi: it installs, the popup renders,
// and the same saves work — the popup's save, the shortcut's and the context menu's handlers, the
// badge (browserAction in MV2). Skipped when Firefox or the Firefox test build is missing:
// `JIANBAO_TEST_BUILD=1 wxt build -b firefox` (npm run build:test:firefox), `apt-get install firefox-esr`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, serveFolder, SEED_PATH, SEED_TITLE } from './harness.mjs';

const FIREFOX = process.env.FIREFOX_PATH || ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
const DIST = path.resolve(ROOT, process.env.JIANBAO_E2E_FIREFOX_DIST || '.output-test/firefox-mv2');
const ADDON_ID = 'jianbao@jianbao.invalid';
const skip = !FIREFOX ? 'Firefox is not installed' : !existsSync(path.join(DIST, 'manifest.json')) ? `${DIST}/manifest.json is missing` : false;

async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

/** A minimal WebDriver BiDi client: send(method, params) → result. */
async function connect(url) {
  const WS = globalThis.WebSocket ?? (await import('ws')).default;
  const ws = new WS(url);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = (e) => reject(new Error(`BiDi connection failed: ${e.message ?? e.type}`));
  });
  let next = 1;
  const pending = new Map();
  ws.onmessage = (event) => {
    const msg = JSON.parse(typeof event.data === 'string' ? event.data : event.data.toString());
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new Error(`${msg.error}: ${msg.message}`));
    else p.resolve(msg.result);
  };
  return {
    send(method, params = {}) {
      const id = next++;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    close: () => ws.close(),
  };
}

describe('Firefox build in Firefox', { skip, timeout: 90_000 }, () => {
  let firefox;
  let bidi;
  let server;
  let profile;
  const uuid = randomUUID();

  before(async () => {
    server = await serveFolder();
    profile = await mkdtemp(path.join(tmpdir(), 'jianbao-firefox-'));
    // A fixed internal UUID gives the extension's pages a known moz-extension:// origin.
    const prefs = {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      'intl.locale.requested': 'en-US',
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.aboutwelcome.enabled': false,
    };
    await writeFile(path.join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
    const port = await freePort();
    firefox = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, `--remote-debugging-port=${port}`], { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        bidi = await connect(`ws://127.0.0.1:${port}/session`);
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    await bidi.send('session.new', { capabilities: {} });
  });

  after(async () => {
    bidi?.close();
    firefox?.kill();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  });

  async function newTab(url) {
    const { context } = await bidi.send('browsingContext.create', { type: 'tab' });
    await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    return context;
  }

  /** Evaluates an async function body in a tab and returns its JSON-serialised value. */
  async function run(context, body, ...args) {
    const r = await bidi.send('script.callFunction', {
      functionDeclaration: `async (...raw) => JSON.stringify(await (async (...args) => { ${body} })(...raw.map((a) => JSON.parse(a))))`,
      target: { context },
      awaitPromise: true,
      arguments: args.map((value) => ({ type: 'string', value: JSON.stringify(value) })),
    });
    if (r.type === 'exception') throw new Error(`in page: ${r.exceptionDetails.text}`);
    return JSON.parse(r.result.value);
  }

  /**
   * Loads an extension page in `context`. BiDi may not navigate to moz-extension:// itself, so the
   * tab's own page does; the Firefox test build lists popup.html as web-accessible for that.
   */
  async function openExtensionPage(context, page) {
    const url = `moz-extension://${uuid}/${page}`;
    await bidi.send('script.evaluate', { expression: `location.href = ${JSON.stringify(url)}`, target: { context }, awaitPromise: false });
    for (let i = 0; i < 100; i++) {
      const { contexts } = await bidi.send('browsingContext.getTree', { root: context });
      if (contexts[0]?.url === url) {
        const ready = await bidi.send('script.evaluate', { expression: 'document.readyState', target: { context }, awaitPromise: false }).catch(() => null);
        if (ready?.result?.value === 'complete') return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${url} did not load`);
  }

  let site;
  let popup;
  let tabId;

  test('installs as a temporary add-on', async () => {
    const { extension } = await bidi.send('webExtension.install', { extensionData: { type: 'path', path: DIST } });
    assert.equal(extension, ADDON_ID);
  });

  test('the popup saves the seed page (MV2 browserAction popup page, opened in a tab)', async () => {
    site = await newTab(server.url(SEED_PATH));
    popup = await newTab(server.url('/no-article.html'));
    await openExtensionPage(popup, 'popup.html?tabId=0');
    tabId = await run(popup, `return (await browser.tabs.query({})).find((t) => t.url === args[0]).id;`, server.url(SEED_PATH));
    await openExtensionPage(popup, `popup.html?tabId=${tabId}`);
    const card = await run(popup, `
      for (let i = 0; i < 100; i++) {
        const c = document.querySelector('[data-testid="save-card"]');
        if (c && c.dataset.status !== 'saving') return { status: c.dataset.status, text: c.textContent };
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;`);
    assert.equal(card?.status, 'created', JSON.stringify(card));
    assert.ok(card.text.includes(SEED_TITLE));
    assert.ok(card.text.includes('南昌日报'));
  });

  test('the shortcut\'s handler: updated, badge ↻ on browserAction', async () => {
    const r = await run(popup, `
      const bg = await browser.runtime.getBackgroundPage();
      const tab = await browser.tabs.get(Number(args[0]));
      const outcome = await bg.jianbao.onCommand('save-page', tab);
      return { status: outcome.status, badge: await browser.browserAction.getBadgeText({ tabId: tab.id }), title: await browser.browserAction.getTitle({ tabId: tab.id }) };`, tabId);
    assert.deepEqual(r, { status: 'updated', badge: '↻', title: `Already saved — updated: ${SEED_TITLE}` });
  });

  test('the context menu\'s "Save selection as article": a second article', async () => {
    await run(site, `
      const p = document.querySelectorAll('#ContentBody p')[1];
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return true;`);
    const r = await run(popup, `
      const bg = await browser.runtime.getBackgroundPage();
      const tab = await browser.tabs.get(Number(args[0]));
      const outcome = await bg.jianbao.onMenuClick({ menuItemId: 'jianbao-save-selection' }, tab);
      return { ok: outcome.ok, status: outcome.status, message: outcome.message, url: outcome.article?.url, count: await bg.jianbao.library.count() };`, tabId);
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.status, 'created');
    assert.match(r.url, /#:~:text=/);
    assert.equal(r.count, 2);
  });

  test('a page with no article: the popup says so, and "save the whole page anyway" saves it', async () => {
    const other = await newTab(server.url('/no-article.html'));
    const ids = await run(popup, `return (await browser.tabs.query({})).filter((t) => t.url === args[0]).map((t) => t.id);`, server.url('/no-article.html'));
    assert.equal(ids.length, 1);
    const id = ids[0];
    await openExtensionPage(popup, `popup.html?tabId=${id}`);
    const card = await run(popup, `
      for (let i = 0; i < 100; i++) {
        const c = document.querySelector('[data-testid="save-card"]');
        if (c && c.dataset.status !== 'saving') return { status: c.dataset.status, text: c.textContent, whole: !!document.querySelector('[data-testid="save-whole-page"]') };
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;`);
    assert.equal(card?.status, 'failed');
    assert.ok(card.text.includes('No article found'), card.text);
    assert.equal(card.whole, true);
    const saved = await run(popup, `
      document.querySelector('[data-testid="save-whole-page"]').click();
      for (let i = 0; i < 100; i++) {
        const c = document.querySelector('[data-testid="save-card"]');
        if (c.dataset.status === 'created') return c.querySelector('.title').textContent;
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;`);
    assert.equal(saved, 'Sign in');
    await bidi.send('browsingContext.close', { context: other });
  });
});
