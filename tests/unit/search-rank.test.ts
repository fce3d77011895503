// Search through the library: Chinese substrings, English prefix and case folding, title hits first.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../../utils/library';
import { at, freshLibrary, page } from './library-fixtures';

let library: Library;
const ids: Record<string, number> = {};

beforeEach(async () => {
  ({ library } = freshLibrary());
  const add = async (key: string, over: Parameters<typeof page>[0], day: number) =>
    (ids[key] = (await library.save(page(over), at(day))).article.id!);
  await add('titleZh', { url: 'https://z/1', title: '南昌地铁三号线开通', text: '市民乘车出行。' }, 1);
  await add('bodyZh', { url: 'https://z/2', title: '城市交通新闻', text: '今天，南昌地铁三号线正式开通运营。' }, 2);
  await add('sourceZh', { url: 'https://z/3', title: '本地要闻', source: '南昌日报', text: '天气晴。' }, 3);
  await add('titleEn', { url: 'https://e/1', title: 'Electric Buses Arrive', source: 'City Daily', author: 'Jane Doe', text: 'The fleet is new.' }, 4);
  await add('bodyEn', { url: 'https://e/2', title: 'Transport roundup', source: 'City Daily', author: null, text: 'Electric buses and trams were discussed.' }, 5);
});

const found = async (q: string) => (await library.search(q, 50)).map((a) => a.id);

describe('library search', () => {
  it('finds a Chinese substring in title and body, the title hit first although saved earlier', async () => {
    expect(await found('地铁三号线')).toEqual([ids.titleZh, ids.bodyZh]);
  });

  it('finds Chinese in the source and the author', async () => {
    expect(await found('南昌日报')).toEqual([ids.sourceZh]);
    expect((await found('王小明')).length).toBe(3);
  });

  it('folds case and matches the last English word as a prefix', async () => {
    expect(await found('ELECTRIC bus')).toEqual([ids.titleEn, ids.bodyEn]);
    expect(await found('electric bus ')).toEqual([]);
    expect(await found('jane')).toEqual([ids.titleEn]);
    expect(await found('city dai')).toEqual([ids.bodyEn, ids.titleEn]);
  });

  it('requires every term and finds nothing for an empty query', async () => {
    expect(await found('南昌 buses')).toEqual([]);
    expect(await found('  ')).toEqual([]);
    expect(await library.search('南昌', 0)).toEqual([]);
  });
});
