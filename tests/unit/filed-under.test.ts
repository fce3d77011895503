// What the save card says about an article: the category and tag an export files it under, and the fields to check.
import { describe, expect, it } from 'vitest';
import { fieldsToCheck, filedUnder } from '../../utils/filed-under';

const settings = { categoryOverrides: {}, tagSuffix: '新闻' };

describe('filedUnder', () => {
  it('the source, else the site name, else the host', () => {
    expect(filedUnder({ source: '南昌日报', siteName: '某某网', url: 'https://a.example/x' }, settings)).toEqual({ name: '南昌日报', category: 'nanchangribao', tag: '南昌日报新闻' });
    expect(filedUnder({ source: null, siteName: '某某网', url: 'https://a.example/x' }, settings).category).toBe('moumouwang');
    expect(filedUnder({ source: null, siteName: null, url: 'http://127.0.0.1:8080/x' }, settings)).toEqual({ name: '127.0.0.1', category: '127001', tag: '127.0.0.1新闻' });
  });
  it('the user\'s override for the name', () => {
    expect(filedUnder({ source: '南昌日报', siteName: null, url: 'https://a.example/' }, { categoryOverrides: { 南昌日报: 'ncrb' }, tagSuffix: '' }))
      .toEqual({ name: '南昌日报', category: 'ncrb', tag: '南昌日报' });
  });
});

describe('fieldsToCheck', () => {
  it('what the save was unsure of, without what the user corrected', () => {
    const unsure = [{ field: 'source', reason: 'host' }, { field: 'author', reason: 'guessed' }] as const;
    expect([...fieldsToCheck({ source: '127.0.0.1', publishedAt: null, unsure: [...unsure] })]).toEqual([['source', 'host'], ['author', 'guessed']]);
    expect([...fieldsToCheck({ source: '某某晚报', publishedAt: null, unsure: [...unsure], edited: ['source'] })]).toEqual([['author', 'guessed']]);
    expect(fieldsToCheck({ source: 'x', publishedAt: 'y', unsure: [] }).size).toBe(0);
  });
  it('a row without provenance: a missing source or time', () => {
    expect([...fieldsToCheck({ source: null, publishedAt: null })]).toEqual([['source', 'missing'], ['publishedAt', 'missing']]);
    expect(fieldsToCheck({ source: 'a', publishedAt: '2024-05-20T10:00:00+08:00' }).size).toBe(0);
  });
});
