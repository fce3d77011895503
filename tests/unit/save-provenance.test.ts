// How each field was found reaches the stored row (the save card reads it from the save's answer), is refreshed by
// a new save of the page, and a field the user corrected is no longer one to check.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../../utils/library';
import { fieldsToCheck } from '../../utils/filed-under';
import { at, freshLibrary, page } from './library-fixtures';

let library: Library;
beforeEach(() => ({ library } = freshLibrary()));

describe('found and unsure on the saved row', () => {
  it('are stored by a save, refreshed by the next, and settled by an edit', async () => {
    const found = { title: 'label', source: 'none', author: 'none', publishedAt: 'label' } as const;
    const { article } = await library.save(page({ source: null, found: { ...found }, unsure: [{ field: 'source', reason: 'missing' }] }), at(1));
    expect(article).toMatchObject({ found, unsure: [{ field: 'source', reason: 'missing' }] });
    expect([...fieldsToCheck(article)]).toEqual([['source', 'missing']]);

    const next = await library.update(article.id!, { source: '某某晚报' }, at(2));
    expect(fieldsToCheck(next!).size).toBe(0);
    // The page again, still without a source: the correction stays, and the card has nothing to mark.
    const again = await library.save(page({ source: null, found: { ...found }, unsure: [{ field: 'source', reason: 'missing' }] }), at(3));
    expect(again.article).toMatchObject({ source: '某某晚报', edited: ['source'] });
    expect(fieldsToCheck(again.article).size).toBe(0);

    // A later save that is sure of everything clears the list.
    const sure = await library.save(page({ source: '某某晚报', found: { ...found, source: 'label' } }), at(4));
    expect(sure.article.unsure).toEqual([]);
  });

  it('a caller that does not say (no `found`) leaves the row without them', async () => {
    const { article } = await library.save(page(), at(1));
    expect(article).not.toHaveProperty('found');
    expect(article).not.toHaveProperty('unsure');
  });
});
