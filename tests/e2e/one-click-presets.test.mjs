// The popup's one-click "Export .md" in every preset, in Chromium: pages that quote Liquid, Hugo shortcodes and markup are
// saved, each row's button downloads its post, the file read from disk is what the engine writes, and the real Jekyll or
// Hugo builds it with the quoted text shown as text. (The worker has no DOM: the export runs in the popup page.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, TEST_BUILD_DIR, launchWithExtension, openPopup, openSite, screenshot, serveFolder, waitForFile, dependentSteps } from './harness.mjs';

const WAIT = 20_000;
const PAGES = ['liquid-quoted.html', 'hugo-shortcodes.html', 'markup-as-text.html'];
// What each preset sets on the options page (utils/export/presets.ts).
const PRESETS = {
  'jekyll-news': { bodyFormat: 'html', filenamePattern: '{date}-{id}', generator: 'jekyll' },
  jekyll: { bodyFormat: 'markdown', filenamePattern: '{date}-{id}', generator: 'jekyll' },
  hugo: { bodyFormat: 'markdown', filenamePattern: '{date}-{id}', generator: 'hugo' },
  obsidian: { bodyFormat: 'markdown', filenamePattern: '{title}', generator: null },
  markdown: { bodyFormat: 'markdown', filenamePattern: '{date}-{slug}', generator: null },
};
// Quoted by the pages, to be shown as text on the built site.
const SHOWN = { 'liquid-quoted.html': '{{ site.title }}', 'hugo-shortcodes.html': '{{< youtube', 'markup-as-text.html': '<script>alert(1)</script>' };

function has(command, args = ['--version']) {
  return spawnSync(command, args, { timeout: 10_000 }).status === 0;
}
const tools = { jekyll: has('jekyll'), hugo: has('hugo', ['version']) };
for (const [name, ok] of Object.entries(tools)) {
  if (ok) continue;
  if (process.env.CI) throw new Error(`${name} is missing: apt-get install -y ${name}`);
  console.warn(`one-click-presets: ${name} is missing (apt-get install -y ${name}); its builds are skipped`);
}

/** Builds one downloaded post with the real generator; returns the built page's text (tags removed) or throws with its output. */
function build(generator, file, text) {
  const site = execFileSync('mktemp', ['-d']).toString().trim();
  try {
    if (generator === 'jekyll') {
      execFileSync('mkdir', ['-p', `${site}/_posts`, `${site}/_layouts`]);
      spawnSync('sh', ['-c', `printf 'title: SITE-TITLE-MARKER\\n' > ${site}/_config.yml && printf '<main>{{ content }}</main>' > ${site}/_layouts/post.html`]);
      spawnSync('cp', [file, `${site}/_posts/${path.basename(file)}`]);
      const run = spawnSync('jekyll', ['build', '--source', site, '--destination', `${site}/_site`, '--quiet'], { encoding: 'utf8', timeout: 60_000 });
      if (run.status !== 0) throw new Error(`jekyll build failed: ${run.stderr}${run.stdout}`);
    } else {
      execFileSync('mkdir', ['-p', `${site}/content/posts`, `${site}/layouts/_default`]);
      spawnSync('sh', ['-c', `printf 'baseURL = "http://127.0.0.1/"\\n[markup.goldmark.renderer]\\nunsafe = true\\n' > ${site}/config.toml && printf '<main>{{ .Content }}</main>' > ${site}/layouts/_default/single.html && printf '{{ range .Pages }}{{ .Title }}{{ end }}' > ${site}/layouts/_default/list.html`]);
      spawnSync('cp', [file, `${site}/content/posts/${path.basename(file)}`]);
      const run = spawnSync('hugo', ['--source', site, '--destination', `${site}/public`, '--quiet'], { encoding: 'utf8', timeout: 60_000 });
      if (run.status !== 0) throw new Error(`hugo failed: ${run.stderr}${run.stdout}`);
    }
    // The post's page: the one built file with the layout's <main>, other than the site's front page.
    const pages = spawnSync('grep', ['-rl', '<main>', `${site}/_site`, `${site}/public`], { encoding: 'utf8' }).stdout.split('\n')
      .filter((f) => f && f !== `${site}/_site/index.html` && f !== `${site}/public/index.html`);
    if (pages.length !== 1) throw new Error(`${generator} built ${pages.length} post pages: ${pages.join(', ')}`);
    return spawnSync('cat', [pages[0]], { encoding: 'utf8' }).stdout;
  } finally {
    spawnSync('rm', ['-rf', site]);
  }
}

