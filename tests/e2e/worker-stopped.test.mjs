// The service worker stopped mid-save (Chrome stops idle workers; a crash does the same): the popup shows our sentence,
// in the user's language, with a retry that saves — never the browser's "message channel closed" text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, openPopup, openSite, screenshot, serveFolder, SEED_PATH } from './harness.mjs';

describe('save interrupted by a stopped service worker', { timeout: 90_000 }, () => {
  let h;
  let server;
  before(async () => {
    server = await serveFolder();
    h = await launchWithExtension(undefined, { lang: 'zh-CN' });
  });
  after(async () => {
    await h?.close();
    await server?.close();
  });

  test('shows the interrupted message and a retry that saves the page', async () => {
    const site = await openSite(h, server, SEED_PATH);
    // The save hangs in the background (as a slow page would), then the worker is stopped under it.
    await h.worker.evaluate(() => {
      globalThis.jianbao.handlers['save-tab'] = () => new Promise(() => {});
    });
    const errors = [];
    const popup = await openPopup(h, site.tabId, errors);
    await popup.locator('[data-testid="save-card"][data-status="saving"]').waitFor({ timeout: 10_000 });
    const cdp = await h.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const card = popup.locator('[data-testid="save-card"][data-code="interrupted"]');
    await card.waitFor({ timeout: 15_000 });
    const text = await card.innerText();
    assert.match(text, /保存在完成前被中断/);
    assert.doesNotMatch(text, /listener|channel|port/i);
    await screenshot(popup, 'popup-interrupted-zh');
    // The retry wakes a fresh worker (with its own handlers) and saves.
    await popup.locator('[data-testid="retry-save"]').click();
    await popup.locator('[data-testid="save-card"][data-status="created"]').waitFor({ timeout: 20_000 });
    assert.deepEqual(errors, []);
  });
});
