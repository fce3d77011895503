// The library page end to end in Chromium against the test build: 10 000 articles seeded through the
// background, search in Chinese, open and read (sanitized), edit the title, export it (the edit is in
// the file), delete and undo; the popup's search box; backup download.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { TEST_BUILD_DIR, launchWithExtension, screenshot, waitForFile, dependentSteps } from './harness.mjs';
import { seedInWorker } from './library-seed.mjs';

const N = 10_000;
const WAIT = 15_000;
const TITLE = '量质双升绘宏图 民生答卷晒幸福';
const EDITED = '编辑后的标题：青山湖区量质双升';
const FILE = '2022-01-09-NW202201092240969820.md';
const HOSTILE = '<p>　　青山湖区经济社会发展迈上新台阶。</p><script>window.__pwned = 1</script>'
  + '<p><a href="javascript:window.__pwned=2">链接</a><img src="x" onerror="window.__pwned=3"></p>';

describe('library: 10 000 articles, search, read, edit, export, delete and undo', { timeout: 240_000 }, () => {
  let h;
  let page;
  const pageErrors = [];

  before(async () => {
    h = await launchWithExtension(TEST_BUILD_DIR);
    // Small bodies: this checks behaviour at 10 000 rows; the bench seeds realistic sizes.
    for (let start = 0; start < N; start += 2048) {
      await h.worker.evaluate(seedInWorker, { start, count: Math.min(2048, N - start), paragraphs: 1 });
    }
    await h.worker.evaluate(async ({ title, html }) => {
      const now = '2026-01-01T00:00:00.000Z';
      await globalThis.jianbao.library.importRecords([{
        article: {
          url: 'http://finews.example/html_News/NewsShare.html?infoCode=NW202201092240969820', title, source: '南昌日报',
          siteName: '东方财富网', author: null, publishedAt: '2022-01-09T07:48:06+08:00', savedAt: now, updatedAt: now, lang: 'zh-CN',
          excerpt: null, leadImage: null, siteArticleId: 'NW202201092240969820', tags: [], category: null, contentHash: '0', exportedAt: null,
        },
        body: { html, text: '青山湖区经济社会发展迈上新台阶。链接' },
      }]);
    }, { title: TITLE, html: HOSTILE });
    assert.equal(await h.worker.evaluate(() => globalThis.jianbao.library.count()), N + 1);
    page = await h.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.setViewportSize({ width: 1200, height: 800 });
  });

  after(async () => {
    await h?.close();
  });

  const step = dependentSteps(test, assert);
  const list = '[data-testid="lib-list"]';
  const listCount = () => page.locator(list).getAttribute('data-count').then(Number);
  // Row text arrives a moment after the id list: wait until every rendered row has its title.
  const rowTitles = async () => {
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="lib-row-title"]')].every((e) => e.textContent.trim() !== ''),
      null, { timeout: WAIT });
    return page.locator('[data-testid="lib-row-title"]').allInnerTexts();
  };

  step('(1) the library lists every article in a windowed list', async () => {
    await page.goto(`chrome-extension://${h.extensionId}/library.html`);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count')) === n, N + 1, { timeout: WAIT });
    const rendered = await page.locator('[data-testid="lib-row"]').count();
    assert.ok(rendered > 5 && rendered < 80, `only the rows in view are rendered, got ${rendered}`);
    assert.equal((await rowTitles())[0], TITLE, 'newest saved first');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('newest-rows-read').length), 1, 'first rows read before the app loaded');
    await page.locator(list).evaluate((el) => { el.scrollTop = 5000 * 56; });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="lib-row"]')].some((r) => Number(r.dataset.id) === 10_001 - 5000));
    await page.locator(list).evaluate((el) => { el.scrollTop = 0; });
    await screenshot(page, 'library-list');
  });

  step('(2) a Chinese search finds the article, title hits first', async () => {
    await page.locator('[data-testid="lib-search"]').fill('量质双升');
    await page.waitForFunction(() => document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count') === '1', null, { timeout: WAIT });
    assert.deepEqual(await rowTitles(), [TITLE]);
    // A substring of the body only: found, and the generated titles do not hold it.
    await page.locator('[data-testid="lib-search"]').fill('迈上新台阶');
    await page.waitForFunction(() => document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count') === '1', null, { timeout: WAIT });
    await page.locator('[data-testid="lib-search"]').fill('南昌');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count')) > 100, null, { timeout: WAIT });
    const titles = await rowTitles();
    assert.ok(titles[0].startsWith('南昌') || titles[0].includes('南昌'), `a title hit comes first: ${titles[0]}`);
    await page.locator('[data-testid="lib-search"]').fill('量质双升');
    await page.waitForFunction(() => document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count') === '1', null, { timeout: WAIT });
  });

  step('(3) the reader shows the body without script, handlers or javascript: links', async () => {
    await page.locator('[data-testid="lib-open"]').first().click();
    const reader = page.locator('[data-testid="lib-reader"]');
    await reader.waitFor({ timeout: WAIT });
    assert.equal(await page.locator('[data-testid="lib-reader-title"]').innerText(), TITLE);
    const body = page.locator('.lib-body');
    assert.match(await body.innerText(), /青山湖区经济社会发展迈上新台阶/);
    assert.equal(await body.locator('script, [onerror], [onclick], a[href^="javascript"]').count(), 0);
    await page.locator('.lib-body a').click().catch(() => {});
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
    await screenshot(page, 'library-reader');
  });

  step('(4) edit the title: the list and the reader show it', async () => {
    await page.locator('[data-testid="lib-edit"]').click();
    await page.locator('[data-testid="lib-edit-title"]').fill(EDITED);
    await page.locator('[data-testid="lib-edit-tags"]').fill('经济, 青山湖');
    await screenshot(page, 'library-edit');
    await page.locator('[data-testid="lib-edit-save"]').click();
    await page.waitForFunction((t) => document.querySelector('[data-testid="lib-reader-title"]')?.textContent === t, EDITED, { timeout: WAIT });
    const stored = await h.worker.evaluate(() => globalThis.jianbao.library.search('量质双升', 5));
    assert.equal(stored[0].title, EDITED);
    assert.deepEqual(stored[0].edited, ['title', 'tags']);
    assert.deepEqual(stored[0].tags, ['经济', '青山湖']);
  });

  step('(5) export it: the file carries the edited title', async () => {
    await page.locator('[data-testid="lib-export-one"]').click();
    const text = await readFile(await waitForFile(h.downloadsDir, FILE, WAIT), 'utf8');
    assert.match(text, new RegExp(`^title: "${EDITED}"$`, 'm'));
    assert.match(text, /^date: 2022-01-09 07:48:06 \+0800$/m);
  });

  step('(6) delete, then undo', async () => {
    await page.locator('[data-testid="lib-delete-one"]').click();
    await page.locator('[data-testid="lib-undo"]').waitFor({ timeout: WAIT });
    await page.locator('[data-testid="lib-empty"]').waitFor({ timeout: WAIT });
    assert.equal(await h.worker.evaluate(() => globalThis.jianbao.library.count()), N);
    await screenshot(page, 'library-deleted');
    await page.locator('[data-testid="lib-undo"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count') === '1', null, { timeout: WAIT });
    assert.deepEqual(await rowTitles(), [EDITED]);
    assert.equal(await h.worker.evaluate(() => globalThis.jianbao.library.count()), N + 1);
  });

  step('(7) filter by tag and select in bulk', async () => {
    await page.locator('[data-testid="lib-search"]').fill('');
    await page.locator('[data-testid="lib-filter-tag"]').selectOption('要闻');
    await page.waitForFunction(() => document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count') === '1000', null, { timeout: WAIT });
    // Every row in view is rendered (the list kept its size through the empty result of step 6).
    assert.ok(await page.locator('[data-testid="lib-row"]').count() >= 14, 'the window fills the list');
    await page.locator('[data-testid="lib-select-all"]').click();
    assert.match(await page.locator('[data-testid="lib-count"]').innerText(), /1000/);
    await page.locator('[data-testid="lib-bulk-tags"]').fill('批量');
    await page.locator('[data-testid="lib-bulk-tag"]').click();
    await page.locator('[data-testid="lib-toast"]', { hasText: '1000' }).waitFor({ timeout: WAIT });
    assert.equal((await h.worker.evaluate(() => globalThis.jianbao.library.query({ filter: { tag: '批量' } }))).length, 1000);
    await screenshot(page, 'library-bulk');
  });

  step('(8) back up downloads a zip of every article; a foreign file is refused and changes nothing', async () => {
    await page.locator('[data-testid="lib-backup-button"]').click();
    await page.locator('[data-testid="lib-backup-status"]', { hasText: String(N + 1) }).waitFor({ timeout: 60_000 });
    const zip = await readFile(await waitForFile(h.downloadsDir, /^jianbao-backup-\d{4}-\d{2}-\d{2}\.zip$/, WAIT));
    assert.equal(zip.subarray(0, 2).toString(), 'PK');
    await page.locator('[data-testid="lib-restore-input"]').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\x03\x04 not really') });
    const status = page.locator('[data-testid="lib-backup-status"]');
    await status.filter({ hasText: /not a Jianbao backup/ }).waitFor({ timeout: WAIT });
    assert.equal(await status.getAttribute('role'), 'alert');
    await screenshot(page, 'library-restore-refused');
    assert.equal(await h.worker.evaluate(() => globalThis.jianbao.library.count()), N + 1);
  });

  step('(9) the popup searches the library and links to it', async () => {
    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    // How many rows the first render put in: the early read's screenful; the live query brings the rest.
    await popup.addInitScript(() => {
      new MutationObserver((_, obs) => {
        const n = document.querySelectorAll('[data-testid="article-row"]').length;
        if (n > 0) {
          window.__firstRows = n;
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    // The first rows come from the early read (newest-rows.js); the list then fills to the 50 newest.
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="article-row"]').length === 50, null, { timeout: WAIT });
    assert.equal(await popup.evaluate(() => window.__firstRows), 20);
    const newest = await h.worker.evaluate(() => globalThis.jianbao.library.list({ limit: 50 }).then((rows) => rows.map((a) => String(a.id))));
    assert.deepEqual(await popup.locator('[data-testid="article-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.id)), newest);
    assert.equal(await popup.evaluate(() => performance.getEntriesByName('newest-rows-read').length), 1, 'rows read before the app loaded');
    await screenshot(popup, 'popup-list');
    // "量质" is also inside generated bodies ("质量质量"): the title hit comes first.
    await popup.locator('[data-testid="popup-search-input"]').fill('量质');
    await popup.locator('[data-testid="popup-search-hit"]').first().waitFor({ timeout: WAIT });
    assert.ok(await popup.locator('[data-testid="popup-search-hit"]').count() > 1);
    assert.match(await popup.locator('[data-testid="popup-search-hit"]').first().innerText(), new RegExp(EDITED));
    await screenshot(popup, 'popup-search');
    const opened = h.context.waitForEvent('page');
    await popup.locator('[data-testid="open-library"]').click();
    const lib = await opened;
    await lib.waitForURL(/library\.html\?q=/);
    await popup.close();
    await lib.close();
    assert.deepEqual(pageErrors, []);
  });
});
