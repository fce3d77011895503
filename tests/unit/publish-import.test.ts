// Import: posts of the site back to library articles; seed-format posts render again byte for byte.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderer } from '../../utils/export/export-post';
import { DEFAULT_EXPORT_CONFIG } from '../../utils/export/export-config';
import { importPost, isImported } from '../../utils/publish/import-post';
import { importPosts } from '../../utils/publish/import-posts';
import { readSitePosts } from '../../utils/publish/read-site-posts';
import { NOW, TOKEN, article, clients, gitServerMissing, post, startGitServer, type GitServer } from './publish-fixtures';

const renderer = createRenderer(DEFAULT_EXPORT_CONFIG);
const options = { settings: DEFAULT_EXPORT_CONFIG, now: NOW, nameKey: renderer.nameKey, verify: renderer };
const here = import.meta.dirname;
const SEED_PATH = '_posts/2022-01-09-NW202201092240969820.md';
const seed = readFileSync(join(here, '../../../shared/spec/seed-post.md'), 'utf8');
const goldenDir = join(here, '../golden/expected');
const golden = readdirSync(goldenDir).filter((f) => f.endsWith('.md')).map((f) => ({ path: `_posts/2023-01-01-${f}`, text: readFileSync(join(goldenDir, f), 'utf8') }));

const FOREIGN = `---
layout: default
title: A post from another tool
date: 2021-05-01 10:00
categories: [news, local]
tags: [harbor, ferry]
author: Someone Else
original_url: https://example.org/news/ferry
permalink: /2021/ferry/
custom: {nested: [1, 2]}
published: true
---
Some *Markdown* body.

[a link](https://example.org)
`;

describe('import of one post', () => {
  it('reads the seed post into an article and renders it again byte for byte', () => {
    const result = importPost(SEED_PATH, seed, options);
    if (!isImported(result)) throw new Error(JSON.stringify(result));
    expect(result.format).toBe('seed');
    expect(result.article).toMatchObject({
      url: 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201092240969820',
      title: '量质双升绘宏图 民生答卷晒幸福 ——青山湖区经济社会发展迈上新台阶',
      source: '南昌日报',
      publishedAt: '2022-01-09T07:48:06+08:00',
      category: null,
      tags: [],
      siteArticleId: 'NW202201092240969820',
      exportName: { key: renderer.nameKey, path: SEED_PATH },
    });
    expect(result.body.html.startsWith('<p>穿行青山湖大地')).toBe(true);
    expect(result.body.text).toContain('本报记者刘冕');
    const again = renderer.render(result.article, { articleId: 1, ...result.body }, NOW);
    expect(again.text).toBe(seed);
    // The name comes back too: the file name's id is the URL's infoCode.
    expect(again.path).toBe(SEED_PATH);
  });

  it('reads a foreign post as far as it goes, never refusing its extra keys', () => {
    const result = importPost('_posts/2021-05-01-ferry.md', FOREIGN, options);
    if (!isImported(result)) throw new Error(JSON.stringify(result));
    expect(result.format).toBe('foreign');
    expect(result.article).toMatchObject({
      url: 'https://example.org/news/ferry', title: 'A post from another tool', author: 'Someone Else',
      publishedAt: '2021-05-01T10:00:00+08:00', category: 'news', tags: ['harbor', 'ferry'], source: null,
    });
    expect(result.extraKeys.sort()).toEqual(['custom', 'permalink']);
    expect(result.body.html).toBe('Some *Markdown* body.\n\n[a link](https://example.org)\n');
  });

  it('a post with no URL anywhere is a problem with a code, a broken front matter still imports', () => {
    expect(importPost('_posts/x.md', '---\ntitle: x\n---\nbody', options)).toEqual({ code: 'no-url', path: '_posts/x.md' });
    const broken = importPost('_posts/2020-01-02-y.md', '---\ntitle: "unclosed\nurl: https://e.org/y\n---\nbody', options);
    expect(isImported(broken) && broken.article.url).toBe('https://e.org/y');
  });
});