const decode = (html) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('one-click export in every preset', { timeout: 180_000 }, () => {
  let h;
  let server;
  let pagesDir;
  let tabId;
  const errors = [];
  const step = dependentSteps(test, assert);

  before(async () => {
    pagesDir = await mkdtemp(path.join(tmpdir(), 'jianbao-presets-pages-'));
    for (const p of PAGES) await copyFile(path.join(ROOT, 'tests/sites/pages', p), path.join(pagesDir, p));
    server = await serveFolder(pagesDir);
    h = await launchWithExtension(TEST_BUILD_DIR);
  });

  after(async () => {
    await h?.close();
    await server?.close();
    if (pagesDir) await rm(pagesDir, { recursive: true, force: true });
  });

  step('saves the three pages', async () => {
    for (const p of PAGES) {
      const site = await openSite(h, server, `/${p}`);
      const r = await h.worker.evaluate((id) => globalThis.jianbao.handlers['save-tab']({ tabId: id }), site.tabId);
      assert.equal(r.ok, true, JSON.stringify(r));
      tabId = site.tabId;
    }
  });

  for (const [preset, settings] of Object.entries(PRESETS)) {
    step(`${preset}: each row's Export .md downloads the engine's post, and ${settings.generator ?? 'no generator'} builds it`, async () => {
      await h.worker.evaluate(async ({ preset, settings }) => {
        await chrome.storage.sync.set({ presetSettings: { preset, bodyFormat: settings.bodyFormat, filenamePattern: settings.filenamePattern, slugStyle: 'pinyin' } });
      }, { preset, settings });
      const dump = await h.worker.evaluate(async () => {
        const { library } = globalThis.jianbao;
        const articles = await library.list();
        return { articles, bodies: await Promise.all(articles.map((a) => library.getBody(a.id))) };
      });
      const expected = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/e2e/render-expected.ts')], {
        cwd: ROOT, input: JSON.stringify({ ...dump, preset, now: new Date().toISOString() }),
      }).toString('utf8'));
      const popup = await openPopup(h, tabId, errors);
      await popup.locator('[data-testid="article-row"]').nth(2).waitFor({ timeout: WAIT });
      for (const post of expected) {
        const name = path.basename(post.path);
        const file = path.join(h.downloadsDir, name);
        if (existsSync(file)) await unlink(file);
        await popup.locator(`[data-testid="article-row"][data-id="${post.id}"] [data-testid="export-md"]`).click();
        await waitForFile(h.downloadsDir, name, WAIT);
        const text = await readFile(file, 'utf8');
        assert.equal(text, post.text, `${preset}: ${name} differs from what the engine writes`);
        const body = dump.bodies[dump.articles.findIndex((a) => a.id === post.id)];
        const quoted = Object.values(SHOWN).find((q) => body.text.includes(q));
        assert.ok(quoted, `${preset}: ${name}: the saved article lost the text it quotes`);
        if (settings.generator && tools[settings.generator]) {
          const built = decode(build(settings.generator, file, text));
          assert.ok(!/SITE-TITLE-MARKER/.test(built), `${preset}: ${name}: Liquid ran in the article`);
          // Smart quotes are the site's typography (see tests/sites): compared with straight quotes.
          assert.ok(built.replace(/[\u201c\u201d]/g, '"').includes(quoted), `${preset}: ${name}: the built page does not show ${quoted} as text`);
        }
      }
      await screenshot(popup, `one-click-${preset}`);
      assert.match(await popup.locator('[data-testid="notice"]').innerText(), /\.md/);
      await popup.close();
    });
  }

  test('no uncaught errors in the popup', () => {
    assert.deepEqual(errors, []);
  });
});
