// The export page's job: scopes, the zip target, the folder target (a fake directory handle), exportedAt recorded.
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article, ArticleBody } from '../../utils/types';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import { DEFAULT_PRESET_SETTINGS } from '../../utils/export/presets';
import { folderTarget, parseScope, runExportJob, selectArticles, zipName, zipTarget } from '../../utils/background/export-job';
import { recordedIn } from '../../utils/export/post-names';
import type { LibraryReader } from '../../utils/library-reader';
import { exportHandlers } from '../../utils/background/export-handlers';
import { LibraryError, type Library } from '../../utils/library';
import { loadExportConfig, saveExportConfig } from '../../utils/settings';

const NOW = new Date('2026-11-27T04:00:00Z');
const CONFIG = { ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS };

function article(id: number, fields: Partial<Article> = {}): Article {
  return {
    id, url: `https://news.example.cn/${id}.html`, title: `标题 ${id}`, source: '重庆日报', siteName: null, author: null,
    publishedAt: '2022-01-09T07:48:06+08:00', savedAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
    lang: 'zh', excerpt: null, leadImage: null, siteArticleId: `ID${id}`, tags: [], category: null, contentHash: 'x', exportedAt: null,
    ...fields,
  };
}
const LIBRARY = [article(3), article(1, { exportedAt: '2025-01-01T00:00:00.000Z' }), article(2)];
const bodies = async (ids: number[]): Promise<(ArticleBody | undefined)[]> => ids.map((id) => ({ articleId: id, html: `<p>${id}</p>`, text: `${id}` }));
/** A reader over rows in memory (the real one, over Dexie, is tested in export-reexport.test.ts). */
function reader(rows: Article[]): Pick<LibraryReader, 'getMany' | 'allRows' | 'getBodies' | 'recordedNames'> {
  return {
    getMany: async (ids) => rows.filter((r) => ids.includes(r.id!)),
    allRows: async () => rows,
    getBodies: (ids) => bodies(ids.filter((id) => rows.some((r) => r.id === id))).then((b) => ids.map((id) => b.find((x) => x?.articleId === id))),
    recordedNames: recordedIn(rows),
  };
}

