// Batch export: stable names with -2/-3 for clashes, a failed article reported without stopping the rest, a valid streamed zip.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import type { Article, ArticleBody } from '../../utils/types';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import { DEFAULT_PRESET_SETTINGS } from '../../utils/export/presets';
import { createRenderer } from '../../utils/export/export-post';
import { legacyPaths, runBatch } from '../../utils/export/batch';
import { planNames, recordedIn } from '../../utils/export/post-names';
import { legacyNames } from '../../utils/export/legacy-names';
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

describe('planNames: the first exported keeps the name', () => {
  const same = (id: number, fields: Partial<Article> = {}) => article(id, { siteArticleId: 'SAME', ...fields });

  it('settles clashes in the order given (save order) when nothing is recorded', async () => {
    const { paths } = await planNames([same(1), same(2), same(3)], renderer, recordedIn([]));
    expect([...paths.values()]).toEqual(['_posts/2022-01-09-SAME.md', '_posts/2022-01-09-SAME-2.md', '_posts/2022-01-09-SAME-3.md']);
  });

  it('never takes a name another article has recorded, in any letter case, and keeps its own recorded one', async () => {
    const holder = same(1, { exportName: { key: 'other settings', path: '_posts/2022-01-09-same.MD' } });
    const kept = same(3, { exportName: { key: renderer.nameKey, path: '_posts/2022-01-09-SAME-2.md' } });
    const { paths } = await planNames([same(2), kept], renderer, recordedIn([holder, kept]));
    expect(paths.get(3)).toBe('_posts/2022-01-09-SAME-2.md');
    expect(paths.get(2)).toBe('_posts/2022-01-09-SAME-3.md');
  });

  it('reuses the recorded name after an edit changed the date, under the same naming settings only', async () => {
    const edited = same(1, { publishedAt: '2022-02-01T08:00:00+08:00', exportName: { key: renderer.nameKey, path: '_posts/2022-01-09-SAME.md' } });
    expect((await planNames([edited], renderer, recordedIn([edited]))).paths.get(1)).toBe('_posts/2022-01-09-SAME.md');
    const hugo = createRenderer({ ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS, preset: 'hugo' });
    const other = createRenderer({ ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS, filenamePattern: '{date}-{slug}' });
    expect(hugo.nameKey).not.toBe(renderer.nameKey); // another folder: another site, another name
    expect((await planNames([edited], other, recordedIn([edited]))).paths.get(1)).toBe('_posts/2022-02-01-biao-ti-1.md');
  });

  it('property: one export never gives two articles the same file, nor one another article holds', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ id: fc.constantFrom('A', 'B', 'a'), kept: fc.boolean(), suffix: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 12 }),
      async (specs) => {
        const rows = specs.map((s, i) => {
          const base = `_posts/2022-01-09-${s.id}${s.suffix ? `-${s.suffix + 1}` : ''}.md`;
          return article(i + 1, { siteArticleId: s.id, ...(s.kept ? { exportName: { key: renderer.nameKey, path: base } } : {}) });
        });
        // Recorded names may clash among themselves only if the data says so: keep the first holder of each.
        const seen = new Set<string>();
        const consistent = rows.map((r) => (r.exportName && seen.has(r.exportName.path.toLowerCase()) ? { ...r, exportName: undefined } : (r.exportName && seen.add(r.exportName.path.toLowerCase()), r)));
        const { paths } = await planNames(consistent, renderer, recordedIn(consistent));
        const lower = [...paths.values()].map((p) => p.toLowerCase());
        expect(new Set(lower).size).toBe(lower.length);
        for (const r of consistent) if (r.exportName) expect(paths.get(r.id!)).toBe(r.exportName.path);
      },
    ), { numRuns: 200 });
  });
});

describe('legacy names (articles exported before names were recorded)', () => {
  it('gives exported articles the names the old whole-library rule gave them, and nothing to the others', () => {
    const lib = [article(1, { siteArticleId: 'SAME' }), article(2, { siteArticleId: 'SAME', exportedAt: '2024-02-01T00:00:00.000Z' })];
    expect(legacyPaths(lib, renderer).get(2)).toBe('_posts/2022-01-09-SAME-2.md');
    expect([...legacyNames(lib, renderer)]).toEqual([[2, { key: renderer.nameKey, path: '_posts/2022-01-09-SAME-2.md' }]]);
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
      articles: [...lib, article(9)],
      recorded: recordedIn(lib),
      renderer: { ...renderer, path: (a) => (a.id === 4 ? bad.path(a) : renderer.path(a)) },
      loadBodies: async (ids) => ids.map((id) => (id === 3 || id === 9 ? undefined : body(id))),
      sink: { write: (path, text) => zip.add(path, text) },
      now: NOW,
      chunkSize: 2,
      onProgress: (p) => progress.push(p.done),
    });
    await zip.end();
    expect(report.written.map((w) => w.path)).toEqual(['_posts/2022-01-09-ID1.md', '_posts/2022-01-09-ID1-2.md', '_posts/2022-01-09-ID5.md']);
    expect(report.failed.map((f) => [f.id, f.reason])).toEqual([
      [3, { code: 'text-freed' }],
      [4, { code: 'tz-not-offset', params: ['Asia/Shanghai'] }],
      [9, { code: 'text-freed' }],
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
