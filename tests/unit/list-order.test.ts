// The kept list orders (library-query.ts ListOrder): with them a query answers exactly what the indexes answer,
// every write drops them (so no page ever reads a stale order), and a refresh that raced a write keeps nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST_ORDER_KEY, queryIds } from '../../utils/library-query';
import type { LibraryQuery } from '../../utils/library-filter';
import { at, freshLibrary, page } from './library-fixtures';

const QUERIES: LibraryQuery[] = [
  {}, { sort: 'publishedAt' }, { filter: { exported: 'no' } }, { filter: { exported: 'yes' } },
  { filter: { exported: 'no' }, sort: 'publishedAt' }, { filter: { exported: 'yes' }, sort: 'publishedAt' },
  { filter: { source: '甲报' } }, { filter: { source: '甲报', exported: 'no' }, sort: 'publishedAt' },
  { filter: { from: '2022-01-02', to: '2022-01-05' }, sort: 'publishedAt' }, { filter: { tag: 't', exported: 'yes' } },
];

type Op =
  | { kind: 'save'; n: number; day: number; dated: boolean; source: string }
  | { kind: 'edit'; pick: number; day: number }
  | { kind: 'export'; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'tag'; pick: number }
  | { kind: 'refresh' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('save' as const), n: fc.nat(30), day: fc.integer({ min: 1, max: 9 }), dated: fc.boolean(), source: fc.constantFrom('甲报', '乙报') }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('export' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('tag' as const), pick: fc.nat() }),
  fc.constant({ kind: 'refresh' as const }),
);

describe('kept list orders', () => {
  it('answer every query as the indexes do, through any sequence of writes and refreshes', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      const { db, library } = freshLibrary(`list-order-${run++}`);
      let clock = 1;
      const ids = async () => (await db.articles.toCollection().primaryKeys()) as number[];
      let haveOrder = false;
      for (const o of ops) {
        const all = await ids();
        const target = all.length ? all[('pick' in o ? o.pick : 0) % all.length]! : undefined;
        if (o.kind === 'save') {
          await library.save(page({ url: `https://news.example.cn/${o.n}.html`, source: o.source, publishedAt: o.dated ? `2022-01-0${o.day}T08:00:00+08:00` : null }), at(clock++));
        } else if (o.kind === 'refresh') {
          expect(await library.refreshListOrder()).toBe(true);
        } else if (target !== undefined) {
          if (o.kind === 'edit') await library.update(target, { publishedAt: `2022-01-0${o.day}T09:00:00+08:00` }, at(clock++));
          if (o.kind === 'export') await library.markExported([target], at(clock++));
          if (o.kind === 'delete') await library.removeMany([target], at(clock++));
          if (o.kind === 'tag') await library.tag([target], ['t'], [], at(clock++));
        }
        // A write leaves no kept order behind it; only a refresh makes one (nothing to write to: nothing changes).
        if (o.kind === 'refresh') haveOrder = true;
        else if (o.kind === 'save' || target !== undefined) haveOrder = false;
        expect(!!(await db.kv.get(LIST_ORDER_KEY)), o.kind).toBe(haveOrder);
      }
      const kept = await Promise.all(QUERIES.map((q) => queryIds(db, q)));
      await db.kv.delete(LIST_ORDER_KEY);
      const fromIndexes = await Promise.all(QUERIES.map((q) => queryIds(db, q)));
      expect(kept).toEqual(fromIndexes);
      // Both paths of a filter (from its own rows, and from the ordered list) agree too.
      if (await library.refreshListOrder()) expect(await Promise.all(QUERIES.map((q) => queryIds(db, q, 0)))).toEqual(fromIndexes);
    }), { numRuns: 60 });
  });

  it('are read instead of the indexes, and a refresh racing a write keeps nothing', async () => {
    const { db, library } = freshLibrary('list-order-race');
    for (let i = 0; i < 5; i++) await library.save(page({ url: `https://news.example.cn/r${i}.html` }), at(i + 1));
    expect(await library.refreshListOrder()).toBe(true);
    // Proof that the kept value is what answers: a doctored one comes back.
    const value = (await db.kv.get(LIST_ORDER_KEY))!.value as { savedAt: Uint32Array };
    await db.kv.put({ key: LIST_ORDER_KEY, value: { ...value, savedAt: Uint32Array.from([3, 1]) } });
    expect(await library.query({})).toEqual([3, 1]);
    // A write that starts while a refresh reads: the refresh keeps nothing, and the write's own drop stands.
    const refreshing = library.refreshListOrder();
    const saving = library.save(page({ url: 'https://news.example.cn/late.html' }), at(9));
    await Promise.all([refreshing.then((kept) => expect(kept).toBe(false)), saving]);
    expect(await db.kv.get(LIST_ORDER_KEY)).toBeUndefined();
    expect(await library.query({})).toHaveLength(6);
  });
});
