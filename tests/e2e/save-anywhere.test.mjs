// Saving without the popup, in Chromium against the test build: the shortcut's and the context
// menu's handlers (called from the service worker, as the browser would) save a fixture page, the
// toolbar badge says ✓ / ↻ / ! with the reason in its tooltip, and clears after a few seconds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_BUILD_DIR, launchWithExtension, serveFolder, openSite, SEED_PATH, SEED_TITLE } from './harness.mjs';


describe('save from anywhere: shortcut and context menu', { timeout: 60_000 }, () => {
  let h;
  let server;

  before(async () => {
    server = await serveFolder();
    h = await launchWithExtension(TEST_BUILD_DIR, { lang: 'en' });
  });

  after(async () => {
    await h?.close();
    await server?.close();
  });


  /** Runs the background's shortcut or menu handler on a tab, as the browser's event would. */
  function press(tabId) {
    return h.worker.evaluate(async (id) => globalThis.jianbao.onCommand('save-page', await chrome.tabs.get(id)), tabId);
  }
  function menu(tabId, menuItemId) {
    return h.worker.evaluate(async ({ id, item }) => globalThis.jianbao.onMenuClick({ menuItemId: item }, await chrome.tabs.get(id)), { id: tabId, item: menuItemId });
  }
  function badge(tabId) {
    return h.worker.evaluate(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);
  }
  function rows() {
    return h.worker.evaluate(() => globalThis.jianbao.library.list().then((l) => l.map((a) => ({ url: a.url, title: a.title, source: a.source }))));
  }

  test('the manifest declares the shortcut Alt+Shift+S and the browser assigned it', async () => {
    const commands = await h.worker.evaluate(() => chrome.commands.getAll());
    const save = commands.find((c) => c.name === 'save-page');
    assert.equal(save?.shortcut, 'Alt+Shift+S');
    assert.equal(save?.description, 'Save the current page');
    await h.worker.evaluate(() => globalThis.jianbao.menusReady);
  });

  test('shortcut on the seed page: saved, badge ✓ with the title; again: ↻, one row', async () => {
    const site = await openSite(h, server, SEED_PATH);
    const first = await press(site.tabId);
    assert.equal(first.ok, true, JSON.stringify(first));
    assert.equal(first.status, 'created');
    assert.deepEqual(await badge(site.tabId), { text: '✓', title: `Saved: ${SEED_TITLE}` });
    const second = await press(site.tabId);
    assert.equal(second.status, 'updated');
    assert.equal((await badge(site.tabId)).text, '↻');
    const saved = await rows();
    assert.equal(saved.length, 1);
    assert.equal(saved[0].title, SEED_TITLE);
    assert.equal(saved[0].source, '南昌日报');
    await site.page.close();
  });

  test('context menu "Save this page" on a page with no article: ! and the reason in the tooltip', async () => {
    const site = await openSite(h, server, '/no-article.html');
    const outcome = await menu(site.tabId, 'jianbao-save-page');
    assert.equal(outcome.ok, false);
    assert.equal(outcome.code, 'no-article');
    assert.deepEqual(await badge(site.tabId), { text: '!', title: 'Not saved: No article found on this page.' });
    assert.equal((await rows()).length, 1);
    await site.page.close();
  });

  test('context menu "Save selection as article": the selected paragraphs become an article of their own', async () => {
    const site = await openSite(h, server, SEED_PATH);
    const selected = await site.page.evaluate(() => {
      const ps = [...document.querySelectorAll('#ContentBody p')];
      const range = document.createRange();
      range.setStartBefore(ps[1]);
      range.setEndAfter(ps[1]);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return getSelection().toString().trim();
    });
    const outcome = await menu(site.tabId, 'jianbao-save-selection');
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.equal(outcome.status, 'created');
    assert.match(outcome.article.url, /#:~:text=/);
    assert.equal(outcome.article.title, SEED_TITLE);
    assert.equal(outcome.article.source, '南昌日报');
    const body = await h.worker.evaluate((id) => globalThis.jianbao.library.getBody(id), outcome.article.id);
    assert.equal(body.text, selected.replace(/^[\s\u3000]+/, ''));
    assert.equal((await rows()).length, 2);
    assert.equal((await badge(site.tabId)).text, '✓');
    await site.page.close();
  });

  test('"Save selection" with nothing selected says so', async () => {
    const site = await openSite(h, server, SEED_PATH);
    const outcome = await menu(site.tabId, 'jianbao-save-selection');
    assert.equal(outcome.code, 'no-selection');
    assert.equal((await badge(site.tabId)).title, 'Not saved: Select some text on the page first.');
    await site.page.close();
  });

  test('the badge clears itself after a few seconds', async () => {
    const site = await openSite(h, server, SEED_PATH);
    await press(site.tabId);
    assert.equal((await badge(site.tabId)).text, '↻');
    const deadline = Date.now() + 8_000;
    let now = await badge(site.tabId);
    while (now.text !== '' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      now = await badge(site.tabId);
    }
    assert.deepEqual(now, { text: '', title: 'Save this article to Jianbao' });
    await site.page.close();
  });
});
