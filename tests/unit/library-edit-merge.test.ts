// Edits that merge, not overwrite: a form opened on an older version sends only what the user changed,
// with the values it started from; what another tab changed meanwhile survives or is reported.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Library, UpdateBase } from '../../utils/library';
import { libraryHandlers } from '../../utils/background/library-handlers';
import { at, freshLibrary, page } from './library-fixtures';

let library: Library;
beforeEach(() => ({ library } = freshLibrary()));

describe('update from an edit form opened on an older version', () => {
  it('a stale form changing the title does not wipe tags added since', async () => {
    const { article } = await library.save(page(), at(1));
    const base: UpdateBase = { updatedAt: article.updatedAt, values: { title: article.title } };
    await library.tag([article.id!], ['杭州'], [], at(2)); // the other tab
    const r = await library.update(article.id!, { title: '西湖新貌' }, at(3), base);
    expect(r).toMatchObject({ status: 'updated', article: { title: '西湖新貌', tags: ['杭州'], updatedAt: at(3).toISOString() } });
    const now = await library.get(article.id!);
    expect(now).toMatchObject({ title: '西湖新貌', tags: ['杭州'] });
    expect(now!.edited!.sort()).toEqual(['tags', 'title']); // tags: edited by the other tab, not by this form
    expect((await library.search('西湖', 10)).map((a) => a.id)).toEqual([article.id]);
  });

  it('`edited` lists only the fields really changed', async () => {
    const { article } = await library.save(page(), at(1));
    const r = await library.update(article.id!, { title: '西湖新貌', author: article.author }, at(2),
      { updatedAt: article.updatedAt, values: { title: article.title, author: article.author } });
    expect(r.status).toBe('updated');
    expect((await library.get(article.id!))!.edited).toEqual(['title']);
    const same = await library.update(article.id!, { source: article.source }, at(3), { values: { source: article.source } });
    expect(same).toMatchObject({ status: 'unchanged' });
    expect((await library.get(article.id!))!.updatedAt).toBe(at(2).toISOString());
  });

  it('a conflicting title edit is reported with the value now, not applied, and nothing else is written', async () => {
    const { article } = await library.save(page(), at(1));
    const base: UpdateBase = { updatedAt: article.updatedAt, values: { title: article.title, author: article.author } };
    await library.update(article.id!, { title: '另一个标签页的标题' }, at(2)); // the other tab
    const r = await library.update(article.id!, { title: '我的标题', author: '李四' }, at(3), base);
    expect(r).toMatchObject({ status: 'conflict', conflicts: [{ field: 'title', theirs: '另一个标签页的标题' }] });
    expect(await library.get(article.id!)).toMatchObject({ title: '另一个标签页的标题', author: '王小明', edited: ['title'], updatedAt: at(2).toISOString() });
    // Keep mine: sent again from their value, it is applied.
    const again = await library.update(article.id!, { title: '我的标题', author: '李四' }, at(4),
      { values: { title: '另一个标签页的标题', author: article.author } });
    expect(again).toMatchObject({ status: 'updated', article: { title: '我的标题', author: '李四' } });
  });

  it('the same change made in both tabs is no conflict', async () => {
    const { article } = await library.save(page(), at(1));
    await library.update(article.id!, { title: '同一个标题' }, at(2));
    const r = await library.update(article.id!, { title: '同一个标题' }, at(3), { values: { title: article.title } });
    expect(r).toMatchObject({ status: 'unchanged' });
  });

  it('tags merge: the form adds and removes its own, the other tab\'s stay', async () => {
    const { article } = await library.save(page(), at(1));
    await library.tag([article.id!], ['a', 'b'], [], at(2));
    const base: UpdateBase = { values: { tags: ['a', 'b'] } };
    await library.tag([article.id!], ['c'], [], at(3)); // the other tab
    const r = await library.update(article.id!, { tags: ['b', 'd'] }, at(4), base);
    expect(r).toMatchObject({ status: 'updated', article: { tags: ['b', 'c', 'd'] } });
  });

  it('an article deleted meanwhile comes back as missing', async () => {
    const { article } = await library.save(page(), at(1));
    await library.removeMany([article.id!], at(2));
    expect(await library.update(article.id!, { title: 'x' }, at(3), { values: { title: article.title } })).toEqual({ status: 'missing' });
  });

  it('the background handler answers with conflicts or missing when given a base', async () => {
    const h = libraryHandlers(library, () => at(5));
    const { article } = await library.save(page(), at(1));
    await library.tag([article.id!], ['杭州'], [], at(2));
    const ok = await h['update-article']({ id: article.id!, patch: { title: '新标题' }, base: { updatedAt: article.updatedAt, values: { title: article.title } } });
    expect(ok).toMatchObject({ ok: true, article: { title: '新标题', tags: ['杭州'] } });
    expect(ok).not.toHaveProperty('conflicts');
    const conflict = await h['update-article']({ id: article.id!, patch: { title: '旧表单' }, base: { values: { title: article.title } } });
    expect(conflict).toMatchObject({ ok: true, conflicts: [{ field: 'title', theirs: '新标题' }] });
    expect(await h['update-article']({ id: 999, patch: { title: 'x' }, base: { values: { title: 'y' } } })).toEqual({ ok: true, missing: true });
  });
});
