// Deleting on a full disk, in Chromium against the test build: a small quota for the extension's origin
// (DevTools protocol, Storage.overrideQuotaForOrigin), the library filled through the background until a save
// is refused with the quota code, then one article deleted from the reader and several from the bulk bar of the
// library page, and two more through the background's `delete-articles` handler, each time with the disk full
// again: all gone (rows, bodies, terms, postings, search), and the page says the deletion cannot be undone.
// Saves in a tight loop, as here, take Chromium megabytes past the quota before one is refused (it counts usage
// lazily), which a deletion must then get back: the harder case, and the one a restore makes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_BUILD_DIR, launchWithExtension, screenshot, dependentSteps } from './harness.mjs';

const WAIT = 15_000;
// Room for the deletion reserve (8 × 1.5 MiB), the service worker's own files and a hundred or so articles.
// (Set once, before any write: Chromium keeps the room it found and does not see a later override.)
const QUOTA = 20 * 1024 * 1024;
const NO_UNDO_EN = (n) => `Deleted ${n} article(s). Storage is full, so this cannot be undone.`;
const NO_UNDO_ZH = (n) => `已删除 ${n} 篇文章。存储空间已满，因此无法撤销。`;
const FREED = { en: (n) => `Deleted the text of ${n} article(s); they stay in the library.`, zh: (n) => `已删除 ${n} 篇文章的正文；文章仍留在文章库中。` };

