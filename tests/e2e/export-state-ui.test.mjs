// What the UI says about a save matched by the site's own id and about articles changed since their export, in
// Chromium against the test build (`npm run build:test` first), in zh-CN and en:
// (a) a page without a canonical URL whose path carries the site's id (/a/20220109123456.html), saved, then
//     opened through another link (?page=1): the second save updates the first article, and the popup card says
//     so, with the id; the same URL again is an ordinary "already saved" (no cue);
// (b) that article marked exported shows "exported" in the popup list; edited after, "changed since export", in
//     the popup list and in the library list (an article exported and not changed beside it keeps "exported").
// Screenshots: tests/e2e/artifacts/export-state-{popup-card,popup-list,library}-<lang>.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_BUILD_DIR, dependentSteps, launchWithExtension, openPopup, openSite, screenshot, serveFolder } from './harness.mjs';

const CARD = '[data-testid="save-card"]';
const ROW = '[data-testid="article-row"]';
const WAIT = 10_000;
const SITE_ID = '20220109123456';
const PAGE = `/a/${SITE_ID}.html`;
const TITLE = '青山湖区老旧小区改造全面完成 三万户居民喜迁“新”居';
const OTHER_TITLE = '南昌地铁四号线首通段开通运营 沿线居民出行更便捷';

const EXPECT = {
  'zh-CN': {
    cue: `已有同一篇文章（本站编号 ${SITE_ID}），已更新，未新建`,
    exported: '已导出',
    changed: '导出后已修改',
  },
  en: {
    cue: `Same article as one already saved (site id ${SITE_ID}): updated, not added again`,
    exported: 'exported',
    changed: 'changed since export',
  },
};

/** Whether the label's box is cut: narrower than its text, or reaching past its row's meta line. */
const labelClipped = (el) => {
  const meta = el.parentElement.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  return el.scrollWidth > el.clientWidth + 0.5 || box.right > meta.right + 0.5 || box.width < 1;
};

const PARAGRAPHS = [
  '本报讯　记者从青山湖区住房和城乡建设局获悉，截至一月上旬，全区列入年度计划的老旧小区改造项目已全部完工，惠及居民三万余户。',
  '改造内容涵盖雨污分流、管网更新、屋面防水、外墙保温、加装电梯和停车位规划等，多个小区还新建了口袋公园和居家养老服务站。',
  '“以前一下雨楼道就积水，现在路面平整了，晚上路灯也亮了。”家住湖坊镇某小区的居民王女士说，改造期间社区多次上门征求意见。',
  '区相关负责人介绍，今年将继续推进城市更新行动，重点补齐社区养老、托育和便民商业短板，让群众生活更方便、更舒心。',
  '据悉，全区还同步建立了小区长效管理机制，引入专业物业服务企业，确保改造成果管得住、用得好。',
];

