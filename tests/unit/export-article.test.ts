// The popup row's one-article export: the name a batch gives it (clash suffix included), a data: URL download, exportedAt.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../utils/types';
import type { Library } from '../../utils/library';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import { DEFAULT_PRESET_SETTINGS } from '../../utils/export/presets';
import { exportArticle } from '../../utils/background/export-article';

const NOW = new Date('2026-11-27T04:00:00Z');
const row = (id: number): Article => ({
  id, url: `https://x.cn/${id}`, title: `t${id}`, source: '新京报', siteName: null, author: null, publishedAt: '2024-01-02T03:04:05+08:00',
  savedAt: NOW.toISOString(), updatedAt: NOW.toISOString(), lang: 'zh', excerpt: null, leadImage: null, siteArticleId: 'SAME',
  tags: [], category: null, contentHash: 'x', exportedAt: null,
});

function stubLibrary(rows: Article[], marked: number[][]): Library {
  return {
    get: async (id: number) => rows.find((r) => r.id === id),
    getBody: async (id: number) => ({ articleId: id, html: `<p>${id}</p>`, text: `${id}` }),
    list: async () => rows,
    markExported: async (ids: number[]) => (marked.push(ids), ids.length),
  } as unknown as Library;
}

describe('exportArticle', () => {
  it('downloads the post under the batch name and records exportedAt', async () => {
    const downloads: { url: string; filename: string }[] = [];
    const marked: number[][] = [];
    const api = { downloads: { download: async (o: { url: string; filename: string }) => (downloads.push(o), 1) } };
    const out = await exportArticle(api as never, stubLibrary([row(1), row(2)], marked), 2, { ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS }, NOW);
    expect(out).toEqual({ ok: true, filename: '2024-01-02-SAME-2.md' });
    expect(downloads[0]!.filename).toBe('2024-01-02-SAME-2.md');
    expect(decodeURIComponent(downloads[0]!.url.split(',')[1]!)).toMatch(/^---\nlayout: post\ntitle: "t2"\n/);
    expect(marked).toEqual([[2]]);
  });

  it('says why when the template cannot write the post, and downloads nothing', async () => {
    const downloads: unknown[] = [];
    const api = { downloads: { download: async (o: unknown) => (downloads.push(o), 1) } };
    const config = { ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS, customTemplate: '---\ntitle: {{ title }}: x\n---\n' };
    const out = await exportArticle(api as never, stubLibrary([row(1)], []), 1, config, NOW);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/line 2: front matter is not valid YAML/);
    expect(downloads).toEqual([]);
  });
});
