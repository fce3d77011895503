// Deleting on a full disk, in Chromium against the test build: a small quota for the extension's origin
// (DevTools protocol, Storage.overrideQuotaForOrigin), the library filled through the background until a save
// is refused with the quota code, then one article deleted from the reader and several from the bulk bar of the
// library page, and two more through the background's `delete-articles` handler, each time with the disk full
// again: all gone (rows, bodies, terms, postings, search), and the page says the deletion cannot be undone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_BUILD_DIR, launchWithExtension, screenshot, dependentSteps } from './harness.mjs';

const WAIT = 15_000;
// Room for the reserve (6 MiB), the service worker's own files and a few dozen articles.
const QUOTA = 16 * 1024 * 1024;
const NO_UNDO_EN = (n) => `Deleted ${n} article(s). Storage is full, so this cannot be undone.`;
const NO_UNDO_ZH = (n) => `已删除 ${n} 篇文章。存储空间已满，因此无法撤销。`;

/** Runs in the service worker: defines `fillToQuota(from)`, saving articles of random Chinese text until one is refused. */
function defineFill() {
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
  const para = () => {
    let s = '';
    for (let i = 0; i < 90; i++) s += String.fromCharCode(0x4e00 + Math.floor(rnd() * 3000));
    return s + '。';
  };
  const article = (n) => {
    const paras = Array.from({ length: 24 }, para);
    const text = paras.join('\n\n');
    return {
      url: `https://news.example/quota/${n}.html`, pageUrl: `https://news.example/quota/${n}.html`, title: `存储测试第${n}篇 ${paras[0].slice(0, 8)}`,
      source: '南昌日报', siteName: null, author: null, publishedAt: null, lang: 'zh-CN', excerpt: null, leadImage: null,
      siteArticleId: null, html: text.split('\n\n').map((p) => `<p>${p}</p>`).join('\n'), text,
    };
  };
  globalThis.fillToQuota = async (from) => {
    for (let n = from; n < from + 2000; n++) {
      try {
        await globalThis.jianbao.library.save(article(n), new Date());
      } catch (err) {
        return { next: n, code: err.code ?? err.name, message: err.message };
      }
    }
    return { next: from + 2000, code: null };
  };
  // The index names only articles that are there, each with its body and terms row.
  globalThis.indexHoles = async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('jianbao');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = (store, keys) => new Promise((resolve, reject) => {
      const os = db.transaction(store).objectStore(store);
      const r = keys ? os.getAllKeys() : os.getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const ids = new Set(await all('articles', true));
    const bodies = new Set(await all('bodies', true));
    const terms = new Set(await all('terms', true));
    const holes = [];
    for (const id of ids) if (!bodies.has(id) || !terms.has(id)) holes.push(`article ${id} without body or terms`);
    for (const id of bodies) if (!ids.has(id)) holes.push(`body of deleted ${id}`);
    for (const id of terms) if (!ids.has(id)) holes.push(`terms of deleted ${id}`);
    for (const row of await all('postings')) for (const id of row.ids) if (!ids.has(id)) holes.push(`posting ${row.term} names deleted ${id}`);
    db.close();
    return holes.slice(0, 10);
  };
}

/** The titles of `ids`, read before they are deleted, to search for afterwards. */
const titlesOf = (h, ids) => h.worker.evaluate(async (ids) => (await globalThis.jianbao.library.getMany(ids)).map((a) => a.title), ids);

/** Each id: no row, no body, not found by its title, and the index whole. */
async function assertGone(h, ids, titles) {
  assert.equal(titles.length, ids.length);
  const state = await h.worker.evaluate(async ({ ids, titles }) => {
    const lib = globalThis.jianbao.library;
    const found = [];
    for (const title of titles) {
      found.push(...(await lib.search(title, 50)).map((a) => a.id).filter((id) => ids.includes(id)));
      found.push(...(await lib.query({ text: title })).filter((id) => ids.includes(id)));
    }
    return { rows: (await lib.getMany(ids)).length, bodies: (await lib.getBodies(ids)).filter(Boolean).length, found, holes: await globalThis.indexHoles() };
  }, { ids, titles });
  assert.deepEqual(state, { rows: 0, bodies: 0, found: [], holes: [] });
}

for (const { lang, noUndo } of [{ lang: undefined, noUndo: NO_UNDO_EN }, { lang: 'zh-CN', noUndo: NO_UNDO_ZH }]) {
  describe(`delete on a full disk (${lang ?? 'en'})`, { timeout: 240_000 }, () => {
    let h;
    let page;
    let next = 0;
    const pageErrors = [];

    before(async () => {
      h = await launchWithExtension(TEST_BUILD_DIR, lang ? { lang } : {});
      await h.worker.evaluate(defineFill);
      page = await h.context.newPage();
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await page.setViewportSize({ width: 1200, height: 800 });
      await page.goto(`chrome-extension://${h.extensionId}/library.html`);
      const cdp = await h.context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: `chrome-extension://${h.extensionId}`, quotaSize: QUOTA });
      await cdp.detach();
    });

    after(async () => {
      await h?.close();
    });

    const step = dependentSteps(test, assert);
    const listCount = () => page.locator('[data-testid="lib-list"]').getAttribute('data-count').then(Number);
    const fillToQuota = async () => {
      const r = await h.worker.evaluate((from) => globalThis.fillToQuota(from), next);
      assert.equal(r.code, 'quota', `a save is refused with the quota code (got ${JSON.stringify(r)})`);
      next = r.next + 1;
      return r;
    };
    const showAll = async () => {
      const n = await h.worker.evaluate(() => globalThis.jianbao.library.count());
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count')) === n, n, { timeout: WAIT });
      return n;
    };
    const toast = () => page.locator('[data-testid="lib-toast"]');

    step('(1) the background keeps a reserve, and the library fills until a save is refused for quota', async () => {
      assert.equal(await h.worker.evaluate(() => globalThis.jianbao.library.keepReserve()), true);
      const r = await fillToQuota();
      assert.ok(r.next >= 5, `a few articles fit first, got ${r.next}`);
      assert.match(r.message, /storage is full.*delete articles/i);
      await page.reload();
      assert.equal(await showAll(), r.next);
    });

    step('(2) one article deleted from the reader: gone, and the message says it cannot be undone', async () => {
      const id = await page.locator('[data-testid="lib-row"]').nth(2).getAttribute('data-id').then(Number);
      await page.locator(`[data-testid="lib-row"][data-id="${id}"] [data-testid="lib-open"]`).click();
      await page.locator('[data-testid="lib-reader"]').waitFor({ timeout: WAIT });
      const titles = await titlesOf(h, [id]);
      const before = await listCount();
      await page.locator('[data-testid="lib-delete-one"]').click();
      await toast().waitFor({ timeout: WAIT });
      assert.equal((await toast().locator('span').innerText()).trim(), noUndo(1));
      assert.equal(await toast().getAttribute('data-undo'), 'no');
      assert.equal(await page.locator('[data-testid="lib-undo"]').count(), 0, 'no Undo button');
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count')) === n, before - 1, { timeout: WAIT });
      await screenshot(page, `quota-delete-one${lang ? '-' + lang : ''}`);
      await assertGone(h, [id], titles);
    });

    step('(3) full again: several deleted from the bulk bar, gone, same message', async () => {
      await fillToQuota();
      await showAll();
      const rows = page.locator('[data-testid="lib-row"]');
      const ids = [];
      for (const i of [0, 1, 4]) {
        ids.push(await rows.nth(i).getAttribute('data-id').then(Number));
        await rows.nth(i).locator('[data-testid="lib-check"]').click();
      }
      const titles = await titlesOf(h, ids);
      const before = await listCount();
      await page.locator('[data-testid="lib-bulk-delete"]').click();
      await page.locator('[data-testid="lib-toast"]', { hasText: noUndo(3) }).waitFor({ timeout: WAIT });
      assert.equal(await page.locator('[data-testid="lib-undo"]').count(), 0, 'no Undo button');
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count')) === n, before - 3, { timeout: WAIT });
      await screenshot(page, `quota-delete-bulk${lang ? '-' + lang : ''}`);
      await assertGone(h, ids, titles);
    });

    step('(4) full again: the background handler deletes two and answers that it cannot be undone', async () => {
      await fillToQuota();
      const ids = await h.worker.evaluate(async () => (await globalThis.jianbao.library.list({ limit: 2 })).map((a) => a.id));
      const titles = await titlesOf(h, ids);
      const answer = await h.worker.evaluate((ids) => globalThis.jianbao.handlers['delete-articles']({ ids }), ids);
      assert.deepEqual(answer, { ok: true, deleted: 2, undoToken: null, notUndoable: 'quota' });
      await assertGone(h, ids, titles);
    });

    step('(5) after the deletions a save fits again; no page errors', async () => {
      const saved = await h.worker.evaluate((n) => globalThis.fillToQuota(n), next);
      assert.ok(saved.next > next, `at least one save fits after deleting (${JSON.stringify(saved)})`);
      assert.deepEqual(pageErrors, []);
    });
  });
}
