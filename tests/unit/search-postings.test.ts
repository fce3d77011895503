// The sharded posting lists: writes by difference, shards by id, empty rows removed, prefix reads.
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JianbaoDb } from '../../utils/db';
import { SHARD, postingIds, writeTerms } from '../../utils/postings';

describe('postings', () => {
  it('adds, changes and removes an article\'s terms by difference', async () => {
    const db = new JianbaoDb('p', { indexedDB: new IDBFactory(), IDBKeyRange });
    const index = { terms: db.terms, postings: db.postings };
    const far = SHARD * 3 + 5;
    await db.transaction('rw', db.terms, db.postings, async () => {
      await writeTerms(index, [{ articleId: 7, terms: ['青山', 'bank'] }, { articleId: 2, terms: ['青山', 'banker'] }, { articleId: far, terms: ['青山'] }]);
    });
    expect(await postingIds(db.postings, '青山', false)).toEqual([2, 7, far]);
    expect(await db.postings.count()).toBe(4);
    expect((await postingIds(db.postings, 'bank', true)).sort()).toEqual([2, 7]);
    expect(await postingIds(db.postings, 'bank', false)).toEqual([7]);

    await db.transaction('rw', db.terms, db.postings, () => writeTerms(index, [{ articleId: 7, terms: ['湖水', 'bank'] }, { articleId: 2, terms: null }]));
    expect(await postingIds(db.postings, '青山', false)).toEqual([far]);
    expect(await postingIds(db.postings, '湖水', false)).toEqual([7]);
    expect(await postingIds(db.postings, 'banker', false)).toEqual([]);
    expect(await db.terms.get(2)).toBeUndefined();
    expect((await db.terms.get(7))?.terms).toEqual(['湖水', 'bank']);
    // Rows that lost their last id are gone: 青山 (shard 0), banker.
    expect((await db.postings.toArray()).map((r) => `${r.term}/${r.shard}`).sort()).toEqual(['bank/0', '湖水/0', '青山/3']);
  });
});
