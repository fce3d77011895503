// Checks the index and query terms: CJK characters and bigrams, words elsewhere, folding, caps.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TERMS, queryTokens, searchTokens } from '../../utils/search';

describe('searchTokens', () => {
  it('indexes a CJK run as bigrams and its last character', () => {
    expect(searchTokens('青山湖')).toEqual(['青山', '山湖', '湖']);
    expect(searchTokens('湖')).toEqual(['湖']);
  });

  it('folds case and width (NFKC) and keeps words of other scripts', () => {
    const terms = searchTokens('ＡＢＣ Hello, WORLD! Straße ２０２２');
    expect(terms).toEqual(expect.arrayContaining(['abc', 'hello', 'world', 'straße', '2022']));
    expect(terms).not.toContain(',');
  });

  it('splits mixed text into CJK runs and words', () => {
    const terms = searchTokens('杭州West Lake 2022年');
    expect(terms).toEqual(['杭州', '州', 'west', 'lake', '2022', '年']);
  });

  it('does not pair characters across punctuation or lines', () => {
    const terms = searchTokens('青山，湖\n水');
    expect(terms).not.toContain('山湖');
    expect(terms).not.toContain('湖水');
  });

  it('indexes kana and Hangul like Han', () => {
    expect(searchTokens('カメラ')).toContain('メラ');
    expect(searchTokens('서울')).toContain('서울');
  });

  it('deduplicates', () => {
    expect(searchTokens('新闻 新闻 news NEWS')).toEqual(['新闻', '闻', 'news']);
  });

  it('caps the number of terms, keeping the first ones', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    const terms = searchTokens(text);
    expect(terms).toHaveLength(MAX_TERMS);
    expect(terms[0]).toBe('w0');
    expect(searchTokens(text, 3)).toEqual(['w0', 'w1', 'w2']);
  });

  it('clips very long tokens', () => {
    const [term] = searchTokens('x'.repeat(500));
    expect(term).toHaveLength(64);
  });
});

describe('queryTokens', () => {
  it('needs the bigrams of a CJK run; a lone character is a prefix of the terms it starts', () => {
    expect(queryTokens('青山湖')).toEqual([
      { term: '青山', prefix: false },
      { term: '山湖', prefix: false },
    ]);
    expect(queryTokens('湖')).toEqual([{ term: '湖', prefix: true }]);
  });

  it('flags the last word as a prefix while it is being typed', () => {
    expect(queryTokens('West La')).toEqual([
      { term: 'west', prefix: false },
      { term: 'la', prefix: true },
    ]);
    expect(queryTokens('west lake ')).toEqual([
      { term: 'west', prefix: false },
      { term: 'lake', prefix: false },
    ]);
  });

  it('does not flag a word followed by CJK', () => {
    expect(queryTokens('lake 青山')).toEqual([
      { term: 'lake', prefix: false },
      { term: '青山', prefix: false },
    ]);
  });

  it('deduplicates; an exact requirement absorbs the same prefix', () => {
    expect(queryTokens('apple apple')).toEqual([{ term: 'apple', prefix: false }]);
  });

  it('returns nothing for a query without terms', () => {
    expect(queryTokens('')).toEqual([]);
    expect(queryTokens(' ，!? ')).toEqual([]);
  });

  it('matches every substring of an indexed CJK run', () => {
    const han = fc.constantFrom(...'青山湖杭州新闻的是在中国人民日报年月日'.split(''));
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const start = a % chars.length;
        const end = start + 1 + (b % (chars.length - start));
        const indexed = new Set(searchTokens(text));
        for (const t of queryTokens(chars.slice(start, end).join(''))) {
          const hit = t.prefix ? [...indexed].some((x) => x.startsWith(t.term)) : indexed.has(t.term);
          expect(hit).toBe(true);
        }
      }),
    );
  });
});

describe('without Intl.Segmenter', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('splits words on non-letters', async () => {
    // Intl's members are not enumerable: inherit them rather than spread them.
    vi.stubGlobal('Intl', Object.create(Intl, { Segmenter: { value: undefined } }));
    vi.resetModules();
    const search = await import('../../utils/search');
    expect(search.searchTokens('Hello, wide-world 42 杭州')).toEqual(['hello', 'wide', 'world', '42', '杭州', '州']);
    expect(search.queryTokens('wide wor')).toEqual([
      { term: 'wide', prefix: false },
      { term: 'wor', prefix: true },
    ]);
  });
});
