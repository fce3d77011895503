// Through the real repository: an exported article edited later is exported again under the same file name; a page seen
// through another share link updates its article; naming one file reads the name index, never the whole library.
import { describe, expect, it } from 'vitest';
import { freshLibrary, page, at } from './library-fixtures';
import { runExportJob, selectArticles, type ExportTarget } from '../../utils/background/export-job';
import { renderOne } from '../../utils/export/export-one';
import { DEFAULT_EXPORT_CONFIG } from '../../utils/export/export-config';
import { exportState } from '../../utils/export-state';
import { legacyNames } from '../../utils/export/legacy-names';
import { createRenderer } from '../../utils/export/export-post';
import type { Library } from '../../utils/library';

function memoryTarget(): ExportTarget & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return { files, sink: { write: (path, text) => void files.set(path, text) }, finish: async () => 'memory' };
}

async function exportNew(library: Library, now: Date) {
  const target = memoryTarget();
  const result = await runExportJob({
    config: DEFAULT_EXPORT_CONFIG, scope: { kind: 'new' }, reader: library, target, now,
    markExported: async (ids, names) => void (await library.markExported(ids, now, names)),
  });
  return { result, files: target.files };
}

describe('re-export after an edit', () => {
  it('marks the edited article changed, exports it again, and overwrites the same file even when its date moved', async () => {
    const { library } = freshLibrary();
    const { article } = await library.save(page({ siteArticleId: 'NW1' }), at(1));
    const first = await exportNew(library, at(2));
    expect([...first.files.keys()]).toEqual(['_posts/2022-01-09-NW1.md']);
    expect(exportState((await library.get(article.id!))!)).toBe('exported');
    expect(await selectArticles({ kind: 'new' }, library)).toEqual([]);

    await library.update(article.id!, { title: '青山湖畔春来早（更正）', publishedAt: '2022-01-10T09:00:00+08:00' }, at(3));
    const row = (await library.get(article.id!))!;
    expect(exportState(row)).toBe('changed');
    const second = await exportNew(library, at(4));
    expect([...second.files.keys()]).toEqual(['_posts/2022-01-09-NW1.md']);
    expect(second.files.get('_posts/2022-01-09-NW1.md')).toMatch(/title: "青山湖畔春来早（更正）"\ndate: 2022-01-10 09:00:00 \+0800/);
    expect(exportState((await library.get(article.id!))!)).toBe('exported');
  });

  it('a second article with the same name gets -2 whichever is exported first, and keeps it', async () => {
    const { library } = freshLibrary();
    const a = (await library.save(page({ url: 'https://a.example/1', siteArticleId: 'SAME' }), at(1))).article;
    const b = (await library.save(page({ url: 'https://b.example/1', siteArticleId: 'SAME' }), at(1))).article;
    // The younger one goes first: it takes the plain name, and the older one, exported later, gets -2.
    const one = await renderOne(library, b.id!, DEFAULT_EXPORT_CONFIG, at(2));
    if (!one.ok) throw new Error(one.message);
    await library.markExported([b.id!], at(2), new Map([[b.id!, one.name]]));
    const all = await exportNew(library, at(3));
    expect([...all.files.keys()]).toEqual(['_posts/2022-01-09-SAME-2.md']);
    expect((await library.get(a.id!))!.exportName?.path).toBe('_posts/2022-01-09-SAME-2.md');
    expect((await renderOne(library, b.id!, DEFAULT_EXPORT_CONFIG, at(4))).ok && (await library.get(b.id!))!.exportName?.path).toBe('_posts/2022-01-09-SAME.md');
  });

  it('names one file without reading the whole library', async () => {
    const { library } = freshLibrary();
    const { article } = await library.save(page({ siteArticleId: 'NW1' }), at(1));
    const reader = { ...library, allRows: () => Promise.reject(new Error('read the whole library')), list: () => Promise.reject(new Error('listed')) };
    const r = await renderOne(reader, article.id!, DEFAULT_EXPORT_CONFIG, at(2));
    expect(r.ok && r.post.path).toBe('_posts/2022-01-09-NW1.md');
  });

  it('a page saved again unchanged does not show as changed since its export', async () => {
    const { library } = freshLibrary();
    const { article } = await library.save(page(), at(1));
    await exportNew(library, at(2));
    await library.save(page(), at(3));
    expect(exportState((await library.get(article.id!))!)).toBe('exported');
    await library.save(page({ html: '<p>更正后的正文</p>', text: '更正后的正文' }), at(4));
    expect(exportState((await library.get(article.id!))!)).toBe('changed');
  });

  it('records the old names of articles exported before names were recorded, once', async () => {
    const { library, db } = freshLibrary();
    const a = (await library.save(page({ url: 'https://a.example/1', siteArticleId: 'SAME' }), at(1))).article;
    const b = (await library.save(page({ url: 'https://b.example/1', siteArticleId: 'SAME' }), at(1))).article;
    await db.articles.update(b.id!, { exportedAt: at(2).toISOString() }); // as version 0.1 left it: no name
    const renderer = createRenderer(DEFAULT_EXPORT_CONFIG);
    expect(await library.recordLegacyNames((rows) => legacyNames(rows, renderer))).toBe(1);
    expect((await library.get(b.id!))!.exportName?.path).toBe('_posts/2022-01-09-SAME-2.md');
    expect(await library.recordLegacyNames(() => { throw new Error('ran twice'); })).toBe(0);
    // So the never-exported older article cannot take that file over.
    const all = await exportNew(library, at(3));
    expect((await library.get(a.id!))!.exportName?.path).toBe('_posts/2022-01-09-SAME.md');
    expect([...all.files.keys()]).toEqual(['_posts/2022-01-09-SAME.md']);
  });
});

describe('one article, one row', () => {
  it('a page without canonical seen through another link updates the article with its site id, on the same site only', async () => {
    const { library } = freshLibrary();
    const first = await library.save(page({ url: 'https://finance.example.cn/a/202201.html', siteArticleId: '202201' }), at(1));
    const again = await library.save(page({ url: 'https://finance.example.cn/a/202201.html?page=2', siteArticleId: '202201', title: '新标题' }), at(2));
    expect(again).toMatchObject({ status: 'updated', matched: 'site-id' });
    expect(again.article.id).toBe(first.article.id);
    expect(again.article.url).toBe('https://finance.example.cn/a/202201.html');
    expect(again.article.title).toBe('新标题');
    const mobile = await library.save(page({ url: 'https://m.finance.example.cn/a/202201.html', siteArticleId: '202201' }), at(3));
    expect(mobile.matched).toBe('site-id');
    const otherSite = await library.save(page({ url: 'https://other.example.org/a/202201.html', siteArticleId: '202201' }), at(4));
    expect(otherSite.status).toBe('created');
    expect(await library.count()).toBe(2);
    expect((await library.save(page({ url: 'https://other.example.org/a/202201.html', siteArticleId: '202201' }), at(5))).matched).toBe('url');
  });
});
