// Everyday frictions of issue 15, in Chromium against the test build (`npm run build:test` first), in zh-CN and en:
// empty states say how to save a first article (and the library says nothing about storage before anything is
// saved); the popup's ✕ offers Undo, which brings the row back; "copy post" in the popup row and the reader puts the
// rendered post on the clipboard; the library's shortcuts (/ j k o e x Delete ? Esc) each do their action, listed in
// the help overlay; search results show the passage that matched with the hit in <mark>; deleting more than a
// screenful asks once in our own dialog; the options page's Save button keeps its shape beside a long error; after a
// zip export the page offers "show in folder" with the download's id; the date range reads in the user's format.
// Screenshots: tests/e2e/artifacts/frictions-{popup,popup-empty,library,library-empty,library-search,library-help,
// library-confirm,options-error}-<lang>.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_BUILD_DIR, dependentSteps, launchWithExtension, screenshot, serveFolder } from './harness.mjs';
import { seedInWorker } from './library-seed.mjs';

const WAIT = 10_000;
const EXPECT = {
  'zh-CN': { popupEmpty: '还没有保存文章', libEmpty: '还没有保存文章', deleted: '已删除', restored: '已恢复', copied: '已把文章', confirm: '删除 31 篇文章？', datePlaceholder: '年/月/日', typed: '2022/1/1', shown: '2022/01/01' },
  en: { popupEmpty: 'Nothing saved yet', libEmpty: 'Nothing saved yet', deleted: 'Deleted.', restored: 'Restored.', copied: 'Copied the post', confirm: 'Delete 31 articles?', datePlaceholder: 'mm/dd/yyyy', typed: '1/1/2022', shown: '01/01/2022' },
};
const UNIQUE = '缆车索道';

/** One article whose body alone has UNIQUE in it (not its title), imported in the service worker. */
function importBodyHit() {
  const now = new Date().toISOString();
  const text = '本报讯　记者获悉，全市首条城市观光缆车索道今日开通试运营，沿线设有三个站点。\n\n市民可在周末免费体验。';
  return globalThis.jianbao.library.importRecords([{
    article: { url: 'https://news.example/zh/cable.html', title: '城市观光线路开通试运营', source: '南昌日报', siteName: '南昌新闻网', author: null,
      publishedAt: '2022-01-09T07:48:06+08:00', savedAt: now, updatedAt: now, lang: 'zh-CN', excerpt: text.slice(0, 60), leadImage: null,
      siteArticleId: 'CABLE1', tags: [], category: null, contentHash: '00000001', exportedAt: null },
    body: { html: text.split('\n\n').map((p) => `<p>${p}</p>`).join(''), text },
  }]);
}

