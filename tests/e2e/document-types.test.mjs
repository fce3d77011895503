// Pages that are not plain news pages, in Chromium against the test build (`npm run build:test` first):
// a PDF at a URL without .pdf gets the PDF message, a text/plain file is saved with a title, an article
// inside a same-origin iframe is saved, and the reader loads none of an article's 50 remote images
// (served from a second port that counts its requests) until "load images" is clicked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PAGES_DIR, TEST_BUILD_DIR, launchWithExtension, screenshot, tabIdFor, dependentSteps } from './harness.mjs';

const WAIT = 10_000;

/** A one-page PDF written by hand, its xref offsets computed. */
function tinyPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = 'BT /F1 18 Tf 20 60 Td (Jianbao PDF test) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Serves `routes` (path → [type, body]) on 127.0.0.1; counts the requests it answers. */
async function serve(routes) {
  const hits = [];
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.push(pathname);
    const route = typeof routes === 'function' ? routes(pathname) : routes[pathname];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const [type, body] = route;
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, hits, close: () => new Promise((r) => server.close(() => r())) };
}

// A GIF of one pixel, for the image server.
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const PICTURES_TITLE = '五十张图片的测试报道';

describe('documents that are not plain news pages', { timeout: 90_000 }, () => {
  let h, site, images;
  const pageErrors = [];

  before(async () => {
    images = await serve((p) => (p.startsWith('/img/') ? ['image/gif', GIF] : null));
    const seed = await readFile(path.join(PAGES_DIR, 'eastmoney-share.html'));
    const para = '青山湖区今年的经济社会发展迈上新台阶，各项民生工程稳步推进，群众的获得感、幸福感、安全感不断增强。';
    const pictures = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${PICTURES_TITLE}</title></head><body><article><h1>${PICTURES_TITLE}</h1>`
      + Array.from({ length: 50 }, (_, i) => `<p>第${i + 1}段。${para}</p><figure><img src="${'ORIGIN'}/img/${i}.gif" width="400" height="300" alt="图${i + 1}"></figure>`).join('')
      + '</article></body></html>';
    site = await serve({
      '/docs/report': ['application/pdf', tinyPdf()],
      '/notes/readme': ['text/plain; charset=utf-8', '关于公布2025年度项目名单的通知\n\n各有关单位：经研究，现将名单公布如下。\n\n特此通知。\n'],
      '/wrap.html': ['text/html; charset=utf-8', '<!doctype html><html><head><meta charset="utf-8"><title>门户</title></head><body><nav><a href="/">首页</a> <a href="/b">新闻</a></nav><iframe src="/inner/article.html" width="800" height="600"></iframe></body></html>'],
      '/inner/article.html': ['text/html; charset=utf-8', seed],
      '/pictures.html': ['text/html; charset=utf-8', pictures.replaceAll('ORIGIN', images.origin)],
    });
    h = await launchWithExtension(TEST_BUILD_DIR);
  });

  after(async () => {
    await h?.close();
    await site?.close();
    await images?.close();
  });

  const step = dependentSteps(test, assert);
  const saveTab = (tabId) => h.worker.evaluate((id) => globalThis.jianbao.handlers['save-tab']({ tabId: id }), tabId);
  async function open(p) {
    const page = await h.context.newPage();
    const url = site.origin + p;
    await page.goto(url, { waitUntil: 'load' }).catch(() => {}); // a PDF's viewer may not fire load as a page does
    return { page, url, tabId: await tabIdFor(h.worker, url) };
  }

  step('(1) a PDF at a URL without .pdf gets the PDF message', async () => {
    const { page, tabId } = await open('/docs/report');
    await page.waitForTimeout(500);
    const outcome = await saveTab(tabId);
    assert.equal(outcome.ok, false);
    assert.equal(outcome.code, 'pdf', JSON.stringify(outcome));
    await page.close();
  });

  step('(2) a text/plain file is saved with its first line as title', async () => {
    const { page, tabId } = await open('/notes/readme');
    const outcome = await saveTab(tabId);
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.equal(outcome.article.title, '关于公布2025年度项目名单的通知');
    await page.close();
  });

  step('(3) an article in a same-origin iframe is saved', async () => {
    const { page, tabId } = await open('/wrap.html');
    await page.frames()[1]?.waitForLoadState('load');
    const outcome = await saveTab(tabId);
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.match(outcome.article.title, /青山湖区/);
    assert.equal(outcome.article.url, `${site.origin}/inner/article.html`);
    await page.close();
  });

  step('(4) the reader requests none of 50 remote images until asked', async () => {
    const { page, tabId } = await open('/pictures.html');
    const outcome = await saveTab(tabId);
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    await page.close();
    const lib = await h.context.newPage();
    lib.on('pageerror', (err) => pageErrors.push(err.message));
    await lib.goto(`chrome-extension://${h.extensionId}/library.html`);
    await lib.locator('[data-testid="lib-search"]').fill(PICTURES_TITLE);
    await lib.waitForFunction(() => document.querySelector('[data-testid="lib-list"]')?.getAttribute('data-count') === '1', null, { timeout: WAIT });
    images.hits.length = 0;
    await lib.locator('[data-testid="lib-open"]').first().click();
    await lib.locator('[data-testid="lib-reader"]').waitFor({ timeout: WAIT });
    await lib.locator('[data-testid="lib-images-held"]').waitFor({ timeout: WAIT });
    await lib.waitForTimeout(1500);
    assert.equal(images.hits.length, 0, `requests before the click: ${images.hits.slice(0, 5).join(', ')}`);
    assert.match(await lib.locator('[data-testid="lib-images-held"]').innerText(), /50/);
    await screenshot(lib, 'reader-images-held');
    await lib.locator('[data-testid="lib-load-images"]').click();
    await lib.waitForFunction(() => [...document.querySelectorAll('.lib-body img')].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: WAIT });
    assert.equal(new Set(images.hits).size, 50, `after the click: ${images.hits.length} requests`);
    assert.equal(await lib.locator('[data-testid="lib-images-held"]').count(), 0);
    assert.deepEqual(pageErrors, []);
    await lib.close();
  });
});
