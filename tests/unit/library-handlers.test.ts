// The background's library handlers: answers for the page, quota errors as messages with nothing written.
import { describe, expect, it, vi } from 'vitest';
import { libraryHandlers } from '../../utils/background/library-handlers';
import { at, freshLibrary, page } from './library-fixtures';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('libraryHandlers', () => {
  it('edits, tags, deletes and undoes through the handlers', async () => {
    const { library } = freshLibrary();
    const h = libraryHandlers(library, () => at(5));
    const { article } = await library.save(page(), at(1));
    expect(await h['update-article']({ id: article.id!, patch: { title: '新标题' } })).toMatchObject({ ok: true, article: { title: '新标题', edited: ['title'] } });
    expect(await h['update-article']({ id: 99, patch: { title: 'x' } })).toMatchObject({ ok: false, code: 'error' });
    expect(await h['tag-articles']({ ids: [article.id!], add: ['a'], remove: [] })).toEqual({ ok: true, changed: 1 });
    const del = await h['delete-articles']({ ids: [article.id!] });
    expect(del).toMatchObject({ ok: true });
    expect(await library.count()).toBe(0);
    expect(await h['undo-delete']({ token: (del as { undoToken: string }).undoToken })).toEqual({ ok: true, restored: 1 });
    expect((await library.get(article.id!))?.tags).toEqual(['a']);
  });

  it('reports a full disk as quota and writes nothing of the batch', async () => {
    const { db, library } = freshLibrary();
    const h = libraryHandlers(library, () => at(5));
    const records = (await (async () => {
      const src = freshLibrary('src');
      await src.library.save(page({ url: 'https://a/1' }), at(1));
      await src.library.save(page({ url: 'https://a/2' }), at(1));
      return src.library.readRecords(0, 10);
    })());
    vi.spyOn(db.postings, 'bulkPut').mockRejectedValueOnce(quota());
    const r = await h['restore-batch']({ records });
    expect(r).toMatchObject({ ok: false, code: 'quota' });
    expect((r as { message: string }).message).toMatch(/storage is full/i);
    expect(await db.articles.count()).toBe(0);
    expect(await db.bodies.count()).toBe(0);
    expect(await db.terms.count()).toBe(0);
    expect(await h['restore-batch']({ records })).toEqual({ ok: true, counts: { added: 2, replaced: 0, skipped: 0 } });
  });
});
