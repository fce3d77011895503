// Hostile pages in real Chromium, through the popup (`npm run build:test` first): a page nested
// 10 000 levels deep and a 20 MB page fail with a clear message and save nothing, and the extension
// still saves a normal page after them; a 5 000-character title of quotes and colons is saved whole
// and its exported post's front matter parses as YAML.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { TEST_BUILD_DIR, dependentSteps, launchWithExtension, openPopup, openSite, screenshot, serveFolder, waitForFile } from './harness.mjs';

const WAIT = 15_000;
const CARD = '[data-testid="save-card"]';
const ROW = '[data-testid="article-row"]';
const DEPTH = 10_000;

const PROSE = '<p>　　这是一段用于测试的新闻正文，没有实际意义，只为让页面像一篇文章那样长。市民在活动现场排队参观，工作人员介绍了今年的新变化。</p>';
const page = (title, body, head = '') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// 10 000 levels: HTML parsers stop nesting at 512, so the page builds its tree with DOM calls.
// Hidden, because Chromium's own renderer crashes laying out 10 000 visible levels ("Page crashed"
// before any extension runs); the DOM the extract script walks is just as deep.
const DEEP = page(
  '深层嵌套的页面',
  `<h1>深层嵌套的页面标题</h1><script>
    let node = document.body.appendChild(document.createElement('div'));
    node.style.display = 'none';
    for (let i = 0; i < ${DEPTH}; i++) node = node.appendChild(document.createElement('div'));
    node.innerHTML = ${JSON.stringify(PROSE.repeat(6))};
  </script>`,
);

const NORMAL_TITLE = '南湖公园新建的儿童游乐区开放';
const NORMAL = page(
  `${NORMAL_TITLE}_江城新闻网`,
  `<h1>${NORMAL_TITLE}</h1><div class="info">2024-05-01 09:30　来源：江城日报</div><article>${PROSE.repeat(8)}</article>`,
);

// Twenty megabytes of paragraphs (ASCII, one byte a character).
function hugePage() {
  const para = `<p>${'A paragraph of filler text that repeats until the page weighs twenty megabytes. '.repeat(40)}</p>\n`;
  return page('二十兆字节的页面', `<h1>二十兆字节的页面标题</h1><article>${para.repeat(Math.ceil(20e6 / para.length))}</article>`);
}

// Quotes (straight, curly, single, corner) and colons (with a space after, full-width) only.
const QUOTE_TITLE = '"“: ”\'：‘’」'.repeat(500);
const QUOTES = page(
  esc(QUOTE_TITLE),
  `<h1>${esc(QUOTE_TITLE)}</h1><div class="info">2023-05-06 14:20　来源：测试日报</div><article>${PROSE.repeat(8)}</article>`,
);

