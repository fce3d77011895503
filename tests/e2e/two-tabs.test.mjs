// Two library tabs on one article lose nothing: a form opened in tab A sends only the fields changed, so a
// tag tab B added meanwhile survives; a title changed in both is shown as a conflict (keep mine / take
// theirs), not overwritten; an article B deletes while A's form is open says so and keeps A's typed text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_BUILD_DIR, launchWithExtension, screenshot, dependentSteps } from './harness.mjs';

const WAIT = 15_000;
const TITLE = '量质双升绘宏图 民生答卷晒幸福';
const URL_ = 'http://finews.example/html_News/NewsShare.html?infoCode=NW202201092240969820';

describe('library: two tabs editing and deleting one article', { timeout: 120_000 }, () => {
  let h;
  let a;
  let b;
  let id;
  const pageErrors = [];

  before(async () => {
    h = await launchWithExtension(TEST_BUILD_DIR);
    await h.worker.evaluate(async ({ title, url }) => {
      const now = '2026-01-01T00:00:00.000Z';
      await globalThis.jianbao.library.importRecords([{
        article: {
          url, title, source: '南昌日报', siteName: '东方财富网', author: null, publishedAt: '2022-01-09T07:48:06+08:00',
          savedAt: now, updatedAt: now, lang: 'zh-CN', excerpt: null, leadImage: null, siteArticleId: null, tags: ['经济'],
          category: null, contentHash: '0', exportedAt: null,
        },
        body: { html: '<p>青山湖区经济社会发展迈上新台阶。</p>', text: '青山湖区经济社会发展迈上新台阶。' },
      }]);
    }, { title: TITLE, url: URL_ });
    id = (await h.worker.evaluate(() => globalThis.jianbao.library.list()))[0].id;
    const open = async () => {
      const p = await h.context.newPage();
      p.on('pageerror', (err) => pageErrors.push(err.message));
      await p.setViewportSize({ width: 1100, height: 760 });
      await p.goto(`chrome-extension://${h.extensionId}/library.html`);
      await p.locator('[data-testid="lib-open"]').first().click();
      await p.locator('[data-testid="lib-reader"]').waitFor({ timeout: WAIT });
      return p;
    };
    a = await open();
    b = await open();
  });

  after(async () => {
    await h?.close();
  });

  const step = dependentSteps(test, assert);
  const stored = () => h.worker.evaluate((i) => globalThis.jianbao.library.get(i), id);
  const readerTitle = (p, title) =>
    p.waitForFunction((t) => document.querySelector('[data-testid="lib-reader-title"]')?.textContent === t, title, { timeout: WAIT });

  step('(1) A changes the title in a form opened before B added a tag: both are kept', async () => {
    await a.locator('[data-testid="lib-edit"]').click();
    await a.locator('[data-testid="lib-edit-form"]').waitFor();
    // Tab B adds a tag through the bulk bar: select the row, type, add.
    await b.locator('[data-testid="lib-select-all"]').click();
    await b.locator('.lib-tag-input').fill('B的标签');
    await b.locator('[data-testid="lib-bulk-tag"]').click();
    await b.waitForFunction(() => /1/.test(document.querySelector('[data-testid="lib-toast"]')?.textContent ?? ''), null, { timeout: WAIT });
    assert.deepEqual((await stored()).tags, ['经济', 'B的标签']);
    // A's form still shows the tags it opened with; it changes only the title.
    assert.equal(await a.locator('[data-testid="lib-edit-tags"]').inputValue(), '经济');
    await a.locator('[data-testid="lib-edit-title"]').fill('A改的标题');
    await a.locator('[data-testid="lib-edit-save"]').click();
    await readerTitle(a, 'A改的标题');
    const row = await stored();
    assert.equal(row.title, 'A改的标题');
    assert.deepEqual(row.tags, ['经济', 'B的标签'], 'the tag B added survives');
    assert.deepEqual([...row.edited].sort(), ['tags', 'title']);
    assert.equal(await a.locator('[data-testid="lib-edit-form"]').count(), 0, 'the form closed after saving');
  });

  step('(2) both tabs change the title: A is told, nothing is overwritten until A chooses', async () => {
    await readerTitle(b, 'A改的标题');
    await a.locator('[data-testid="lib-edit"]').click();
    await b.locator('[data-testid="lib-edit"]').click();
    await b.locator('[data-testid="lib-edit-title"]').fill('B改的标题');
    await b.locator('[data-testid="lib-edit-save"]').click();
    await readerTitle(b, 'B改的标题');
    await a.locator('[data-testid="lib-edit-title"]').fill('A又改的标题');
    await a.locator('[data-testid="lib-edit-author"]').fill('王小明');
    await a.locator('[data-testid="lib-edit-save"]').click();
    const conflict = a.locator('[data-testid="lib-edit-conflict"]');
    await conflict.waitFor({ timeout: WAIT });
    assert.match(await conflict.innerText(), /B改的标题/);
    await screenshot(a, 'two-tabs-conflict');
    assert.equal((await stored()).title, 'B改的标题', 'not overwritten');
    assert.equal((await stored()).author, null, 'nothing of the edit written while it conflicts');
    await a.locator('[data-testid="lib-edit-keep-mine"]').click();
    await readerTitle(a, 'A又改的标题');
    const row = await stored();
    assert.equal(row.title, 'A又改的标题');
    assert.equal(row.author, '王小明');
    assert.deepEqual(row.tags, ['经济', 'B的标签']);
  });

  step('(3) B deletes the article while A types: A says so and keeps the text', async () => {
    await readerTitle(b, 'A又改的标题');
    await a.locator('[data-testid="lib-edit"]').click();
    await a.locator('[data-testid="lib-edit-title"]').fill('删除前正在输入的标题');
    await b.locator('[data-testid="lib-delete-one"]').click();
    await b.locator('[data-testid="lib-reader"]').waitFor({ state: 'detached', timeout: WAIT });
    const gone = a.locator('[data-testid="lib-edit-deleted"]');
    await gone.waitFor({ timeout: WAIT });
    assert.match(await gone.innerText(), /deleted in another tab|已在其他标签页/);
    assert.equal(await a.locator('[data-testid="lib-edit-title"]').inputValue(), '删除前正在输入的标题', 'the typed text is still there');
    assert.equal(await a.locator('[data-testid="lib-edit-save"]').isDisabled(), true);
    await screenshot(a, 'two-tabs-deleted');
    await a.locator('[data-testid="lib-edit-copy"]').click();
    // Copied, or (no clipboard for a headless page) a message saying to copy by hand: either way, a word.
    await a.waitForFunction(() => /Copied|已复制|Could not copy|无法复制/.test(document.querySelector('[data-testid="lib-edit-form"]')?.textContent ?? ''),
      null, { timeout: WAIT });
    await a.waitForTimeout(500);
    assert.equal(await a.locator('[data-testid="lib-edit-title"]').inputValue(), '删除前正在输入的标题');
    assert.equal(await stored(), undefined);
    // Undo in B brings the article back: A's form can save its text after all.
    await b.locator('[data-testid="lib-undo"]').click();
    await a.locator('[data-testid="lib-edit-deleted"]').waitFor({ state: 'detached', timeout: WAIT });
    await a.locator('[data-testid="lib-edit-save"]').click();
    await readerTitle(a, '删除前正在输入的标题');
    assert.equal((await stored()).title, '删除前正在输入的标题');
    assert.deepEqual(pageErrors, []);
  });
});
