// Edit, re-save, bulk tag and delete-with-undo against a fresh fake IndexedDB.
import { beforeEach, describe, expect, it } from 'vitest';
import type { JianbaoDb } from '../../utils/db';
import { UNDO_KEEP, type Library } from '../../utils/library';
import { at, freshLibrary, page } from './library-fixtures';

let db: JianbaoDb;
let library: Library;
beforeEach(() => ({ db, library } = freshLibrary()));

describe('update', () => {
  it('edits fields, records them in `edited`, and re-indexes the title', async () => {
    const { article } = await library.save(page(), at(1));
    const next = await library.update(article.id!, { title: '西湖新貌', tags: ['杭州'], author: '王小明' }, at(2));
    expect(next).toMatchObject({ title: '西湖新貌', tags: ['杭州'], edited: ['title', 'tags'], updatedAt: at(2).toISOString() });
    expect(await library.get(article.id!)).toEqual(next);
    expect((await library.search('西湖', 10)).map((a) => a.id)).toEqual([article.id]);
    expect(await library.search('春来', 10)).toEqual([]);
  });

  it('changes nothing for an unchanged patch or a missing article', async () => {
    const { article } = await library.save(page(), at(1));
    expect(await library.update(article.id!, { title: article.title }, at(2))).toEqual(article);
    expect(await library.update(999, { title: 'x' }, at(2))).toBeUndefined();
  });

  it('keeps edited fields when the page is saved again, and refreshes the others', async () => {
    const { article } = await library.save(page(), at(1));
    await library.update(article.id!, { title: '编辑后的标题', publishedAt: '2022-01-08T10:00:00+08:00' }, at(2));
    const again = await library.save(page({ title: '页面上的新标题', author: '李四', html: '<p>新</p>', text: '新' }), at(3));
    expect(again.status).toBe('updated');
    expect(await library.get(article.id!)).toMatchObject({
      title: '编辑后的标题', publishedAt: '2022-01-08T10:00:00+08:00', author: '李四', edited: ['title', 'publishedAt'],
    });
    expect((await library.search('编辑', 10)).map((a) => a.id)).toEqual([article.id]);
  });
});

describe('tag', () => {
  it('adds and removes tags on many articles and counts the changed ones', async () => {
    const a = (await library.save(page({ url: 'https://a.example/1' }), at(1))).article;
    const b = (await library.save(page({ url: 'https://a.example/2' }), at(1))).article;
    expect(await library.tag([a.id!, b.id!], ['要闻'], [], at(2))).toBe(2);
    expect(await library.tag([a.id!, b.id!], ['要闻'], [], at(2))).toBe(0);
    expect(await library.tag([a.id!], ['经济'], ['要闻'], at(3))).toBe(1);
    expect((await library.get(a.id!))?.tags).toEqual(['经济']);
    expect((await library.get(b.id!))?.tags).toEqual(['要闻']);
    expect(await library.query({ filter: { tag: '要闻' } })).toEqual([b.id]);
  });
});

describe('delete with undo', () => {
  it('deletes several articles with bodies and terms, and undo brings back identical rows', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await library.save(page({ url: `https://a.example/${i}` }), at(i + 1))).article.id!);
    const before = await Promise.all([db.articles.toArray(), db.bodies.toArray(), db.terms.toArray(), db.postings.toArray()]);
    const { deleted, undoToken: token } = await library.removeMany([ids[0]!, ids[2]!], at(9));
    expect(deleted).toBe(2);
    expect(token).toBeTruthy();
    expect(await library.count()).toBe(1);
    expect(await db.bodies.count()).toBe(1);
    expect(await db.terms.count()).toBe(1);
    expect(await library.search('青山', 10)).toHaveLength(1);

    expect(await library.undo(token!)).toBe(2);
    expect(await Promise.all([db.articles.toArray(), db.bodies.toArray(), db.terms.toArray(), db.postings.toArray()])).toEqual(before);
    expect(await library.undo(token!)).toBe(0);
  });

  it('single delete is undoable too; a page saved again meanwhile is not overwritten', async () => {
    const { article } = await library.save(page(), at(1));
    const { undoToken: token } = await library.remove(article.id!, at(2));
    await library.save(page({ title: '重新保存' }), at(3));
    expect(await library.undo(token!)).toBe(0);
    expect((await library.list()).map((a) => a.title)).toEqual(['重新保存']);
  });

  it(`keeps only the last ${UNDO_KEEP} deletions`, async () => {
    const tokens: string[] = [];
    for (let i = 0; i < UNDO_KEEP + 2; i++) {
      const { article } = await library.save(page({ url: `https://a.example/${i}` }), at(1));
      tokens.push((await library.remove(article.id!, at(2 + i))).undoToken!);
    }
    expect(await db.kv.count()).toBe(UNDO_KEEP);
    expect(await library.undo(tokens[0]!)).toBe(0);
    expect(await library.undo(tokens.at(-1)!)).toBe(1);
    expect(await library.removeMany([], at(1))).toEqual({ deleted: 0, undoToken: null });
  });
});