describe('hostile pages in Chromium: deep, huge, absurd title', { timeout: 90_000 }, () => {
  /** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
  let h;
  /** @type {Awaited<ReturnType<typeof serveFolder>>} */
  let server;
  let dir;
  const pageErrors = [];

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jianbao-hostile-'));
    await Promise.all([
      writeFile(path.join(dir, 'deep.html'), DEEP),
      writeFile(path.join(dir, 'normal.html'), NORMAL),
      writeFile(path.join(dir, 'huge.html'), hugePage()),
      writeFile(path.join(dir, 'quotes.html'), QUOTES),
    ]);
    server = await serveFolder(dir);
    h = await launchWithExtension(TEST_BUILD_DIR);
  });

  after(async () => {
    await h?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const step = dependentSteps(test, assert);

  /** Saves the page at `urlPath` through popup.html?tabId=N; returns the card's status, code and text. */
  async function saveThroughPopup(urlPath) {
    const site = await openSite(h, server, urlPath);
    const popup = await openPopup(h, site.tabId, pageErrors);
    const status = await popup
      .waitForFunction((sel) => {
        const s = document.querySelector(sel)?.getAttribute('data-status');
        return s && s !== 'saving' ? s : null;
      }, CARD, { timeout: WAIT, polling: 50 })
      .then((handle) => handle.jsonValue())
      .catch(async (err) => {
        throw new Error(`${urlPath}: the save card did not settle (${err.message.split('\n')[0]})\n${(await popup.content()).slice(0, 800)}`);
      });
    const card = popup.locator(CARD);
    return { site, popup, status, code: await card.getAttribute('data-code'), cardText: (await card.innerText()).trim() };
  }

  /** The number of rows the popup's list settles at (the list reads the library live). */
  async function rowsSettleAt(popup, n) {
    await popup
      .waitForFunction(({ sel, n }) => document.querySelectorAll(sel).length === n, { sel: ROW, n }, { timeout: WAIT, polling: 50 })
      .catch(async () => assert.fail(`expected ${n} rows in the popup's list, found ${await popup.locator(ROW).count()}`));
  }

  async function closeAll(...pages) {
    for (const p of pages) await p.close();
  }

  step('(a) a page nested 10 000 levels deep: "nested too deeply", nothing saved', async () => {
    const { site, popup, status, code, cardText } = await saveThroughPopup('/deep.html');
    // The page really is that deep in the browser (jsdom cannot even build it).
    const depth = await site.page.evaluate(() => {
      let d = 0;
      for (let n = document.body; n.lastElementChild; n = n.lastElementChild) d++;
      return d;
    });
    assert.ok(depth >= DEPTH, `page depth ${depth}`);
    assert.equal(status, 'failed', `card: ${cardText}`);
    assert.equal(code, 'too-large');
    assert.match(cardText, /too large to read/i, `card states the reason; card:\n${cardText}`);
    assert.match(cardText, /nested too deeply/i, `card says why; card:\n${cardText}`);
    await screenshot(popup, 'hostile-deep');
    await rowsSettleAt(popup, 0);
    await closeAll(popup, site.page);
  });

  step('(a) …and the extension still saves a normal page afterwards', async () => {
    const { site, popup, status, cardText } = await saveThroughPopup('/normal.html');
    assert.equal(status, 'created', `card: ${cardText}`);
    assert.ok(cardText.includes(NORMAL_TITLE), `card shows the title; card:\n${cardText}`);
    assert.ok(cardText.includes('江城日报'), `card shows the source; card:\n${cardText}`);
    await rowsSettleAt(popup, 1);
    await closeAll(popup, site.page);
  });

  step('(b) a 20 MB page: "too large", nothing saved', async () => {
    const { site, popup, status, code, cardText } = await saveThroughPopup('/huge.html');
    const bytes = await site.page.evaluate(() => document.documentElement.outerHTML.length);
    assert.ok(bytes >= 20e6, `page size ${bytes}`);
    assert.equal(status, 'failed', `card: ${cardText}`);
    assert.equal(code, 'too-large');
    assert.match(cardText, /too large to read/i, `card:\n${cardText}`);
    assert.match(cardText, /\d+ M characters/, `card gives the size; card:\n${cardText}`);
    await rowsSettleAt(popup, 1);
    await closeAll(popup, site.page);
  });

  step('(c) a 5 000-character title of quotes and colons: saved whole, the post\'s front matter parses', async () => {
    const { site, popup, status, cardText } = await saveThroughPopup('/quotes.html');
    assert.equal(status, 'created', `card: ${cardText.slice(0, 300)}`);
    await rowsSettleAt(popup, 2);
    const stored = await popup.locator(`${ROW} [data-testid="row-title"]`).first().innerText();
    assert.equal(stored.trim(), QUOTE_TITLE, 'the list shows the whole title');

    await popup.locator(ROW).first().locator('[data-testid="export-md"]').click();
    const file = await waitForFile(h.downloadsDir, (n) => n.startsWith('2023-05-06-') && n.endsWith('.md'), WAIT);
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    const end = lines.indexOf('---', 1);
    assert.ok(lines[0] === '---' && end > 0, `no front matter:\n${text.slice(0, 300)}`);
    const front = parseYaml(lines.slice(1, end).join('\n'));
    assert.equal(front.title, QUOTE_TITLE, 'front matter title, parsed, is the whole title');
    assert.equal(front.date, '2023-05-06 14:20:00 +0800');
    assert.equal(front.tags, '测试日报新闻');
    await closeAll(popup, site.page);
  });

  test('no uncaught errors in the popup', () => {
    assert.deepEqual(pageErrors, []);
  });
});