for (const lang of Object.keys(EXPECT)) {
  const want = EXPECT[lang];
  describe(`everyday frictions (${lang})`, { timeout: 120_000 }, () => {
    let h;
    let server;
    let lib;
    const errors = [];
    const step = dependentSteps(test, assert);
    const url = (name) => `chrome-extension://${h.extensionId}/${name}`;
    const count = () => h.worker.evaluate(() => globalThis.jianbao.library.count());
    async function open(name, size = { width: 1100, height: 800 }) {
      const page = await h.context.newPage();
      page.on('pageerror', (err) => errors.push(err.message));
      await page.setViewportSize(size);
      await page.goto(url(name));
      return page;
    }
    async function clipboardText() {
      // An extension origin cannot be granted clipboard-read; read the (browser-wide) clipboard from a served page.
      const reader = await h.context.newPage();
      await reader.goto(server.url('/no-article.html'));
      await h.context.grantPermissions(['clipboard-read'], { origin: server.origin });
      await reader.bringToFront();
      const text = await reader.evaluate(() => navigator.clipboard.readText());
      await reader.close();
      return text;
    }
    const libToast = () => lib.getByTestId('lib-toast').innerText();

    before(async () => {
      server = await serveFolder();
      h = await launchWithExtension(TEST_BUILD_DIR, { lang });
    });
    after(async () => {
      await h?.close();
      await server?.close();
    });

    step('1 empty: popup and library say how to save the first article; no storage warning yet', async () => {
      const popup = await open('popup.html', { width: 400, height: 600 });
      await popup.getByTestId('empty-list').waitFor({ timeout: WAIT });
      assert.ok((await popup.getByTestId('empty-list').innerText()).includes(want.popupEmpty));
      await screenshot(popup, `frictions-popup-empty-${lang}`);
      await popup.close();
      lib = await open('library.html');
      await lib.getByTestId('lib-empty').waitFor({ timeout: WAIT });
      assert.ok((await lib.getByTestId('lib-empty').innerText()).includes(want.libEmpty));
      await lib.waitForTimeout(300); // persist() has answered by now
      assert.equal((await lib.locator('.lib-foot > span').first().innerText()).trim(), '');
      await screenshot(lib, `frictions-library-empty-${lang}`);
    });

    step('2 the popup: ✕ then Undo brings the row back; "copy" puts the post on the clipboard', async () => {
      await h.worker.evaluate(seedInWorker, { start: 0, count: 30, paragraphs: 3 });
      await h.worker.evaluate(importBodyHit);
      assert.equal(await count(), 31);
      const popup = await open('popup.html', { width: 400, height: 600 });
      const rows = popup.getByTestId('article-row');
      await rows.first().waitFor({ timeout: WAIT });
      const before = await rows.count();
      const firstId = await rows.first().getAttribute('data-id');
      await rows.first().getByTestId('delete').click();
      await popup.waitForFunction((id) => !document.querySelector(`[data-testid="article-row"][data-id="${id}"]`), firstId);
      assert.ok((await popup.getByTestId('notice').innerText()).includes(want.deleted));
      assert.equal(await count(), 30);
      await popup.getByTestId('undo').click();
      await popup.locator(`[data-testid="article-row"][data-id="${firstId}"]`).waitFor({ timeout: WAIT });
      assert.equal(await rows.count(), before);
      assert.ok((await popup.getByTestId('notice').innerText()).includes(want.restored));
      assert.equal(await count(), 31);
      await popup.bringToFront();
      await rows.first().getByTestId('copy-post').click();
      await popup.waitForFunction((w) => document.querySelector('[data-testid="notice"]')?.textContent.includes(w), want.copied);
      const text = await clipboardText();
      assert.match(text, /^---\nlayout: post\ntitle: "城市观光线路开通试运营"/);
      await screenshot(popup, `frictions-popup-${lang}`);
      await popup.close();
    });

    step('3 the library: / searches, the body hit shows its passage with the hit marked', async () => {
      await lib.reload();
      await lib.getByTestId('lib-row').first().waitFor({ timeout: WAIT });
      assert.ok(((await lib.locator('.lib-foot > span').first().innerText()).trim()).length > 0, 'the storage line once something is saved');
      await screenshot(lib, `frictions-library-${lang}`);
      await lib.locator('body').click({ position: { x: 900, y: 780 } });
      await lib.evaluate(() => document.activeElement?.blur());
      await lib.keyboard.press('/');
      assert.equal(await lib.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'lib-search');
      await lib.keyboard.type(UNIQUE.slice(0, 2));
      // Typed a character at a time: the one-character query may answer first.
      await lib.waitForFunction(() => document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count') === '1');
      await lib.getByTestId('lib-snippet').first().waitFor({ timeout: WAIT });
      assert.deepEqual(await lib.locator('[data-testid="lib-snippet"] mark').allInnerTexts(), ['缆车']);
      assert.ok((await lib.getByTestId('lib-snippet').innerText()).includes('城市观光缆车索道今日开通'));
      await screenshot(lib, `frictions-library-search-${lang}`);
      // Esc leaves the search box; the next Esc has nothing open to close.
      await lib.keyboard.press('Escape');
      assert.notEqual(await lib.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'lib-search');
      assert.equal(await lib.getByTestId('lib-search').inputValue(), '缆车');
      await lib.getByTestId('lib-search').fill('');
      await lib.evaluate(() => document.activeElement?.blur());
      await lib.waitForFunction(() => document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count') === '31', null, { timeout: 5000 })
        .catch(async (e) => { console.log('DEBUG', await lib.getByTestId('lib-list').getAttribute('data-count'), await lib.getByTestId('lib-search').inputValue(), await count()); await screenshot(lib, 'debug'); throw e; });
    });

    step('4 j/k move, o opens, Esc closes the reader, e edits, x selects, ? lists them all', async () => {
      const cursorId = () => lib.locator('.lib-row.cursor').getAttribute('data-id');
      const ids = await lib.getByTestId('lib-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      await lib.keyboard.press('j');
      assert.equal(await cursorId(), ids[0]);
      await lib.keyboard.press('j');
      assert.equal(await cursorId(), ids[1]);
      await lib.keyboard.press('k');
      assert.equal(await cursorId(), ids[0]);
      await lib.keyboard.press('o');
      await lib.locator(`[data-testid="lib-reader"][data-id="${ids[0]}"]`).waitFor({ timeout: WAIT });
      await lib.keyboard.press('Escape');
      await lib.getByTestId('lib-reader').waitFor({ state: 'detached', timeout: WAIT });
      await lib.keyboard.press('e');
      await lib.getByTestId('lib-edit-form').waitFor({ timeout: WAIT });
      await lib.keyboard.press('Escape');
      await lib.getByTestId('lib-reader').waitFor({ state: 'detached', timeout: WAIT });
      await lib.keyboard.press('x');
      await lib.locator(`.lib-row.selected[data-id="${ids[0]}"]`).waitFor({ timeout: WAIT });
      await lib.keyboard.press('x');
      await lib.locator('.lib-row.selected').waitFor({ state: 'detached', timeout: WAIT });
      await lib.keyboard.press('?');
      await lib.getByTestId('lib-help').waitFor({ timeout: WAIT });
      const keys = await lib.locator('[data-testid="lib-help"] kbd').allInnerTexts();
      for (const k of ['/', 'j / k', 'o', 'e', 'x', 'Delete', 'Esc', '?']) assert.ok(keys.includes(k), `${k} in ${keys}`);
      await screenshot(lib, `frictions-library-help-${lang}`);
      await lib.keyboard.press('Escape');
      await lib.getByTestId('lib-help').waitFor({ state: 'detached', timeout: WAIT });
    });

    step('5 the reader\'s "copy post"; Delete on one article deletes it at once, with Undo', async () => {
      const first = await lib.getByTestId('lib-row').first().getAttribute('data-id');
      await lib.keyboard.press('o');
      await lib.getByTestId('lib-copy-post').click();
      await lib.waitForFunction((w) => document.querySelector('[data-testid="lib-toast"]')?.textContent.includes(w), want.copied);
      assert.match(await clipboardText(), /^---\nlayout: post\n/);
      await lib.bringToFront();
      await lib.evaluate(() => document.activeElement?.blur());
      await lib.keyboard.press('Delete');
      await lib.waitForFunction((id) => !document.querySelector(`[data-testid="lib-row"][data-id="${id}"]`), first);
      assert.equal(await lib.getByTestId('lib-confirm').count(), 0, 'one article: no question');
      assert.equal(await count(), 30);
      await lib.getByTestId('lib-undo').click();
      await lib.locator(`[data-testid="lib-row"][data-id="${first}"]`).waitFor({ timeout: WAIT });
      assert.equal(await count(), 31);
    });

    step('6 deleting more than a screenful asks once: Cancel keeps them, Delete deletes them (with Undo)', async () => {
      await lib.getByTestId('lib-select-all').click();
      await lib.getByTestId('lib-bulk-delete').click();
      await lib.getByTestId('lib-confirm').waitFor({ timeout: WAIT });
      assert.ok((await lib.getByTestId('lib-confirm').innerText()).includes(want.confirm));
      // The safe choice has the focus.
      assert.equal(await lib.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'lib-confirm-no');
      await screenshot(lib, `frictions-library-confirm-${lang}`);
      await lib.getByTestId('lib-confirm-no').click();
      await lib.getByTestId('lib-confirm').waitFor({ state: 'detached', timeout: WAIT });
      assert.equal(await count(), 31);
      await lib.getByTestId('lib-bulk-delete').click();
      await lib.getByTestId('lib-confirm-yes').click();
      await lib.getByTestId('lib-empty').waitFor({ timeout: WAIT });
      assert.equal(await count(), 0);
      assert.equal(await lib.getByTestId('lib-toast').getAttribute('data-undo'), 'yes');
      await lib.getByTestId('lib-undo').click();
      await lib.waitForFunction(() => document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count') === '31');
      assert.ok((await libToast()).length > 0);
      assert.equal(await count(), 31);
    });

    step('7 the date range reads in the user\'s format', async () => {
      const from = lib.getByTestId('lib-filter-from');
      // Not Chromium's date input, which follows the system's locale (mm/dd/yyyy in the zh UI): the UI's own format.
      assert.equal(await from.getAttribute('type'), 'text');
      assert.equal(await from.getAttribute('placeholder'), want.datePlaceholder);
      await from.fill(want.typed);
      await from.press('Enter');
      await lib.waitForFunction(() => Number(document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count')) < 31);
      assert.equal(await from.inputValue(), want.shown);
      await screenshot(lib, `frictions-library-dates-${lang}`);
      await from.fill('');
      await from.press('Enter');
      await lib.waitForFunction(() => document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count') === '31');
    });

    step('8 options: Save keeps its shape beside a long error', async () => {
      // Narrow, so that the error beside the button takes more than its line.
      const options = await open('options.html', { width: 560, height: 800 });
      await options.getByTestId('opt-template').waitFor({ timeout: WAIT });
      const button = options.getByTestId('opt-save');
      const normal = await button.boundingBox();
      await options.getByTestId('opt-template').fill(`---\ntitle: {{ title | raw }}\nbroken: [${'很长的错误说明 '.repeat(40)}\n---\n{{ body }}\n`);
      await options.getByTestId('opt-problems').waitFor({ timeout: WAIT });
      const squeezed = await button.boundingBox();
      const problem = await options.getByTestId('opt-problems').boundingBox();
      assert.ok(problem.height > 30, `the error wraps (${problem.height} px high)`);
      assert.ok(Math.abs(squeezed.height - normal.height) < 1, `height ${normal.height} → ${squeezed.height}`);
      assert.ok(Math.abs(squeezed.width - normal.width) < 1, `width ${normal.width} → ${squeezed.width}`);
      await screenshot(options, `frictions-options-error-${lang}`);
      await options.close();
    });

    step('9 after a zip export, "show in folder" shows that download', async () => {
      const page = await open('export.html?scope=all');
      await page.getByTestId('export-done').waitFor({ timeout: 30_000 });
      const button = page.getByTestId('show-in-folder');
      await button.waitFor({ timeout: WAIT });
      const id = Number(await button.getAttribute('data-download-id'));
      const item = await h.worker.evaluate((i) => chrome.downloads.search({ id: i }).then((d) => d[0]?.filename ?? null), id);
      assert.match(item, /\.zip$/);
      // A headless browser has no file manager to open: record the call instead.
      await page.evaluate(() => { chrome.downloads.show = (i) => { globalThis.shown = i; }; });
      await button.click();
      assert.equal(await page.evaluate(() => globalThis.shown), id);
      await page.close();
    });

    test('no uncaught errors', () => assert.deepEqual(errors, []));
  });
}
