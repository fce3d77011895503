// Helpers for the Chromium end-to-end tests (run with `node --test tests/e2e/`):
// a static server on 127.0.0.1, Debian chromium with the unpacked extension,
// downloads into a temp folder under the extension's own filenames, screenshots.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const PAGES_DIR = path.join(ROOT, 'tests/golden/pages');
export const EXPECTED_DIR = path.join(ROOT, 'tests/golden/expected');
// JIANBAO_E2E_DIST points the e2e tests at another unpacked build (e.g. a scratch mock).
export const TEST_BUILD_DIR = path.resolve(ROOT, process.env.JIANBAO_E2E_DIST || '.output-test/chrome-mv3');
export const SHIPPED_BUILD_DIR = path.join(ROOT, '.output/chrome-mv3');
export const ARTIFACTS_DIR = path.join(import.meta.dirname, 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The seed post's page (an East Money share page) as the test server serves it, and its headline. */
export const SEED_PATH = '/html_News/NewsShare.html?infoCode=NW202201092240969820';
export const SEED_TITLE = '量质双升绘宏图 民生答卷晒幸福 ——青山湖区经济社会发展迈上新台阶';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** Maps a request path to a file name in the served folder (null: use the path itself). */
function alias(pathname) {
  // The seed's page lives at /html_News/NewsShare.html?infoCode=…; the fixture is eastmoney-share.html.
  if (pathname.endsWith('NewsShare.html')) return 'eastmoney-share.html';
  return null;
}

/**
 * Serves `dir` on 127.0.0.1 on a free port.
 * @returns {Promise<{ origin: string, port: number, url: (p: string) => string, close: () => Promise<void> }>}
 */
export async function serveFolder(dir = PAGES_DIR) {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
      let rel = alias(pathname) ?? decodeURIComponent(pathname).replace(/^\/+/, '');
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(root, rel);
      if (file !== root && !file.startsWith(root + path.sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const missing = err && (err.code === 'ENOENT' || err.code === 'ENOTDIR' || err instanceof URIError);
      res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(missing ? 'not found' : String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (p) => origin + (p.startsWith('/') ? p : '/' + p),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * Launches Debian chromium headless with the unpacked extension in `extensionDir`, a fresh
 * profile, and downloads saved under their own names into a fresh temp folder.
 * `lang` (e.g. 'zh-CN') sets the browser's UI language, which chrome.i18n follows; `args` adds flags.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, extensionId: string,
 *   worker: import('playwright-core').Worker, downloadsDir: string, profileDir: string, close: () => Promise<void> }>}
 */
export async function launchWithExtension(extensionDir = TEST_BUILD_DIR, { headless = true, lang = undefined, args: extraArgs = [] } = {}) {
  const dist = path.resolve(extensionDir);
  if (!existsSync(path.join(dist, 'manifest.json'))) {
    throw new Error(`No extension build at ${dist} (manifest.json missing): run \`npm run build:test\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  }
  const profileDir = await mkdtemp(path.join(tmpdir(), 'jianbao-profile-'));
  const downloadsDir = await mkdtemp(path.join(tmpdir(), 'jianbao-downloads-'));
  // Downloads go to downloadsDir under the name the extension chose, without a prompt.
  await mkdir(path.join(profileDir, 'Default'), { recursive: true });
  await writeFile(
    path.join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false, directory_upgrade: true } }),
  );

  const args = [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (lang) args.push(`--lang=${lang}`);
  args.push(...extraArgs);

  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless,
      args,
      viewport: { width: 1000, height: 800 },
      // On Linux Chromium also reads the UI language from the environment.
      ...(lang ? { locale: lang, env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` } } : {}),
    });
  } catch (err) {
    await rm(profileDir, { recursive: true, force: true });
    await rm(downloadsDir, { recursive: true, force: true });
    throw err;
  }

  const close = async () => {
    await context.close().catch(() => {});
    await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    await rm(downloadsDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const isExt = (w) => w.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isExt) ??
      (await context.waitForEvent('serviceworker', { predicate: isExt, timeout: 10_000 }));
    const extensionId = new URL(worker.url()).host;

    // Playwright sets its own download behaviour (GUID names); hand downloads back to Chromium.
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    await cdp.detach().catch(() => {});

    return { context, extensionId, worker, downloadsDir, profileDir, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Polls `dir` until a finished download matching `predicate` (a file name, a RegExp or a
 * function of the name) appears; `.crdownload` files are ignored. Resolves to its full path.
 */
export async function waitForFile(dir, predicate, timeoutMs = 10_000) {
  const test =
    typeof predicate === 'string' ? (n) => n === predicate
    : predicate instanceof RegExp ? (n) => predicate.test(n)
    : predicate;
  const deadline = Date.now() + timeoutMs;
  let names = [];
  for (;;) {
    names = (await readdir(dir).catch(() => [])).filter((n) => !n.endsWith('.crdownload'));
    const hit = names.find((n) => test(n));
    if (hit) return path.join(dir, hit);
    if (Date.now() > deadline) {
      throw new Error(`No file matching ${predicate} in ${dir} after ${timeoutMs} ms; found: ${JSON.stringify(names)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Saves a PNG of `page` to tests/e2e/artifacts/<name>.png and returns its path. */
export async function screenshot(page, name, options = {}) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

/** The id of the (first) tab whose URL starts with `urlPrefix`, asked from the service worker. */
export async function tabIdFor(worker, urlPrefix) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const id = await worker.evaluate(async (prefix) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => (t.url ?? t.pendingUrl ?? '').startsWith(prefix))?.id ?? null;
    }, urlPrefix);
    if (id != null) return id;
    if (Date.now() > deadline) throw new Error(`No tab with a URL starting ${urlPrefix}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens a served page in a new tab; returns the page, its URL and its tab id. */
export async function openSite(h, server, urlPath) {
  const page = await h.context.newPage();
  const url = server.url(urlPath);
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, tabId: await tabIdFor(h.worker, url) };
}

/** Opens the popup page for a tab, at the toolbar popup's size; page errors go to `errors`. */
export async function openPopup(h, tabId, errors = []) {
  const page = await h.context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
  return page;
}

/**
 * `test` for steps that build on each other: once one fails, the rest fail at once with
 * "not run: (i) failed" instead of each waiting out its timeout.
 */
export function dependentSteps(test, assert) {
  let broken = null;
  return (name, fn) =>
    test(name, async (t) => {
      if (broken) assert.fail(`not run: ${broken} failed`);
      try {
        await fn(t);
      } catch (err) {
        broken = name.split(' ')[0];
        throw err;
      }
    });
}