/** A news page with no canonical link and no og:url: the library keys it on the URL it was opened under. */
function pageHtml(title) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_南昌新闻网</title>
<meta name="source" content="南昌日报"><meta property="og:site_name" content="南昌新闻网">
<meta property="article:published_time" content="2022-01-09T12:34:56+08:00"></head>
<body><header><a href="/">首页</a></header><article><h1>${title}</h1>
<p class="info">2022-01-09 12:34　来源：南昌日报</p>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>版权所有</footer></body></html>`;
}

for (const lang of Object.keys(EXPECT)) {
  const want = EXPECT[lang];
  describe(`export state in the UI (${lang}): site-id match cue, changed since export`, { timeout: 60_000 }, () => {
    let h;
    let server;
    let pagesDir;
    let popup;
    let articleId;
    const pageErrors = [];

    before(async () => {
      pagesDir = await mkdtemp(path.join(tmpdir(), 'jianbao-export-state-pages-'));
      await mkdir(path.join(pagesDir, 'a'), { recursive: true });
      await writeFile(path.join(pagesDir, 'a', `${SITE_ID}.html`), pageHtml(TITLE));
      server = await serveFolder(pagesDir);
      h = await launchWithExtension(TEST_BUILD_DIR, { lang });
    });

    after(async () => {
      await h?.close();
      await server?.close();
      if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
    });

    const step = dependentSteps(test, assert);

    /** Saves the served page at `urlPath` through popup.html?tabId=N; returns the popup once the card has settled. */
    async function saveThroughPopup(urlPath) {
      const site = await openSite(h, server, urlPath);
      const page = await openPopup(h, site.tabId, pageErrors);
      await page.waitForFunction((sel) => {
        const s = document.querySelector(sel)?.getAttribute('data-status');
        return s && s !== 'saving' ? s : null;
      }, CARD, { timeout: WAIT, polling: 50 });
      await site.page.close();
      return page;
    }

    const rowState = (page, sel, id) => page.locator(`${sel}[data-id="${id}"]`).getAttribute('data-export-state');

    step('(a) a second link to the same article (site id in the path): the card says it matched, and shows the id', async () => {
      const first = await saveThroughPopup(PAGE);
      assert.equal(await first.locator(CARD).getAttribute('data-status'), 'created');
      assert.equal(await first.getByTestId('matched-site-id').count(), 0, 'no cue on a new article');
      await first.close();

      popup = await saveThroughPopup(`${PAGE}?page=1`);
      const card = popup.locator(CARD);
      assert.equal(await card.getAttribute('data-status'), 'updated', await card.textContent());
      assert.equal(await card.getAttribute('data-matched'), 'site-id');
      assert.equal((await popup.getByTestId('matched-site-id').textContent()).trim(), want.cue);
      await popup.locator(ROW).first().waitFor({ timeout: WAIT });
      assert.equal(await popup.locator(ROW).count(), 1, 'still one article');
      const rows = await h.worker.evaluate(() => globalThis.jianbao.library.list({}));
      assert.equal(rows.length, 1);
      assert.equal(rows[0].siteArticleId, SITE_ID);
      articleId = rows[0].id;
      await screenshot(popup, `export-state-popup-card-${lang}`);

      // The URL it was first saved under: matched by URL, an ordinary "already saved".
      const again = await saveThroughPopup(PAGE);
      assert.equal(await again.locator(CARD).getAttribute('data-status'), 'updated');
      assert.equal(await again.locator(CARD).getAttribute('data-matched'), 'url');
      assert.equal(await again.getByTestId('matched-site-id').count(), 0, 'no site-id cue on a URL match');
      await again.close();
    });

    step('(b) exported, then edited: "exported", then "changed since export" in the popup list and the library', async () => {
      // An article exported and left alone, beside it: it keeps "exported".
      await h.worker.evaluate(async ({ title }) => {
        await globalThis.jianbao.library.importRecords([{
          article: {
            url: 'http://news.example/a/20220108000001.html', title, source: '南昌日报', siteName: '南昌新闻网', author: null,
            publishedAt: '2022-01-08T09:00:00+08:00', savedAt: '2022-01-08T02:00:00.000Z', updatedAt: '2022-01-08T02:00:00.000Z',
            lang: 'zh-CN', excerpt: null, leadImage: null, siteArticleId: '20220108000001', tags: [], category: null, contentHash: '1',
            exportedAt: '2022-01-08T03:00:00.000Z',
          },
          body: { html: '<p>南昌地铁四号线首通段开通运营。</p>', text: '南昌地铁四号线首通段开通运营。' },
        }]);
      }, { title: OTHER_TITLE });
      await popup.locator(ROW).nth(1).waitFor({ timeout: WAIT });
      const otherId = await h.worker.evaluate((t) => globalThis.jianbao.library.list({}).then((r) => r.find((a) => a.title === t).id), OTHER_TITLE);
      assert.equal(await rowState(popup, ROW, otherId), 'exported');

      const marked = await h.worker.evaluate((id) => globalThis.jianbao.handlers['mark-exported']({ ids: [id] }), articleId);
      assert.equal(marked.ok, true, JSON.stringify(marked));
      await popup.waitForFunction(({ sel, id }) => document.querySelector(`${sel}[data-id="${id}"]`)?.dataset.exportState === 'exported',
        { sel: ROW, id: articleId }, { timeout: WAIT });
      assert.equal((await popup.locator(`${ROW}[data-id="${articleId}"] [data-testid="export-state"]`).textContent()).trim(), want.exported);

      // updatedAt must come after exportedAt (ISO text to the millisecond).
      await new Promise((r) => setTimeout(r, 20));
      const edited = await h.worker.evaluate((id) => globalThis.jianbao.handlers['update-article']({ id, patch: { tags: ['城市更新'] } }), articleId);
      assert.equal(edited.ok, true, JSON.stringify(edited));

      await popup.waitForFunction(({ sel, id }) => document.querySelector(`${sel}[data-id="${id}"]`)?.dataset.exportState === 'changed',
        { sel: ROW, id: articleId }, { timeout: WAIT });
      assert.equal((await popup.locator(`${ROW}[data-id="${articleId}"] [data-testid="export-state"]`).textContent()).trim(), want.changed);
      assert.equal(await rowState(popup, ROW, otherId), 'exported');
      assert.equal((await popup.locator(`${ROW}[data-id="${otherId}"] [data-testid="export-state"]`).textContent()).trim(), want.exported);
      // The label is whole: a long source or date is what the row's ellipsis cuts.
      assert.equal(await popup.locator(`${ROW}[data-id="${articleId}"] [data-testid="export-state"]`).evaluate(labelClipped), false,
        'the changed label is not cut off in the popup row');
      await screenshot(popup, `export-state-popup-list-${lang}`);

      const lib = await h.context.newPage();
      lib.on('pageerror', (err) => pageErrors.push(err.message));
      await lib.setViewportSize({ width: 1200, height: 800 });
      await lib.goto(`chrome-extension://${h.extensionId}/library.html`);
      const LIB_ROW = '[data-testid="lib-row"]';
      await lib.waitForFunction(({ sel, id }) => document.querySelector(`${sel}[data-id="${id}"]`)?.dataset.exportState === 'changed',
        { sel: LIB_ROW, id: articleId }, { timeout: WAIT });
      assert.equal((await lib.locator(`${LIB_ROW}[data-id="${articleId}"] [data-testid="lib-export-state"]`).textContent()).trim(), want.changed);
      assert.equal(await lib.locator(`${LIB_ROW}[data-id="${articleId}"] [data-testid="lib-export-state"]`).evaluate(labelClipped), false);
      assert.match(await lib.locator(`${LIB_ROW}[data-id="${articleId}"] .lib-row-meta`).textContent(), /#城市更新/);
      assert.equal(await rowState(lib, LIB_ROW, otherId), 'exported');
      assert.equal((await lib.locator(`${LIB_ROW}[data-id="${otherId}"] [data-testid="lib-export-state"]`).textContent()).trim(), want.exported);
      await screenshot(lib, `export-state-library-${lang}`);
      await lib.close();
      await popup.close();
      assert.deepEqual(pageErrors, []);
    });
  });
}