/** Runs in the service worker: defines `saveUntilRefused(from)` and two probes. */
function defineFill() {
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
  const chars = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(0x4e00 + Math.floor(rnd() * 3000));
    return s;
  };
  // Searchable text of a short article; the bulk of each save is in its HTML (a figure caption left out of the
  // text), random so that compression does not shrink it.
  const article = (n) => {
    const paras = Array.from({ length: 3 }, () => chars(60) + '。');
    const text = paras.join('\n\n');
    return {
      url: `https://news.example/quota/${n}.html`, pageUrl: `https://news.example/quota/${n}.html`, title: `存储测试第${n}篇 ${paras[0].slice(0, 8)}`,
      source: '南昌日报', siteName: null, author: null, publishedAt: null, lang: 'zh-CN', excerpt: null, leadImage: null,
      siteArticleId: null, html: paras.map((p) => `<p>${p}</p>`).join('\n') + `\n<figure><figcaption>${chars(30_000)}</figcaption></figure>`, text,
    };
  };
  const openDb = () => new Promise((resolve, reject) => {
    const r = indexedDB.open('jianbao');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  // A read-write transaction that commits makes Chromium count the origin's usage again.
  const recount = async () => {
    const db = await openDb();
    await new Promise((resolve) => {
      const t = db.transaction('kv', 'readwrite');
      t.oncomplete = resolve;
      t.onabort = resolve;
    });
    db.close();
  };
  // Saves until one is refused: the first refusal may come from a count made before the last saves were
  // counted, so the count is made again, until a save is refused right after one.
  globalThis.saveUntilRefused = async (from) => {
    let last;
    for (let n = from; n < from + 600; n++) {
      try {
        await globalThis.jianbao.library.save(article(n), new Date());
        last = undefined;
      } catch (err) {
        if (err.code !== 'quota' || last) return { next: n, code: err.code ?? err.name, message: err.message };
        last = { next: n, code: err.code, message: err.message };
        await recount();
      }
    }
    return { next: from + 600, code: null };
  };
  // Saves `k` articles from `from` on, with room to spare; their ids.
  globalThis.saveSome = async (from, k) => {
    const ids = [];
    for (let n = from; n < from + k; n++) ids.push((await globalThis.jianbao.library.save(article(n), new Date())).article.id);
    return ids;
  };
  // How many pieces of the deletion reserve are left (library.ts), for the test's diagnostics.
  globalThis.reserveLeft = async () => {
    const db = await openDb();
    const keys = await new Promise((resolve) => {
      const r = db.transaction('kv').objectStore('kv').getAllKeys(IDBKeyRange.bound('deleteReserve:', 'deleteReserve:\uffff'));
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return keys.length;
  };
  // The index names only articles that are there, each with its body and terms row.
  globalThis.indexHoles = async () => {
    const db = await openDb();
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

/**
 * Each id: no row, no body, not found by a search for its title; then, within the time the background gives the
 * database to compact before cleaning the index (library-handlers.ts), the index whole. Returns how long that took.
 */
async function assertGone(h, ids, titles) {
  assert.equal(titles.length, ids.length);
  const state = () => h.worker.evaluate(async ({ ids, titles }) => {
    const lib = globalThis.jianbao.library;
    const found = [];
    const queried = [];
    for (const title of titles) {
      found.push(...(await lib.search(title, 50)).map((a) => a.id).filter((id) => ids.includes(id)));
      queried.push(...(await lib.query({ text: title })).filter((id) => ids.includes(id)));
    }
    return { rows: (await lib.getMany(ids)).length, bodies: (await lib.getBodies(ids)).filter(Boolean).length, found, queried, holes: await globalThis.indexHoles() };
  }, { ids, titles });
  const first = await state();
  assert.deepEqual({ rows: first.rows, bodies: first.bodies, found: first.found }, { rows: 0, bodies: 0, found: [] });
  const start = Date.now();
  let now = first;
  while ((now.holes.length > 0 || now.queried.length > 0) && Date.now() - start < 45_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    now = await state();
  }
  assert.deepEqual(now, { rows: 0, bodies: 0, found: [], queried: [], holes: [] });
  return Date.now() - start;
}

for (const { lang, noUndo, freed } of [{ lang: undefined, noUndo: NO_UNDO_EN, freed: FREED.en }, { lang: 'zh-CN', noUndo: NO_UNDO_ZH, freed: FREED.zh }]) {
  describe(`delete on a full disk (${lang ?? 'en'})`, { timeout: 300_000 }, () => {
    let h;
    let page;
    let next = 0;
    let exported = [];
    const pageErrors = [];

    before(async () => {
      h = await launchWithExtension(TEST_BUILD_DIR, lang ? { lang } : {});
      await h.worker.evaluate(defineFill);
      page = await h.context.newPage();
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await page.setViewportSize({ width: 1200, height: 800 });
      await page.goto(`chrome-extension://${h.extensionId}/library.html`);
      // An override lasts as long as its session: this one stays open until the browser closes.
      const cdp = await h.context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: `chrome-extension://${h.extensionId}`, quotaSize: QUOTA });
    });

    after(async () => {
      await h?.close();
    });

    const step = dependentSteps(test, assert);
    const listCount = () => page.locator('[data-testid="lib-list"]').getAttribute('data-count').then(Number);
    // The disk full (again): saves until one is refused.
    const fillToQuota = async () => {
      const r = await h.worker.evaluate((from) => globalThis.saveUntilRefused(from), next);
      assert.equal(r.code, 'quota', `a save is refused with the quota code (got ${JSON.stringify(r)})`);
      next = r.next + 1;
      return r;
    };
    const showAll = async () => {
      const n = await h.worker.evaluate(() => globalThis.jianbao.library.count());
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count')) === n, n, { timeout: WAIT });
      return n;
    };
    const reserveLeft = () => h.worker.evaluate(() => globalThis.reserveLeft());
    const toast = () => page.locator('[data-testid="lib-toast"]');

    step('(1) the background keeps a reserve, and the library fills until a save is refused for quota', async () => {
      assert.equal(await h.worker.evaluate(() => globalThis.jianbao.library.keepReserve()), true);
      assert.equal(await reserveLeft(), 8);
      // The first ten exported (as an export records it), for "free space" in (6).
      exported = await h.worker.evaluate(async () => {
        const ids = await globalThis.saveSome(0, 10);
        // Exported after their save: unchanged since, so their posts on the site are as they are here.
        await globalThis.jianbao.library.markExported(ids, new Date());
        return ids;
      });
      next = 10;
      const r = await fillToQuota();
      assert.match(r.message, /storage is full.*delete articles/i);
      await page.reload();
      assert.ok((await showAll()) >= 20, 'some articles fitted before the refusal');
    });

    step('(2) one article deleted from the reader: gone, and the message says it cannot be undone', async (t) => {
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
      t.diagnostic(`reserve pieces left: ${await reserveLeft()}`);
      await screenshot(page, `quota-delete-one${lang ? '-' + lang : ''}`);
      t.diagnostic(`index clean after ${await assertGone(h, [id], titles)} ms`);
    });

    step('(3) full again: several deleted from the bulk bar, gone, same message', async (t) => {
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
      t.diagnostic(`reserve pieces left: ${await reserveLeft()}`);
      await screenshot(page, `quota-delete-bulk${lang ? '-' + lang : ''}`);
      t.diagnostic(`index clean after ${await assertGone(h, ids, titles)} ms`);
    });

    step('(4) full again: the background handler deletes two and answers that it cannot be undone', async (t) => {
      await fillToQuota();
      const ids = await h.worker.evaluate(async () => (await globalThis.jianbao.library.list({ limit: 2 })).map((a) => a.id));
      const titles = await titlesOf(h, ids);
      const answer = await h.worker.evaluate((ids) => globalThis.jianbao.handlers['delete-articles']({ ids }), ids);
      assert.deepEqual(answer, { ok: true, deleted: 2, undoToken: null, notUndoable: 'quota' });
      t.diagnostic(`reserve pieces left: ${await reserveLeft()}`);
      t.diagnostic(`index clean after ${await assertGone(h, ids, titles)} ms`);
    });

    step('(5) after the deletions a save fits again', async () => {
      const saved = await h.worker.evaluate((n) => globalThis.saveUntilRefused(n), next);
      assert.ok(saved.next > next, `at least one save fits after deleting (${JSON.stringify(saved)})`);
      next = saved.next + 1;
    });

    step('(6) full again: "free space" deletes the text of exported articles; they stay, the reader says so, a save fits', async () => {
      await fillToQuota();
      const total = await showAll();
      await page.locator('[data-testid="lib-free-open"]').click();
      await page.locator('[data-testid="lib-free-age"]').selectOption('0');
      const go = page.locator('[data-testid="lib-free-go"]');
      await screenshot(page, `quota-free-space-open${lang ? '-' + lang : ''}`);
      await page.waitForFunction(() => /10/.test(document.querySelector('[data-testid="lib-free-go"]')?.textContent ?? ''), null, { timeout: WAIT });
      await screenshot(page, `quota-free-space${lang ? '-' + lang : ''}`);
      await go.click();
      await page.locator('[data-testid="lib-toast"]', { hasText: freed(10) }).waitFor({ timeout: WAIT });
      const state = await h.worker.evaluate(async (ids) => {
        const lib = globalThis.jianbao.library;
        return { rows: (await lib.getMany(ids)).length, bodies: (await lib.getBodies(ids)).filter(Boolean).length, count: await lib.count() };
      }, exported);
      assert.deepEqual(state, { rows: 10, bodies: 0, count: total });
      // Still found by search; the reader says where its text went.
      const [title] = await titlesOf(h, [exported[0]]);
      await page.locator('[data-testid="lib-search"]').fill(title);
      await page.locator(`[data-testid="lib-row"][data-id="${exported[0]}"] [data-testid="lib-open"]`).click({ timeout: WAIT });
      await page.locator('[data-testid="lib-text-freed"]').waitFor({ timeout: WAIT });
      await screenshot(page, `quota-text-freed${lang ? '-' + lang : ''}`);
      const saved = await h.worker.evaluate((n) => globalThis.saveUntilRefused(n), next);
      assert.ok(saved.next > next, `a save fits after freeing the text (${JSON.stringify(saved)})`);
      assert.deepEqual(pageErrors, []);
    });
  });
}
