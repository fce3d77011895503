// Filters and sorting of the library page's id list, and the pure helpers behind them.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../../utils/library';
import { dateRange, intersectOrdered, isFiltering } from '../../utils/library-filter';
import { queryIds, sortRows } from '../../utils/library-query';
import { at, freshLibrary, page } from './library-fixtures';

describe('intersectOrdered', () => {
  it('keeps the order of the list and applies include and exclude sets', () => {
    expect(intersectOrdered([5, 4, 3, 2, 1], [new Set([1, 2, 3, 4]), new Set([2, 4, 9])])).toEqual([4, 2]);
    expect(intersectOrdered([5, 4, 3], [], [new Set([4])])).toEqual([5, 3]);
    expect(intersectOrdered([1, 2], [])).toEqual([1, 2]);
  });
  it('turns a date range into index bounds', () => {
    expect(dateRange(undefined, undefined)).toBeNull();
    expect(dateRange('2022-01-01', '2022-01-31')).toEqual(['2022-01-01', '2022-01-31\uffff']);
    expect(isFiltering({})).toBe(false);
    expect(isFiltering({ exported: 'no' })).toBe(true);
  });
});

describe('library.query', () => {
  let library: Library;
  let a: number, b: number, c: number;
  beforeEach(async () => {
    ({ library } = freshLibrary());
    a = (await library.save(page({ url: 'https://x/a', source: '南昌日报', publishedAt: '2022-03-01T08:00:00+08:00' }), at(1))).article.id!;
    b = (await library.save(page({ url: 'https://x/b', source: '杭州日报', publishedAt: '2021-12-31T08:00:00+08:00' }), at(2))).article.id!;
    c = (await library.save(page({ url: 'https://x/c', source: '南昌日报', publishedAt: null, title: 'English title' }), at(3))).article.id!;
    await library.tag([a, b], ['经济'], [], at(4));
    await library.markExported([b], at(5));
  });

  it('sorts by save time or publication time (undated last)', async () => {
    expect(await library.query({})).toEqual([c, b, a]);
    expect(await library.query({ sort: 'publishedAt' })).toEqual([a, b, c]);
  });

  it('filters by source, tag, date range and export state, combined', async () => {
    expect(await library.query({ filter: { source: '南昌日报' } })).toEqual([c, a]);
    expect(await library.query({ filter: { tag: '经济' } })).toEqual([b, a]);
    expect(await library.query({ filter: { from: '2022-01-01' } })).toEqual([a]);
    expect(await library.query({ filter: { to: '2021-12-31' } })).toEqual([b]);
    expect(await library.query({ filter: { exported: 'yes' } })).toEqual([b]);
    expect(await library.query({ filter: { exported: 'no' } })).toEqual([c, a]);
    expect(await library.query({ filter: { source: '南昌日报', tag: '经济', exported: 'no' } })).toEqual([a]);
  });

  it('applies filters to search results', async () => {
    expect(await library.query({ text: '青山' })).toEqual([b, a, c]); // c has it in the body only
    expect(await library.query({ text: '青山', filter: { source: '杭州日报' } })).toEqual([b]);
    expect(await library.query({ text: 'engl' })).toEqual([c]);
  });

  it('lists sources and tags for the filter menus', async () => {
    expect(await library.facets()).toEqual({ sources: ['南昌日报', '杭州日报'], tags: ['经济'] });
  });
});

describe('filters sorted from their rows', () => {
  it('sortRows orders like the index: newest first, ties by id, no publication time last', () => {
    const row = (id: number, savedAt: string, publishedAt: string | null) => ({ ...page(), id, savedAt, publishedAt, tags: [] }) as never;
    const rows = [row(1, 'b', null), row(2, 'a', '2022'), row(3, 'b', '2021'), row(4, 'c', null), row(5, 'a', '2022')];
    expect(sortRows(rows, 'savedAt')).toEqual([4, 3, 1, 5, 2]);
    expect(sortRows(rows, 'publishedAt')).toEqual([5, 2, 3, 4, 1]);
  });

  it('gives the same ids in the same order as the whole sorted list, for every filter and sort', async () => {
    const { db, library } = freshLibrary('direct-sort');
    const sources = ['南昌日报', '杭州日报', 'Reuters'];
    const ids: number[] = [];
    // Deterministic variety: repeated save days (ties), undated articles, three sources, tags, some exported.
    for (let i = 0; i < 40; i++) {
      const published = i % 5 === 0 ? null : `2022-0${1 + (i % 3)}-${String(10 + (i % 7)).padStart(2, '0')}T08:00:00+08:00`;
      const r = await library.save(page({ url: `https://x/${i}`, source: sources[i % 3], publishedAt: published }), at(1 + (i % 6)));
      ids.push(r.article.id!);
    }
    await library.tag(ids.filter((_, i) => i % 4 === 0), ['经济'], [], at(9));
    await library.markExported(ids.filter((_, i) => i % 3 === 1), at(9));
    const filters = [
      { source: '南昌日报' }, { tag: '经济' }, { from: '2022-02-01' }, { to: '2022-01-31' }, { exported: 'yes' as const },
      { exported: 'no' as const, source: 'Reuters' }, { source: '杭州日报', tag: '经济' }, { from: '2022-01-12', to: '2022-02-14', exported: 'no' as const },
    ];
    for (const filter of filters) {
      for (const sort of ['savedAt', 'publishedAt'] as const) {
        const viaList = await queryIds(db, { filter, sort }, 0);
        const direct = await queryIds(db, { filter, sort }, 1);
        expect(direct, JSON.stringify({ filter, sort })).toEqual(viaList);
        expect(viaList.length).toBeGreaterThan(0);
      }
    }
  });
});
