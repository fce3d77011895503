// Canonical URLs that cannot lie, in Chromium against the test build (`npm run build:test` first):
// an article saved on origin A (127.0.0.1) is not changed by a page on origin B (localhost, another
// registrable host) whose <link rel=canonical> or og:url names it: that save is an article of its own,
// under B's own URL. A canonical naming https://phishing.example/login never becomes an article's URL
// (the row's url, the popup's link).
//
// The test build may read only http://127.0.0.1/*; this test loads a copy of it whose manifest also
// grants http://localhost/*, so that a second origin can be read (the copy lives in a temp folder).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_BUILD_DIR, dependentSteps, launchWithExtension, openPopup, serveFolder, tabIdFor } from './harness.mjs';

const CARD = '[data-testid="save-card"]';
const ROW = '[data-testid="article-row"]';
const WAIT = 10_000;
const PHISHING = 'https://phishing.example/login';

const paragraphs = (words) =>
  Array.from({ length: 5 }, (_, i) => `<p>${words} Paragraph ${i + 1} tells how the harbor council met on Monday and voted, after a long debate about costs and tides, to rebuild the ferry pier that the winter storms wrecked.</p>`).join('\n');

function pageHtml({ title, head = '', words }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><article><h1>${title}</h1>${paragraphs(words)}</article></body></html>`;
}

describe('a page on another origin cannot overwrite a saved article through its canonical', { timeout: 60_000 }, () => {
  let h;
  let dist;
  let pagesDir;
  let a;
  let b;
  const pageErrors = [];
  const urls = {};
  let original;
  let originalBody;

  before(async () => {
    pagesDir = await mkdtemp(path.join(tmpdir(), 'jianbao-canon-pages-'));
    // Two servers of the same folder; B is reached as localhost: another host, another registrable domain.
    a = await serveFolder(pagesDir);
    b = await serveFolder(pagesDir);
    urls.article = a.url('/news/ferry-pier.html');
    urls.copy = `http://localhost:${b.port}/copy.html`;
    urls.copyOg = `http://localhost:${b.port}/copy-og.html`;
    urls.phishA = a.url('/news/phish.html');
    urls.phishB = `http://localhost:${b.port}/phish.html`;
    await mkdir(path.join(pagesDir, 'news'), { recursive: true });
    await writeFile(path.join(pagesDir, 'news/ferry-pier.html'), pageHtml({
      title: 'Harbor town votes to rebuild its ferry pier',
      head: `<link rel="canonical" href="${urls.article}">`,
      words: 'The real story.',
    }));
    await writeFile(path.join(pagesDir, 'copy.html'), pageHtml({
      title: 'Replaced headline from another origin',
      head: `<link rel="canonical" href="${urls.article}"><meta property="og:url" content="${urls.article}">`,
      words: 'Injected text.',
    }));
    await writeFile(path.join(pagesDir, 'copy-og.html'), pageHtml({
      title: 'Replaced headline through og:url',
      head: `<meta property="og:url" content="${urls.article}">`,
      words: 'Injected through og.',
    }));
    await writeFile(path.join(pagesDir, 'phish.html'), pageHtml({
      title: 'A page that names a phishing login as its canonical',
      head: `<link rel="canonical" href="${PHISHING}"><meta property="og:url" content="${PHISHING}">`,
      words: 'Phishing canonical.',
    }));
    await cp(path.join(pagesDir, 'phish.html'), path.join(pagesDir, 'news/phish.html'));

    // The test build, plus a grant for the second origin.
    dist = await mkdtemp(path.join(tmpdir(), 'jianbao-canon-dist-'));
    await cp(TEST_BUILD_DIR, dist, { recursive: true });
    const manifestFile = path.join(dist, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://localhost/*'];
    await writeFile(manifestFile, JSON.stringify(manifest));
    h = await launchWithExtension(dist, { lang: 'en' });
  });

  after(async () => {
    await h?.close();
    await a?.close();
    await b?.close();
    if (dist) await rm(dist, { recursive: true, force: true });
    if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
  });

  const step = dependentSteps(test, assert);

  async function openTab(url) {
    const page = await h.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return { page, tabId: await tabIdFor(h.worker, url) };
  }

  /** Saves the tab through the popup (as a click would); returns the card's status and the popup. */
  async function saveInPopup(tabId) {
    const popup = await openPopup(h, tabId, pageErrors);
    const status = await popup
      .waitForFunction((sel) => {
        const s = document.querySelector(sel)?.getAttribute('data-status');
        return s && s !== 'saving' ? s : null;
      }, CARD, { timeout: WAIT, polling: 50 })
      .then((handle) => handle.jsonValue());
    return { status, popup, card: (await popup.locator(CARD).innerText()).trim() };
  }

  const rows = () => h.worker.evaluate(() => globalThis.jianbao.library.list());
  const body = (id) => h.worker.evaluate((articleId) => globalThis.jianbao.library.getBody(articleId), id);
  const saveTab = (tabId) => h.worker.evaluate((id) => globalThis.jianbao.handlers['save-tab']({ tabId: id }), tabId);

  async function assertOriginalUnchanged() {
    const now = (await rows()).find((r) => r.id === original.id);
    assert.deepEqual(now, original, 'the article saved on origin A is unchanged');
    assert.deepEqual(await body(original.id), originalBody, "its body is unchanged");
  }

  step('(1) the article on origin A is saved', async () => {
    const site = await openTab(urls.article);
    const { status, popup, card } = await saveInPopup(site.tabId);
    assert.equal(status, 'created', card);
    const all = await rows();
    assert.equal(all.length, 1);
    original = all[0];
    assert.equal(original.url, urls.article);
    assert.equal(original.title, 'Harbor town votes to rebuild its ferry pier');
    originalBody = await body(original.id);
    assert.match(originalBody.text, /The real story\./);
    await popup.close();
    await site.page.close();
  });

  step('(2) a page on origin B with canonical and og:url naming it: a new article under B\'s own URL', async () => {
    const site = await openTab(`${urls.copy}?utm_source=feed#top`);
    const { status, popup, card } = await saveInPopup(site.tabId);
    assert.equal(status, 'created', `not "already saved — updated": ${card}`);
    await assertOriginalUnchanged();
    const all = await rows();
    assert.equal(all.length, 2);
    const copy = all.find((r) => r.id !== original.id);
    assert.equal(copy.url, urls.copy, 'keyed on B\'s own URL, cleaned of tracking and fragment');
    assert.equal(copy.declaredCanonical, urls.article, 'the foreign canonical is recorded');
    assert.equal(copy.title, 'Replaced headline from another origin');
    assert.match((await body(copy.id)).text, /Injected text\./);
    // The popup's list links each article to its own page.
    await popup.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, ROW, { timeout: WAIT, polling: 50 });
    const hrefs = await popup.locator(`${ROW} [data-testid="row-title"]`).evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    assert.deepEqual([...hrefs].sort(), [urls.article, urls.copy].sort());

    // Saved again: it updates its own article, never A's.
    const again = await saveTab(site.tabId);
    assert.equal(again.ok, true);
    assert.equal(again.status, 'updated');
    assert.equal(again.article.id, copy.id);
    await assertOriginalUnchanged();
    await popup.close();
    await site.page.close();
  });

  step('(3) og:url alone naming it: a new article too', async () => {
    const site = await openTab(urls.copyOg);
    const outcome = await saveTab(site.tabId);
    assert.equal(outcome.ok, true, outcome.message);
    assert.equal(outcome.status, 'created');
    assert.equal(outcome.article.url, urls.copyOg);
    assert.equal(outcome.article.declaredCanonical, urls.article);
    await assertOriginalUnchanged();
    await site.page.close();
  });

  step('(4) a phishing canonical never becomes an article URL, on either origin', async () => {
    for (const url of [urls.phishA, urls.phishB]) {
      const site = await openTab(url);
      const { status, popup, card } = await saveInPopup(site.tabId);
      assert.equal(status, 'created', card);
      const links = await popup.locator(`${ROW} [data-testid="row-title"]`).evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      assert.ok(links.includes(url), `the popup links the page itself: ${JSON.stringify(links)}`);
      assert.ok(!links.some((l) => l.startsWith('https://phishing.example')), `no link to the phishing page: ${JSON.stringify(links)}`);
      await popup.close();
      await site.page.close();
    }
    const all = await rows();
    assert.equal(all.length, 5);
    for (const r of all) {
      assert.match(r.url, /^http:\/\/(?:127\.0\.0\.1|localhost):\d+\//, `stored URL: ${r.url}`);
      assert.ok(!r.url.includes('phishing.example'));
    }
    const phished = all.filter((r) => r.declaredCanonical === PHISHING).map((r) => r.url).sort();
    assert.deepEqual(phished, [urls.phishA, urls.phishB].sort());
    await assertOriginalUnchanged();
    assert.deepEqual(pageErrors, []);
  });
});
