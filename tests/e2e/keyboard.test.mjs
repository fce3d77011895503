// The popup by keyboard alone, in Chromium against the test build: with "clicking the toolbar saves"
// off, the popup previews the page with Save focused (Enter saves); Tab reaches every control, each
// with a visible focus ring; Space toggles the setting; a page with no article is saved whole by keyboard.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_BUILD_DIR, launchWithExtension, screenshot, serveFolder, openSite, openPopup, SEED_PATH, SEED_TITLE } from './harness.mjs';

const CARD = '[data-testid="save-card"]';

describe('popup by keyboard alone', { timeout: 60_000 }, () => {
  let h;
  let server;
  const errors = [];

  before(async () => {
    server = await serveFolder();
    h = await launchWithExtension(TEST_BUILD_DIR, { lang: 'en' });
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  const setClickSaves = (value) => h.worker.evaluate((v) => chrome.storage.sync.set({ clickSaves: v }), value);
  const getClickSaves = () => h.worker.evaluate(() => chrome.storage.sync.get('clickSaves').then((r) => r.clickSaves));

  async function popupFor(p, until) {
    const { page: site, tabId } = await openSite(h, server, p);
    const page = await openPopup(h, tabId, errors);
    await waitStatus(page, until);
    return { page, site };
  }

  function waitStatus(page, status) {
    return page.waitForFunction(({ sel, status }) => document.querySelector(sel)?.getAttribute('data-status') === status, { sel: CARD, status }, { timeout: 10_000 });
  }

  /** What has the focus: its test id (or tag), and whether a focus ring is drawn. */
  function focused(page) {
    return page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { id: el.getAttribute('data-testid') ?? el.tagName.toLowerCase(), ring, label: el.getAttribute('aria-label') || el.textContent.trim() || el.closest('label')?.textContent.trim() || el.getAttribute('placeholder') || '' };
    });
  }

  /** Presses Tab until `testId` has the focus; returns every stop on the way. */
  async function tabTo(page, testId, max = 30) {
    const stops = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f) stops.push(f);
      if (f?.id === testId) return stops;
    }
    assert.fail(`Tab never reached ${testId}; stops: ${JSON.stringify(stops.map((s) => s.id))}`);
  }

  test('preview: Save has the focus, Enter saves', async () => {
    await setClickSaves(false);
    const { page, site } = await popupFor(SEED_PATH, 'preview');
    const card = await page.locator(CARD).textContent();
    assert.ok(card.includes(SEED_TITLE), card);
    assert.ok(card.includes('Ready to save'), card);
    assert.equal(await h.worker.evaluate(() => globalThis.jianbao.library.count()), 0, 'a preview stores nothing');
    assert.equal((await focused(page))?.id, 'save-button');
    await screenshot(page, 'popup-preview');
    await page.keyboard.press('Enter');
    await waitStatus(page, 'created');
    await page.locator('[data-testid="article-row"]').first().waitFor();
    assert.equal(await h.worker.evaluate(() => globalThis.jianbao.library.count()), 1);
    await page.close();
    await site.close();
  });

  test('Tab reaches every control with a visible focus ring and a name; Space toggles the setting', async () => {
    const { page, site } = await popupFor(SEED_PATH, 'preview');
    // From the focused Save button once round the page and back to it.
    assert.equal((await focused(page))?.id, 'save-button');
    const stops = await tabTo(page, 'save-button');
    const ids = stops.map((s) => s.id);
    for (const id of ['row-title', 'export-md', 'delete', 'click-saves']) assert.ok(ids.includes(id), `Tab stops ${JSON.stringify(ids)} miss ${id}`);
    for (const s of stops) {
      assert.ok(s.ring, `no visible focus on ${s.id}`);
      assert.ok(s.label, `no accessible name on ${s.id}`);
    }
    await tabTo(page, 'click-saves');
    await screenshot(page, 'popup-keyboard-focus');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid="click-saves"]').checked);
    assert.equal(await getClickSaves(), true);
    await page.close();
    await site.close();
  });

  test('no article: Tab to "Save the whole page anyway", Enter saves the page\'s text', async () => {
    await setClickSaves(false);
    const { page, site } = await popupFor('/no-article.html', 'failed');
    await tabTo(page, 'save-whole-page');
    await page.keyboard.press('Enter');
    await waitStatus(page, 'created');
    assert.ok((await page.locator(`${CARD} .title`).textContent()).includes('Sign in'));
    const rows = await h.worker.evaluate(() => globalThis.jianbao.library.list().then((l) => l.map((a) => a.title)));
    assert.deepEqual(rows.sort(), ['Sign in', SEED_TITLE].sort());
    // The system's dark mode: the popup follows prefers-color-scheme.
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(31, 34, 38)');
    await screenshot(page, 'popup-dark');
    await page.close();
    await site.close();
  });

  test('no uncaught errors', () => assert.deepEqual(errors, []));
});
