// Category slugs: toneless pinyin of the source, polyphones read by word, overrides first.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categorySlug, pinyinTokens } from '../../utils/export/category-slug';

describe('categorySlug', () => {
  it.each([
    ['南昌日报', 'nanchangribao'],
    // Polyphones that only a word-level reading gets right.
    ['重庆日报', 'chongqingribao'],
    ['长沙晚报', 'changshawanbao'],
    ['长江商报', 'changjiangshangbao'],
    ['中国建设银行', 'zhongguojiansheyinhang'],
    ['行业观察', 'hangyeguancha'],
    ['厦门日报', 'xiamenribao'],
    ['朝阳区', 'chaoyangqu'],
    ['都市快报', 'dushikuaibao'],
    ['解放军报', 'jiefangjunbao'],
    // ü is written v, as URLs have it.
    ['绿色时报', 'lvseshibao'],
    ['蘋果日報', 'pinguoribao'],
  ])('%s → %s', (source, slug) => {
    expect(categorySlug(source, {})).toBe(slug);
  });

  it.each([
    ['21世纪经济报道', '21shijijingjibaodao'],
    ['财新Caixin', 'caixincaixin'],
    ['ＡＢＣ日报', 'abcribao'],
    ['Café 报', 'cafebao'],
    ['人民网-人民日报', 'renminwangrenminribao'],
    ['  南昌日报  ', 'nanchangribao'],
  ])('keeps ASCII letters and digits of %j, lower-cased', (source, slug) => {
    expect(categorySlug(source, {})).toBe(slug);
  });

  it.each(['', '   ', '…—', 'バ', '🗞️'])('falls back to news for %j', (source) => {
    expect(categorySlug(source, {})).toBe('news');
  });

  it('uses an override before pinyin', () => {
    expect(categorySlug('乐清日报', { 乐清日报: 'yueqingribao' })).toBe('yueqingribao');
    expect(categorySlug('南昌日报', { 重庆日报: 'cq' })).toBe('nanchangribao');
  });

  it('ignores an empty override and keeps an override one word', () => {
    expect(categorySlug('南昌日报', { 南昌日报: '  ' })).toBe('nanchangribao');
    expect(categorySlug('南昌日报', { 南昌日报: 'nan chang' })).toBe('nan-chang');
  });

  it('does not read inherited properties as overrides', () => {
    expect(categorySlug('constructor', {})).toBe('constructor');
    expect(categorySlug('toString', {})).toBe('tostring');
  });

  it('always gives a non-empty [a-z0-9] slug without an override', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (source) => {
        expect(categorySlug(source, {})).toMatch(/^[a-z0-9]+$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('pinyinTokens', () => {
  it('splits into lower-case ASCII words', () => {
    expect(pinyinTokens('量质双升绘宏图 iPhone15')).toEqual(['liang', 'zhi', 'shuang', 'sheng', 'hui', 'hong', 'tu', 'iphone15']);
  });
});
