// The save card says when it is unsure, and the user corrects it there (issue 12): a page with no 来源 served on
// 127.0.0.1 shows the warning and the category the post will get (the host's); correcting the source in the card
// changes the exported post's category and tags (the popup's .md export, through the engine); a new save of the
// page keeps the correction. The time field reads `2022-01-09 07:48` in the zone it shows, and `+0800` as typed.
// Screenshots: tests/e2e/artifacts/unsure-card-{zh-CN,en}{,-form,-corrected}.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile, readdir, rm } from 'node:fs/promises';
import { ROOT, TEST_BUILD_DIR, launchWithExtension, screenshot, serveFolder, openSite, openPopup, waitForFile, dependentSteps } from './harness.mjs';

const CARD = '[data-testid="save-card"]';
const PAGE = '/source-missing.html';
const WAIT = 10_000;

const WANT = {
  'zh-CN': { missing: '页面上没有找到', filed: '将归入分类 127001', corrected: '已更正', zonePage: '时区：UTC+08:00', zoneTyped: '时区：UTC-05:00（按输入）', badTime: '不是有效的时间' },
  en: { missing: 'not found on the page', filed: 'filed under category 127001', corrected: 'Corrected.', zonePage: 'Time zone: UTC+08:00', zoneTyped: 'Time zone: UTC-05:00 (as typed)', badTime: 'Not a time.' },
};

async function settled(page) {
  await page.waitForFunction((sel) => {
    const s = document.querySelector(sel)?.getAttribute('data-status');
    return s && s !== 'saving';
  }, CARD, { timeout: WAIT });
}

for (const lang of Object.keys(WANT)) {
  const want = WANT[lang];
  describe(`the unsure card in ${lang}`, { timeout: 90_000 }, () => {
    let h;
    let server;
    let site;
    const errors = [];
    const step = dependentSteps(test, assert);

    before(async () => {
      server = await serveFolder(path.join(ROOT, 'tests/fixtures/generic'));
      h = await launchWithExtension(TEST_BUILD_DIR, { lang });
    });
    after(async () => {
      await h?.close();
      await server?.close();
    });

    const popupFor = async () => {
      const page = await openPopup(h, site.tabId, errors);
      await settled(page);
      return page;
    };
    const exportPost = async (popup) => {
      // The export writes the same file name again (overwriting): clear the folder first.
      for (const n of await readdir(h.downloadsDir)) await rm(path.join(h.downloadsDir, n), { force: true });
      await popup.locator('[data-testid="article-row"]').first().locator('[data-testid="export-md"]').click();
      const file = await waitForFile(h.downloadsDir, (n) => n.endsWith('.md'), WAIT);
      return readFile(file, 'utf8');
    };

    step('1 a page with no 来源: the source is marked, and the card says the category it will get', async () => {
      site = await openSite(h, server, PAGE);
      const popup = await popupFor();
      const card = popup.locator(CARD);
      assert.equal(await card.getAttribute('data-status'), 'created');
      assert.match(await card.getAttribute('data-unsure'), /\bsource\b/);
      const mark = popup.getByTestId('unsure-source');
      assert.equal(await mark.getAttribute('data-reason'), 'missing');
      assert.equal((await mark.textContent()).trim(), want.missing);
      const filed = await popup.getByTestId('card-category').textContent();
      assert.ok(filed.includes(want.filed) && filed.includes('127.0.0.1'), filed);
      // The same category the export writes.
      const post = await exportPost(popup);
      assert.match(post, /^categories: "?127001"?$/m, post);
      await screenshot(popup, `unsure-card-${lang}`);
      await popup.close();
    });

    step('2 the correction form: the time is checked and its zone shown; the source corrected in one step', async () => {
      const popup = await popupFor();
      await popup.getByTestId('correct-open').click();
      const time = popup.getByTestId('correct-publishedAt');
      assert.equal(await time.inputValue(), '2024-05-20 10:00:00 +08:00');
      await time.fill('2024-05-20 09:30');
      assert.ok((await popup.getByTestId('correct-zone').textContent()).includes(want.zonePage));
      await time.fill('2024-05-20 09:30:00 -0500');
      assert.equal((await popup.getByTestId('correct-zone').textContent()).trim(), want.zoneTyped);
      await time.fill('20 May');
      await popup.getByTestId('correct-source').fill('某某晚报');
      await popup.getByTestId('correct-save').click();
      assert.ok((await popup.getByTestId('correct-error').textContent()).includes(want.badTime));
      await time.fill('2024-05-20 09:30');
      await screenshot(popup, `unsure-card-${lang}-form`);
      await popup.getByTestId('correct-save').click();
      await popup.getByTestId('correct-note').waitFor({ timeout: WAIT });
      assert.ok((await popup.getByTestId('correct-note').textContent()).includes(want.corrected));
      assert.equal((await popup.getByTestId('card-source').textContent()).trim(), '某某晚报');
      assert.equal(await popup.getByTestId('unsure-source').count(), 0);
      assert.ok((await popup.getByTestId('card-published').textContent()).startsWith('2024-05-20 09:30 +08:00'));
      assert.ok((await popup.getByTestId('card-category').textContent()).includes('moumouwanbao'));
      await screenshot(popup, `unsure-card-${lang}-corrected`);
      // The export files the post under the corrected source: category and tag.
      const post = await exportPost(popup);
      assert.match(post, /^categories: "?moumouwanbao"?$/m, post);
      assert.match(post, /^tags: "?某某晚报新闻"?$/m, post);
      assert.match(post, /^date: "?2024-05-20 09:30:00 \+0800"?$/m, post);
      await popup.close();
    });

    step('3 saving the page again keeps the correction', async () => {
      const popup = await popupFor();
      assert.equal(await popup.locator(CARD).getAttribute('data-status'), 'updated');
      assert.equal((await popup.getByTestId('card-source').textContent()).trim(), '某某晚报');
      assert.equal(await popup.getByTestId('unsure-source').count(), 0);
      assert.ok((await popup.getByTestId('card-published').textContent()).startsWith('2024-05-20 09:30'));
      const post = await exportPost(popup);
      assert.match(post, /^categories: "?moumouwanbao"?$/m, post);
      assert.match(post, /^tags: "?某某晚报新闻"?$/m, post);
      await popup.close();
      await site.page.close();
    });

    test('no uncaught errors', () => assert.deepEqual(errors, []));
  });
}