describe('scopes', () => {
  it('reads export.html?scope=…', () => {
    expect(parseScope('?scope=all')).toEqual({ kind: 'all' });
    expect(parseScope('?scope=ids&ids=3,1,x,3')).toEqual({ kind: 'ids', ids: [3, 1] });
    expect(parseScope('?scope=nonsense')).toEqual({ kind: 'new' });
    expect(parseScope('')).toEqual({ kind: 'new' });
  });
  it('selects all, only the new ones (or changed since their export), or the given ids, oldest first', async () => {
    const ids = async (scope: Parameters<typeof selectArticles>[0], rows = LIBRARY) => (await selectArticles(scope, reader(rows))).map((a) => a.id);
    expect(await ids({ kind: 'all' })).toEqual([1, 2, 3]);
    expect(await ids({ kind: 'new' })).toEqual([2, 3]);
    expect(await ids({ kind: 'ids', ids: [3, 9] })).toEqual([3]);
    const edited = [...LIBRARY, article(4, { exportedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-03-01T00:00:00.000Z' })];
    expect(await ids({ kind: 'new' }, edited)).toEqual([2, 3, 4]);
  });
  it('names the zip by the local clock', () => {
    expect(zipName(new Date(2026, 10, 27, 4, 5, 6))).toBe('jianbao-posts-20261127-040506.zip');
  });
});

describe('runExportJob', () => {
  it('zips the new articles, downloads once, records exportedAt for those written only', async () => {
    const downloads: { blob: Blob; name: string }[] = [];
    const marked: (number | string)[][] = [];
    const result = await runExportJob({
      config: CONFIG,
      scope: { kind: 'ids', ids: [2, 3, 7] },
      reader: reader(LIBRARY),
      target: zipTarget(async (blob, name) => void downloads.push({ blob, name }), 'x.zip', NOW),
      markExported: async (ids, names) => void marked.push([...ids, ...[...names.values()].map((n) => n.path)]),
      now: NOW,
    });
    // Id 7 is not in the library: it is not selected at all.
    expect(result.total).toBe(2);
    expect(result.destination).toBe('x.zip');
    expect(result.failed).toEqual([]);
    expect(marked).toEqual([[2, 3, '_posts/2022-01-09-ID2.md', '_posts/2022-01-09-ID3.md']]);
    expect(downloads).toHaveLength(1);
    const files = unzipSync(new Uint8Array(await downloads[0]!.blob.arrayBuffer()));
    expect(Object.keys(files)).toEqual(['_posts/2022-01-09-ID2.md', '_posts/2022-01-09-ID3.md']);
    expect(strFromU8(files['_posts/2022-01-09-ID2.md']!)).toMatch(/^---\nlayout: post\ntitle: "标题 2"\n/);
  });

  it('downloads nothing when there is nothing new', async () => {
    const downloads: string[] = [];
    const result = await runExportJob({
      config: CONFIG, scope: { kind: 'new' }, reader: reader([article(1, { exportedAt: '2025-01-01T00:00:00.000Z' })]),
      target: zipTarget(async (_b, name) => void downloads.push(name), 'x.zip', NOW), markExported: async () => {}, now: NOW,
    });
    expect(result.total).toBe(0);
    expect(downloads).toEqual([]);
  });

  it('refuses a broken template before writing anything', async () => {
    await expect(runExportJob({
      config: { ...CONFIG, customTemplate: '{{#if title}}never closed' }, scope: { kind: 'all' }, reader: reader(LIBRARY), target: zipTarget(async () => {}, 'x.zip', NOW), markExported: async () => {}, now: NOW,
    })).rejects.toThrow(/line 1: .*never closed/);
  });
});

/** Just enough of FileSystemDirectoryHandle for folderTarget: nested folders, files replaced on close. */
function fakeDir(name: string, files = new Map<string, string>()): FileSystemDirectoryHandle & { files: Map<string, string> } {
  const dirs = new Map<string, ReturnType<typeof fakeDir>>();
  return {
    name, files,
    async getDirectoryHandle(sub: string) {
      if (!dirs.has(sub)) dirs.set(sub, fakeDir(`${name}/${sub}`, files));
      return dirs.get(sub)!;
    },
    async getFileHandle(file: string) {
      const path = `${name}/${file}`;
      return {
        async createWritable() {
          let text = '';
          return { async write(t: string) { text += t; }, async close() { files.set(path, text); } };
        },
      };
    },
  } as unknown as FileSystemDirectoryHandle & { files: Map<string, string> };
}

describe('folderTarget', () => {
  it('writes _posts/<file>.md into the folder and overwrites on a second export', async () => {
    const dir = fakeDir('site');
    for (let round = 0; round < 2; round++) {
      const result = await runExportJob({
        config: CONFIG, scope: { kind: 'all' }, reader: reader(LIBRARY),
        target: folderTarget(dir), markExported: async () => {}, now: NOW,
      });
      expect(result.destination).toBe('site');
    }
    expect([...dir.files.keys()].sort()).toEqual(['site/_posts/2022-01-09-ID1.md', 'site/_posts/2022-01-09-ID2.md', 'site/_posts/2022-01-09-ID3.md']);
  });
});

describe('mark-exported handler', () => {
  it('records exportedAt through the library and reports a full disk as quota', async () => {
    const calls: number[][] = [];
    const ok = exportHandlers({ markExported: async (ids: number[]) => (calls.push(ids), ids.length) } as unknown as Library, () => NOW);
    expect(await ok['mark-exported']({ ids: [1, 2] })).toEqual({ ok: true, marked: 2 });
    const full = exportHandlers({ markExported: async () => { throw new LibraryError('quota', { code: 'quota-exported' }, 'full'); } } as unknown as Library, () => NOW);
    expect(await full['mark-exported']({ ids: [1] })).toEqual({ ok: false, code: 'quota', problem: { code: 'quota-exported' }, message: 'full' });
  });
});

describe('settings', () => {
  it('keeps the seed defaults and saves the preset beside the site texts', async () => {
    fakeBrowser.reset();
    expect(await loadExportConfig()).toEqual({ ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS });
    await saveExportConfig({ ...CONFIG, preset: 'hugo', siteHost: 'example.org', customTemplate: 'x {{ title }}' });
    const back = await loadExportConfig();
    expect(back.preset).toBe('hugo');
    expect(back.siteHost).toBe('example.org');
    expect(back.customTemplate).toBe('x {{ title }}');
    expect(back.layout).toBe('post');
  });
});
