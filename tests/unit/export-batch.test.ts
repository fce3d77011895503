// Batch export: stable names with -2/-3 for clashes, a failed article reported without stopping the rest, a valid streamed zip.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import type { Article, ArticleBody } from '../../utils/types';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import { DEFAULT_PRESET_SETTINGS } from '../../utils/export/presets';
import { createRenderer } from '../../utils/export/export-post';
import { planPaths, runBatch } from '../../utils/export/batch';
import { createZipWriter } from '../../utils/export/zip';
import { dedupePaths, patternFilename } from '../../utils/export/filename-pattern';
import { postFilename } from '../../utils/export/post-filename';

const NOW = new Date('2026-11-27T04:00:00Z');

function article(id: number, fields: Partial<Article> = {}): Article {
  return {
    id, url: `https://news.example.cn/${id}.html`, title: `标题 ${id}`, source: '南昌日报', siteName: null, author: null,
    publishedAt: '2022-01-09T07:48:06+08:00', savedAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
    lang: 'zh', excerpt: null, leadImage: null, siteArticleId: `ID${id}`, tags: [], category: null, contentHash: 'x', exportedAt: null,
    ...fields,
  };
}
const body = (id: number): ArticleBody => ({ articleId: id, html: `<p>正文 ${id}</p>`, text: `正文 ${id}` });
const renderer = createRenderer({ ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS });

describe('dedupePaths', () => {
  it('gives clashes -2, -3 in order, also across letter case', () => {
    expect(dedupePaths(['_posts/a.md', '_posts/a.md', '_posts/b.md', '_posts/A.md'])).toEqual(['_posts/a.md', '_posts/a-2.md', '_posts/b.md', '_posts/A-3.md']);
  });

  it('property: every path unique and within 200 bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('x', 'y', '重'.repeat(64), 'a'.repeat(197)), { maxLength: 40 }), (names) => {
        const out = dedupePaths(names.map((n) => `_posts/${n}.md`));
        expect(new Set(out.map((p) => p.toLowerCase())).size).toBe(out.length);
        for (const p of out) expect(new TextEncoder().encode(p.slice(7)).length).toBeLessThanOrEqual(200);
      }),
    );
  });
});

describe('patternFilename', () => {
  it('property: the default pattern names every article as postFilename does', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), (title, id) => {
        const a = article(1, { title, siteArticleId: id });
        expect(`_posts/${patternFilename(a, '{date}-{id}', '+08:00')}`).toBe(postFilename(a));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps Chinese slugs when asked, and caps long titles at 200 bytes', () => {
    const a = article(1, { siteArticleId: null, title: '重庆轨道交通 新线' });
    expect(patternFilename(a, '{date}-{slug}', '+08:00', 'chinese')).toBe('2022-01-09-重庆轨道交通-新线.md');
    expect(patternFilename(a, '{date}-{slug}', '+08:00', 'pinyin')).toBe('2022-01-09-chong-qing-gui-dao-jiao-tong-xin-xian.md');
    const long = patternFilename({ ...a, title: '长'.repeat(300) }, '{title}', '+08:00');
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(200);
    expect(long).toMatch(/^长+\.md$/);
  });

  it('refuses unknown parts and a pattern without parts', () => {
    expect(() => patternFilename(article(1), '{date}-{nope}', '+08:00')).toThrow(/\{nope\}/);
    expect(() => patternFilename(article(1), 'fixed', '+08:00')).toThrow(/same name/);
  });
});

describe('planPaths', () => {
  it('settles clashes by save order, so a subset gets the names the whole library gets', () => {
    const lib = [article(3, { siteArticleId: 'SAME' }), article(1, { siteArticleId: 'SAME' }), article(2, { siteArticleId: 'SAME' })];
    const { paths } = planPaths(lib, renderer);
    expect(paths.get(1)).toBe('_posts/2022-01-09-SAME.md');
    expect(paths.get(2)).toBe('_posts/2022-01-09-SAME-2.md');
    expect(paths.get(3)).toBe('_posts/2022-01-09-SAME-3.md');
  });
});

describe('runBatch into a zip', () => {
  it('writes every post under its path, reports the failed one and goes on', async () => {
    const lib = [article(1), article(2, { siteArticleId: 'ID1' }), article(3), article(4, { publishedAt: null }), article(5)];
    const chunks: Uint8Array[] = [];
    const zip = createZipWriter((c) => chunks.push(c), NOW);
    const progress: number[] = [];
    const bad = createRenderer({ ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS, timeZone: 'Asia/Shanghai' });
    const report = await runBatch({
      library: lib,
      ids: [1, 2, 3, 4, 5, 9],
      renderer: { ...renderer, path: (a) => (a.id === 4 ? bad.path(a) : renderer.path(a)) },
      loadBodies: async (ids) => ids.map((id) => (id === 3 || id === 9 ? undefined : body(id))),
      sink: { write: (path, text) => zip.add(path, text) },
      now: NOW,
      chunkSize: 2,
      onProgress: (p) => progress.push(p.done),
    });
    await zip.end();
    expect(report.written.map((w) => w.path)).toEqual(['_posts/2022-01-09-ID1.md', '_posts/2022-01-09-ID1-2.md', '_posts/2022-01-09-ID5.md']);
    expect(report.failed.map((f) => [f.id, f.reason.split(':')[0]])).toEqual([
      [3, 'no longer in the library'],
      [4, 'time zone setting is not an offset like +08'],
      [9, 'no longer in the library'],
    ]);
    expect(progress).toEqual([2, 4, 6]);

    const total = chunks.reduce((n, c) => n + c.length, 0);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.length; }
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(report.written.map((w) => w.path));
    expect(strFromU8(files['_posts/2022-01-09-ID5.md']!)).toBe(renderer.render(lib[4]!, body(5), NOW).text);
  });

  it('keeps Chinese file names readable (UTF-8 flag)', async () => {
    const chunks: Uint8Array[] = [];
    const zip = createZipWriter((c) => chunks.push(c), NOW);
    zip.add('Jianbao/重庆.md', '中文');
    await zip.end();
    const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(strFromU8(files['Jianbao/重庆.md']!)).toBe('中文');
  });
});
