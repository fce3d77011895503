// The spine, end to end in Chromium against the test build (`npm run build:test` first):
// save the seed-shaped page through popup.html?tabId=N, see it in the list, export it as the
// seed post, save it again (updated, one row), fail on a page with no article, delete.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ARTIFACTS_DIR,
  EXPECTED_DIR,
  TEST_BUILD_DIR,
  launchWithExtension,
  screenshot,
  serveFolder,
  tabIdFor,
  waitForFile,
  dependentSteps,
  SEED_PATH,
  SEED_TITLE,
} from './harness.mjs';

const SEED_FILE = '2022-01-09-NW202201092240969820.md';
const SEED_ORIGINAL_URL = 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201092240969820';
const WAIT = 10_000;

const CARD = '[data-testid="save-card"]';
const ROW = '[data-testid="article-row"]';

/** Splits a post into its front matter (through the second `---`), `<p>` texts, URL line and back-links line. */
function splitPost(text) {
  const lines = text.split('\n');
  const second = lines.indexOf('---', 1);
  assert.ok(lines[0] === '---' && second > 0, `post has no front matter:\n${text.slice(0, 400)}`);
  const frontMatter = lines.slice(0, second + 1).join('\n');
  const urlIndex = lines.findIndex((l, i) => i > second && /^<[a-z]+:\/\/[^<>\s]+>$/.test(l));
  const urlLine = urlIndex >= 0 ? lines[urlIndex] : null;
  const backLinks = lines.find((l, i) => i > urlIndex && l.startsWith('[')) ?? null;
  const body = lines.slice(second + 1, urlIndex >= 0 ? urlIndex : undefined).join('\n');
  const paragraphs = [...body.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]*>/g, '').trim());
  return { frontMatter, paragraphs, urlLine, backLinks };
}

