// The first-run page in Chromium against the test build (`npm run build:test` first), in zh-CN and en:
// installing opens welcome.html by itself; it says what Jianbao does in three lines; the preview is the shipped
// sample article rendered by the export engine and follows every change (site host, preset, zone); saving writes
// the settings the options page then shows; the "try it" link opens the sample page; the gear in the popup and in
// the library opens the options page and the guide link the first-run page again.
// Screenshots: tests/e2e/artifacts/welcome-<lang>.png, welcome-<lang>-hugo.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_BUILD_DIR, dependentSteps, launchWithExtension, screenshot } from './harness.mjs';

const WAIT = 10_000;
const EXPECT = {
  'zh-CN': { heading: '欢迎使用剪报', save: '保存设置', saved: '已保存' },
  en: { heading: 'Welcome to Jianbao 剪报', save: 'Save these settings', saved: 'Saved.' },
};

/** The tab with an extension page `name`, already open or opening. */
async function extensionPage(h, name) {
  const want = `chrome-extension://${h.extensionId}/${name}`;
  const open = h.context.pages().find((p) => p.url().startsWith(want));
  if (open) return open;
  return h.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(want), timeout: WAIT });
}

for (const lang of Object.keys(EXPECT)) {
  const want = EXPECT[lang];
  describe(`first-run page (${lang})`, { timeout: 90_000 }, () => {
    let h;
    let page;
    const errors = [];
    const step = dependentSteps(test, assert);

    before(async () => {
      h = await launchWithExtension(TEST_BUILD_DIR, { lang });
    });
    after(async () => {
      await h?.close();
    });

    step('1 installing opens the first-run page, in the browser\'s language, with three lines and a preview', async () => {
      page = await extensionPage(h, 'welcome.html');
      page.on('pageerror', (err) => errors.push(err.message));
      await page.setViewportSize({ width: 1100, height: 1000 });
      await page.getByTestId('wel-preview').waitFor({ timeout: WAIT });
      assert.equal((await page.locator('h1').innerText()).trim(), want.heading);
      assert.equal(await page.locator('[data-testid="wel-intro"] li').count(), 3);
      const text = await page.getByTestId('wel-preview').innerText();
      // The sample page as the extractor reads it, through the default preset ("Jekyll news post").
      assert.match(text, /^---\n/);
      assert.ok(text.includes('青山湖区老旧小区改造全面完成'), text);
      assert.ok(text.includes('南昌日报'), text);
      assert.ok(text.includes('//finews.withounder.com/'), text);
      assert.match(await page.getByTestId('wel-preview-path').innerText(), /^_posts\/2022-01-09-/);
      assert.equal((await page.getByTestId('wel-save').innerText()).trim(), want.save);
      assert.equal(await page.getByTestId('wel-save').isDisabled(), true, 'nothing to save before a change');
      await screenshot(page, `welcome-${lang}`, { fullPage: true });
    });

    step('2 the preview follows the site host, the preset and the zone', async () => {
      await page.getByTestId('wel-siteHost').fill('news.mysite.cn');
      await page.waitForFunction(() => document.querySelector('[data-testid="wel-preview"]')?.textContent.includes('//news.mysite.cn/'));
      await page.getByTestId('wel-preset').selectOption('hugo');
      await page.waitForFunction(() => document.querySelector('[data-testid="wel-preview-path"]')?.textContent.startsWith('content/posts/'));
      // A zone that is neither an offset nor a zone name: named, and nothing can be saved until it is fixed.
      await page.getByTestId('wel-timeZone').fill('nowhere');
      await page.getByTestId('wel-problems').waitFor({ timeout: WAIT });
      assert.equal(await page.getByTestId('wel-save').isDisabled(), true);
      await page.getByTestId('wel-timeZone').fill('+08:00');
      await page.getByTestId('wel-problems').waitFor({ state: 'detached', timeout: WAIT });
      await screenshot(page, `welcome-${lang}-hugo`, { fullPage: true });
    });

    step('3 saving writes the settings, and the options page shows them', async () => {
      await page.getByTestId('wel-save').click();
      await page.getByTestId('wel-saved').waitFor({ timeout: WAIT });
      assert.ok((await page.getByTestId('wel-saved').innerText()).includes(want.saved));
      const stored = await h.worker.evaluate(() => chrome.storage.sync.get(['exportSettings', 'presetSettings']));
      assert.equal(stored.exportSettings.siteHost, 'news.mysite.cn');
      assert.equal(stored.presetSettings.preset, 'hugo');
      const pending = extensionPage(h, 'options.html');
      await page.getByTestId('wel-options').click();
      const options = await pending;
      await options.getByTestId('opt-siteHost').waitFor({ timeout: WAIT });
      assert.equal(await options.getByTestId('opt-siteHost').inputValue(), 'news.mysite.cn');
      assert.equal(await options.getByTestId('opt-preset').inputValue(), 'hugo');
      await options.close();
    });

    step('4 "try it" opens the sample news page shipped with the extension', async () => {
      const href = await page.getByTestId('wel-try').getAttribute('href');
      assert.equal(href, `chrome-extension://${h.extensionId}/sample-news.html`);
      const pending = h.context.waitForEvent('page', { timeout: WAIT });
      await page.getByTestId('wel-try').click();
      const sample = await pending;
      await sample.waitForLoadState('load');
      assert.ok((await sample.locator('h1').innerText()).includes('青山湖区老旧小区改造全面完成'));
      await sample.close();
    });

    step('5 the popup\'s and the library\'s gear open the options, their guide link this page', async () => {
      for (const name of ['popup.html', 'library.html']) {
        const p = await h.context.newPage();
        p.on('pageerror', (err) => errors.push(err.message));
        await p.goto(`chrome-extension://${h.extensionId}/${name}`);
        await p.getByTestId('open-options').waitFor({ timeout: WAIT });
        assert.ok(await p.getByTestId('open-options').getAttribute('aria-label'));
        let pending = extensionPage(h, 'options.html');
        await p.getByTestId('open-options').click();
        const options = await pending;
        await options.getByTestId('opt-preset').waitFor({ timeout: WAIT });
        await options.close();
        await page.close();
        pending = extensionPage(h, 'welcome.html');
        await p.getByTestId('open-welcome').click();
        page = await pending;
        page.on('pageerror', (err) => errors.push(err.message));
        await page.getByTestId('wel-preview').waitFor({ timeout: WAIT });
        // The setting saved in step 3 is what the page starts from now.
        assert.equal(await page.getByTestId('wel-siteHost').inputValue(), 'news.mysite.cn');
        await p.close();
      }
    });

    test('no uncaught errors', () => assert.deepEqual(errors, []));
  });
}