describe('import of many posts', () => {
  it('every golden post (our engine from the golden pages) imports losslessly', () => {
    const { posts, problems } = importPosts(golden, options);
    expect(problems).toEqual([]);
    // seed-post.md and eastmoney-share.md are the same article: one is a duplicate.
    expect(posts.length).toBe(golden.length - 1);
    for (const p of posts) expect({ path: p.path, format: p.format, exact: p.exact }).toEqual({ path: p.path, format: 'seed', exact: true });
  });

  it('round-trips rendered posts with hostile titles, sources and bodies', () => {
    const titles = ['带 "引号" 与 \\ 反斜杠', 'yes', ': colon', 'A [bracket] *star* _under_', '  spaced  ', '{{ liquid }} 标题', '#hash'];
    const sources = ['南昌日报', 'The Harbor Ledger', 'A*B [News]', '澎湃新闻', 'x_y'];
    const bodies = ['<p>{{ site.title }} 与 {% raw %}</p>', '', '<p>a</p>\n\n<http://inner.example/x>\n\n<p>b</p>', '<p>&amp; &lt;tag&gt;</p>'];
    const files = [];
    let i = 0;
    for (const title of titles) for (const source of sources) for (const html of bodies) {
      i++;
      const a = article(i, { title, source, url: `https://n.example.cn/a/${i}.html`, siteArticleId: `ID${i}` });
      files.push(renderer.render(a, { articleId: i, html, text: '' }, NOW));
    }
    const { posts, duplicates, problems } = importPosts(files, options);
    expect(problems).toEqual([]);
    expect(duplicates).toEqual([]);
    const inexact = posts.filter((p) => !p.exact).map((p) => p.path);
    expect(inexact).toEqual([]);
    expect(posts.length).toBe(files.length);
  });

  it('dedupes by URL, keeping the first file by path, and skips non-post files', () => {
    const a = post(1);
    const { posts, duplicates } = importPosts([
      { path: a.path.replace(/\.md$/, '-2.md'), text: a.text },
      a,
      { path: '_posts/README.md', text: 'not a post' },
      { path: '_posts/image.png', text: '' },
    ], options);
    expect(posts.map((p) => p.path)).toEqual([a.path]);
    expect(duplicates).toEqual([{ path: a.path.replace(/\.md$/, '-2.md'), url: article(1).url, keptPath: a.path }]);
  });
});

const missing = gitServerMissing();
describe.skipIf(missing !== null)('import from the repository', () => {
  let server: GitServer;
  beforeAll(async () => {
    server = await startGitServer({ token: TOKEN });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reads _posts/ of the branch (a shallow fetch) and imports the seed post byte-exact, the foreign one as far as it goes', async () => {
    server.createBare('archive');
    server.seed('archive', [
      { path: SEED_PATH, text: seed },
      { path: '_posts/2021/2021-05-01-ferry.md', text: FOREIGN },
      { path: 'index.html', text: '<html></html>' },
      { path: '_config.yml', text: 'title: site\n' },
    ]);
    const target = { url: server.url('archive'), branch: 'main', token: TOKEN };
    const read = await readSitePosts(target, clients());
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.posts.map((p) => p.path).sort()).toEqual(['_posts/2021/2021-05-01-ferry.md', SEED_PATH]);
    const { posts } = importPosts(read.posts, options);
    expect(posts.find((p) => p.path === SEED_PATH)).toMatchObject({ format: 'seed', exact: true });
    expect(posts.find((p) => p.path !== SEED_PATH)).toMatchObject({ format: 'foreign', exact: false });

    // An update reads only what changed since: the known blob ids are skipped.
    const known = new Map(read.posts.map((p) => [p.path, p.oid]));
    server.seed('archive', [{ path: '_posts/2023-01-01-new.md', text: post(3).text }], { message: 'another browser' });
    const update = await readSitePosts(target, clients(), { known });
    if (!update.ok) throw new Error('update failed');
    expect(update.posts.map((p) => p.path)).toEqual(['_posts/2023-01-01-new.md']);
    expect(update.unchanged).toBe(2);

    expect(await readSitePosts({ ...target, token: 'bad' }, clients())).toEqual({ ok: false, error: { code: 'auth', status: 401 } });
  });
});
