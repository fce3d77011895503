// The popup in the browser's language: Chromium started with --lang=zh-CN shows the zh_CN catalog,
// with --lang=en the English one, for a saved article and for a page with no article.
// Screenshots: tests/e2e/artifacts/popup-zh-CN*.png and popup-en*.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_BUILD_DIR, launchWithExtension, screenshot, serveFolder, openSite, openPopup, SEED_PATH } from './harness.mjs';

const CARD = '[data-testid="save-card"]';

const EXPECT = {
  'zh-CN': {
    htmlLang: 'zh-CN', saved: '已保存', source: '来源', heading: '已保存的文章', setting: '点击工具栏按钮即保存页面',
    noArticle: '本页没有找到文章。', wholePage: '仍然保存整个页面', savedAt: /\d{4}年\d{1,2}月\d{1,2}日/,
  },
  en: {
    htmlLang: 'en', saved: 'Saved', source: 'Source', heading: 'Saved articles', setting: 'Clicking the toolbar button saves the page',
    noArticle: 'No article found on this page.', wholePage: 'Save the whole page anyway', savedAt: /[A-Z][a-z]{2} \d{1,2}, \d{4}/,
  },
};

for (const lang of Object.keys(EXPECT)) {
  const want = EXPECT[lang];
  describe(`popup in ${lang}`, { timeout: 45_000 }, () => {
    let h;
    let server;
    const errors = [];

    before(async () => {
      server = await serveFolder();
      h = await launchWithExtension(TEST_BUILD_DIR, { lang });
    });
    after(async () => {
      await h?.close();
      await server?.close();
    });

    async function popupFor(p) {
      const { page: site, tabId } = await openSite(h, server, p);
      const page = await openPopup(h, tabId, errors);
      await page.waitForFunction((sel) => {
        const s = document.querySelector(sel)?.getAttribute('data-status');
        return s && s !== 'saving';
      }, CARD, { timeout: 10_000 });
      return { page, site };
    }

    test('a saved article: status, field labels, list heading, setting, date in the user\'s locale', async () => {
      const { page, site } = await popupFor(SEED_PATH);
      assert.equal(await page.evaluate(() => document.documentElement.lang), want.htmlLang);
      const card = await page.locator(CARD).textContent(); // not innerText: .status is upper-cased by CSS
      assert.ok(card.includes(want.saved), card);
      assert.ok(card.includes(want.source), card);
      assert.match(await page.getByTestId('saved-at').innerText(), want.savedAt);
      assert.ok((await page.locator('.list-heading').first().textContent()).includes(want.heading));
      assert.ok((await page.locator('.settings').innerText()).includes(want.setting));
      await page.locator('[data-testid="article-row"]').first().waitFor();
      await screenshot(page, `popup-${lang}`);
      await page.close();
      await site.close();
    });

    test('a page with no article: the reason and the whole-page offer in the same language', async () => {
      const { page, site } = await popupFor('/no-article.html');
      const card = await page.locator(CARD).textContent(); // not innerText: .status is upper-cased by CSS
      assert.equal(await page.locator(CARD).getAttribute('data-status'), 'failed');
      assert.ok(card.includes(want.noArticle), card);
      assert.equal((await page.getByTestId('save-whole-page').innerText()).trim(), want.wholePage);
      await screenshot(page, `popup-${lang}-no-article`);
      await page.close();
      await site.close();
    });

    test('no uncaught errors', () => assert.deepEqual(errors, []));
  });
}