describe('spine: save → list → export → update → fail → delete', { timeout: 45_000 }, () => {
  /** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
  let h;
  /** @type {Awaited<ReturnType<typeof serveFolder>>} */
  let server;
  const pageErrors = [];

  before(async () => {
    server = await serveFolder();
    h = await launchWithExtension(TEST_BUILD_DIR);
  });

  after(async () => {
    await h?.close();
    await server?.close();
  });

  const step = dependentSteps(test, assert);

  /** Opens a tab on a served page and returns its tab id (from the service worker). */
  async function openSite(pathAndQuery) {
    const page = await h.context.newPage();
    const url = server.url(pathAndQuery);
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, tabId: await tabIdFor(h.worker, url) };
  }

  /** Opens popup.html?tabId=N in a 400×600 tab and waits until the save card leaves `saving`. */
  async function openPopup(tabId) {
    const page = await h.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    page.on('dialog', (d) => d.accept());
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
    const handle = await page
      .waitForFunction(
        (sel) => {
          const s = document.querySelector(sel)?.getAttribute('data-status');
          return s && s !== 'saving' ? s : null;
        },
        CARD,
        { timeout: WAIT, polling: 50 },
      )
      .catch(async (err) => {
        const status = await page.locator(CARD).first().getAttribute('data-status', { timeout: 500 }).catch(() => undefined);
        const what = status === undefined ? `no ${CARD} on the page` : `${CARD} still has data-status=${JSON.stringify(status)}`;
        const html = (await page.content().catch(() => '')).slice(0, 1500);
        throw new Error(`popup.html?tabId=${tabId}: ${what} after ${WAIT} ms (${err.message.split('\n')[0]})\n${html}`);
      });
    const status = await handle.jsonValue();
    const cardText = (await page.locator(CARD).innerText()).trim();
    return { page, status, cardText };
  }

  /** Waits until the list shows `n` rows and returns their titles, newest first. */
  async function rowsSettleAt(page, n) {
    await page
      .waitForFunction(({ sel, n }) => document.querySelectorAll(sel).length === n, { sel: ROW, n }, { timeout: WAIT, polling: 50 })
      .catch(async () => {
        const count = await page.locator(ROW).count();
        throw new Error(`expected ${n} ${ROW} in the popup, found ${count}`);
      });
    return page.locator(`${ROW} [data-testid="row-title"]`).allInnerTexts();
  }

  step('(i) save the seed-shaped page: created, listed, exported as the seed post', async () => {
    const site = await openSite(SEED_PATH);
    const { page, status, cardText } = await openPopup(site.tabId);

    assert.equal(status, 'created', `save card: ${cardText}`);
    assert.ok(cardText.includes(SEED_TITLE), `card shows the title; card text:\n${cardText}`);
    assert.ok(cardText.includes('南昌日报'), `card shows the original source 南昌日报; card text:\n${cardText}`);
    assert.match(cardText, /2022\s*[-/.年]\s*0?1\s*[-/.月]\s*0?9/, 'card shows the publication date 2022-01-09');

    const titles = await rowsSettleAt(page, 1);
    assert.equal(titles[0].trim(), SEED_TITLE);
    await screenshot(page, 'popup-created');

    await page.locator(ROW).first().locator('[data-testid="export-md"]').click();
    const file = await waitForFile(h.downloadsDir, SEED_FILE, WAIT);
    const got = await readFile(file, 'utf8');
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await copyFile(file, path.join(ARTIFACTS_DIR, SEED_FILE)); // kept for a look when the comparison fails

    const seed = await readFile(path.join(EXPECTED_DIR, 'seed-post.md'), 'utf8');
    assert.ok(seed.includes(`<${SEED_ORIGINAL_URL}>`), 'tests/golden/expected/seed-post.md holds the seed URL line');
    const expected = seed.replace(`<${SEED_ORIGINAL_URL}>`, `<${site.url}>`);

    const g = splitPost(got);
    const e = splitPost(expected);
    assert.equal(g.frontMatter, e.frontMatter, 'front matter byte for byte');
    assert.equal(g.urlLine, e.urlLine, 'URL line byte for byte');
    assert.equal(g.backLinks, e.backLinks, 'back-links line byte for byte');
    assert.deepEqual(g.paragraphs, e.paragraphs, '<p> texts');
    assert.ok(got.endsWith(`\n\n${e.urlLine}\n\n${e.backLinks}`), 'post ends: blank line, URL, blank line, back-links, no trailing newline');

    await page.close();
    await site.page.close();
  });

  step('(ii) save the same page again: updated, still one row', async () => {
    const site = await openSite(SEED_PATH);
    const { page, status, cardText } = await openPopup(site.tabId);
    assert.equal(status, 'updated', `save card: ${cardText}`);
    assert.match(cardText, /already saved/i, 'card says the article was already saved');
    assert.ok(cardText.includes(SEED_TITLE), `card shows the title; card text:\n${cardText}`);
    const titles = await rowsSettleAt(page, 1);
    assert.equal(titles[0].trim(), SEED_TITLE);
    await page.close();
    await site.page.close();
  });

  step('(iii) a page with no article: failed, "No article found", list unchanged', async () => {
    const site = await openSite('/no-article.html');
    const { page, status, cardText } = await openPopup(site.tabId);
    assert.equal(status, 'failed', `save card: ${cardText}`);
    assert.ok(cardText.includes('No article found'), `card shows the reason; card text:\n${cardText}`);
    await screenshot(page, 'popup-failed');
    const titles = await rowsSettleAt(page, 1);
    assert.equal(titles[0].trim(), SEED_TITLE);
    await page.close();
    await site.page.close();
  });

  step('(iv) delete the row: the list is empty', async () => {
    // The popup always saves on open; point it at the no-article page so the list keeps one row to delete.
    const site = await openSite('/no-article.html');
    const { page } = await openPopup(site.tabId);
    await rowsSettleAt(page, 1);
    await page.locator(ROW).first().locator('[data-testid="delete"]').click();
    await rowsSettleAt(page, 0);
    await screenshot(page, 'popup-empty');
    await page.close();
    await site.page.close();
  });

  test('no uncaught errors in the popup', () => {
    assert.deepEqual(pageErrors, []);
  });
});
