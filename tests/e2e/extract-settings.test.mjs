// The time-zone setting reaches the extract script, in Chromium against the test build
// (`npm run build:test` first): a page whose publication time has no offset ("2023年5月6日 14:20",
// tests/golden/pages/title-quotes.html) is saved with the zone set in sync storage (the options
// page's `exportSettings` item) — through the popup, the shortcut, the context menu, the whole-page
// save and the preview — and with nothing set, with the default +08:00.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_BUILD_DIR, launchWithExtension, openPopup, openSite, serveFolder } from './harness.mjs';

const PAGE = '/title-quotes.html';
const WALL_CLOCK = '2023-05-06T14:20:00';
const CARD = '[data-testid="save-card"]';
const WAIT = 10_000;

describe('extraction settings: the time zone for times written without an offset', { timeout: 60_000 }, () => {
  let h;
  let server;
  const pageErrors = [];

  before(async () => {
    server = await serveFolder();
    h = await launchWithExtension(TEST_BUILD_DIR, { lang: 'en' });
  });

  after(async () => {
    await h?.close();
    await server?.close();
  });

  /** Sets the time zone as the options page stores it (over what is stored); null removes the item. */
  function setTimeZone(timeZone) {
    return h.worker.evaluate(async (tz) => {
      if (tz === null) return chrome.storage.sync.remove('exportSettings');
      const { exportSettings } = await chrome.storage.sync.get('exportSettings');
      await chrome.storage.sync.set({ exportSettings: { ...exportSettings, timeZone: tz } });
    }, timeZone);
  }
  /** The stored row of an article. */
  function stored(id) {
    return h.worker.evaluate((articleId) => globalThis.jianbao.library.get(articleId), id);
  }
  /** Whether the settings global is still in the tab's isolated world (it should be taken by the script). */
  function leftOver(tabId) {
    return h.worker.evaluate(async (id) => {
      const [frame] = await chrome.scripting.executeScript({ target: { tabId: id }, func: () => '__jianbaoExtractSettings' in globalThis });
      return frame.result;
    }, tabId);
  }
  function handler(name, tabId) {
    return h.worker.evaluate(({ name, id }) => globalThis.jianbao.handlers[name]({ tabId: id }), { name, id: tabId });
  }

  test('+09:00 set: the popup save stores the page\'s wall-clock time at +09:00', async () => {
    await setTimeZone('+09:00');
    const site = await openSite(h, server, PAGE);
    const popup = await openPopup(h, site.tabId, pageErrors);
    const status = await popup
      .waitForFunction((sel) => {
        const s = document.querySelector(sel)?.getAttribute('data-status');
        return s && s !== 'saving' ? s : null;
      }, CARD, { timeout: WAIT, polling: 50 })
      .then((handle) => handle.jsonValue());
    assert.equal(status, 'created', await popup.locator(CARD).innerText());
    const rows = await h.worker.evaluate(() => globalThis.jianbao.library.list());
    assert.equal(rows.length, 1);
    assert.equal(rows[0].publishedAt, `${WALL_CLOCK}+09:00`);
    assert.equal(await leftOver(site.tabId), false, 'the extract script took the settings');
    await popup.close();
    await site.page.close();
  });

  test('+09:00 set: preview, shortcut, context menu (page and selection) and whole page read the time at +09:00', async () => {
    await setTimeZone('+09:00');
    const site = await openSite(h, server, PAGE);
    const preview = await handler('preview-tab', site.tabId);
    assert.equal(preview.ok, true, JSON.stringify(preview));
    assert.equal(preview.article.publishedAt, `${WALL_CLOCK}+09:00`);

    const shortcut = await h.worker.evaluate(async (id) => globalThis.jianbao.onCommand('save-page', await chrome.tabs.get(id)), site.tabId);
    assert.equal(shortcut.status, 'updated', JSON.stringify(shortcut));
    assert.equal((await stored(shortcut.article.id)).publishedAt, `${WALL_CLOCK}+09:00`);

    const menu = (item) => h.worker.evaluate(async ({ id, item }) => globalThis.jianbao.onMenuClick({ menuItemId: item }, await chrome.tabs.get(id)), { id: site.tabId, item });
    const menuPage = await menu('jianbao-save-page');
    assert.equal(menuPage.ok, true, JSON.stringify(menuPage));
    assert.equal(menuPage.article.publishedAt, `${WALL_CLOCK}+09:00`);

    await site.page.evaluate(() => {
      const range = document.createRange();
      range.selectNode(document.querySelectorAll('#article-content p')[1]);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    const selection = await menu('jianbao-save-selection');
    assert.equal(selection.ok, true, JSON.stringify(selection));
    assert.match(selection.article.url, /#:~:text=/);
    assert.equal((await stored(selection.article.id)).publishedAt, `${WALL_CLOCK}+09:00`);

    const whole = await handler('save-whole-page', site.tabId);
    assert.equal(whole.ok, true, JSON.stringify(whole));
    assert.equal(whole.article.publishedAt, `${WALL_CLOCK}+09:00`);
    assert.equal(await leftOver(site.tabId), false);
    await site.page.close();
  });

  test('nothing set: the default +08:00, and the stored row follows', async () => {
    await setTimeZone(null);
    const site = await openSite(h, server, PAGE);
    const outcome = await handler('save-tab', site.tabId);
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.equal(outcome.status, 'updated');
    assert.equal((await stored(outcome.article.id)).publishedAt, `${WALL_CLOCK}+08:00`);
    const preview = await handler('preview-tab', site.tabId);
    assert.equal(preview.article.publishedAt, `${WALL_CLOCK}+08:00`);
    await site.page.close();
  });

  test('a changed setting applies to the next save at once (no reload of the extension)', async () => {
    await setTimeZone('-03:30');
    const site = await openSite(h, server, PAGE);
    const outcome = await handler('save-tab', site.tabId);
    assert.equal((await stored(outcome.article.id)).publishedAt, `${WALL_CLOCK}-03:30`);
    await setTimeZone('+08:00');
    const again = await handler('save-tab', site.tabId);
    assert.equal((await stored(again.article.id)).publishedAt, `${WALL_CLOCK}+08:00`);
    await site.page.close();
  });

  test('no uncaught errors in the popup', () => {
    assert.deepEqual(pageErrors, []);
  });
});
