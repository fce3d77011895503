// Date parsing as a table: machine forms with and without offsets, visible-text forms, relative days.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatJekyllDate, isoFromParts, isoInOffset, offsetMinutes, parseMachineDate } from '../../utils/dates';
import { findTextDates } from '../../utils/extract/text-date';
import { findPublishedAt, parseMetaTime } from '../../utils/extract/publish-time';

const BEIJING = 480;
// 2026-11-27 12:00 in Beijing.
const NOW = new Date('2026-11-27T04:00:00Z');
const opts = { now: NOW, offset: BEIJING };

describe('offsetMinutes', () => {
  it.each([
    ['+08:00', 480], ['+0800', 480], ['-04:00', -240], ['+05:45', 345], ['Z', 0], ['z', 0],
    ['+15:00', null], ['+08:60', null], ['08:00', null], ['', null],
  ])('%s → %s', (input, want) => expect(offsetMinutes(input)).toBe(want));
});

describe('parseMachineDate', () => {
  it.each([
    ['2022-01-09T07:48:06+08:00', '2022-01-09T07:48:06+08:00'],
    ['2022-01-09T07:48:06+0800', '2022-01-09T07:48:06+08:00'],
    ['2022-01-08T23:48:06Z', '2022-01-08T23:48:06+00:00'],
    ['2024-03-15T09:30:00-04:00', '2024-03-15T09:30:00-04:00'],
    ['2022-01-09T07:48:06.123+08:00', '2022-01-09T07:48:06+08:00'],
    ['2022-01-09 07:48:06', '2022-01-09T07:48:06+08:00'],
    ['2022-01-09 07:48', '2022-01-09T07:48:00+08:00'],
    ['2022/1/9 7:48', '2022-01-09T07:48:00+08:00'],
    ['2022.01.09', '2022-01-09T00:00:00+08:00'],
    ['2022-01-09', '2022-01-09T00:00:00+08:00'],
    ['2024-02-29 10:00', '2024-02-29T10:00:00+08:00'],
    ['2024-02-30', null],
    ['2023-02-29', null],
    ['2022-13-01', null],
    ['2022-01-09 24:00', null],
    ['2022-01-09 07:61', null],
    ['yesterday', null],
    ['', null],
  ])('%s → %s', (input, want) => expect(parseMachineDate(input, BEIJING)).toBe(want));
});

describe('parseMetaTime', () => {
  it.each([
    // Chinese pages that write UTC in metadata get Beijing wall-clock time.
    ['2022-01-08T23:48:06Z', true, '2022-01-09T07:48:06+08:00'],
    ['2022-01-08T23:48:06Z', false, '2022-01-08T23:48:06+00:00'],
    ['20220109074806', true, '2022-01-09T07:48:06+08:00'],
    ['20220109', true, '2022-01-09T00:00:00+08:00'],
    ['Sun, 09 Jan 2022 07:48:06 +0800', true, '2022-01-09T07:48:06+08:00'],
    ['Fri, 15 Mar 2024 13:30:00 GMT', false, '2024-03-15T13:30:00+00:00'],
    // Date.parse would read this in the machine's zone: without an offset it is refused.
    ['March 15, 2024', false, null],
    ['2024-02-30T10:00:00+08:00', true, null],
  ])('%s (zh=%s) → %s', (input, zh, want) => expect(parseMetaTime(input, { ...opts, zh })).toBe(want));
});

describe('findTextDates', () => {
  const first = (text: string) => findTextDates(text, opts)[0]?.iso ?? null;
  it.each([
    ['2022-01-09 07:48:06 来源：南昌日报', '2022-01-09T07:48:06+08:00'],
    ['发布时间：2022年1月9日 07:48', '2022-01-09T07:48:00+08:00'],
    ['2022年01月09日07:48', '2022-01-09T07:48:00+08:00'],
    ['2005年03月31日03:18 北京娱乐信报', '2005-03-31T03:18:00+08:00'],
    ['日期：2022/01/09', '2022-01-09T00:00:00+08:00'],
    ['2022.01.09 16:31 来源：河南日报客户端', '2022-01-09T16:31:00+08:00'],
    // news.cn sets year, month/day and time in separate elements.
    ['2019 09/07 19:02:26', '2019-09-07T19:02:26+08:00'],
    ['2022年1月9日 7时48分', '2022-01-09T07:48:00+08:00'],
    // A missing year: this year, or last year when the day is still ahead of now.
    ['10-08 12:00', '2026-10-08T12:00:00+08:00'],
    ['12-25 08:00', '2025-12-25T08:00:00+08:00'],
    ['1月9日 07:48', '2026-01-09T07:48:00+08:00'],
    // Relative days against the clock, in Beijing time.
    ['今天 09:30', '2026-11-27T09:30:00+08:00'],
    ['昨天 09:30', '2026-11-26T09:30:00+08:00'],
    ['前天 23:59', '2026-11-25T23:59:00+08:00'],
    ['3小时前', '2026-11-27T09:00:00+08:00'],
    ['15分钟前', '2026-11-27T11:45:00+08:00'],
    ['2天前', '2026-11-25T12:00:00+08:00'],
    // Not dates.
    ['2024-02-30 10:00', null],
    ['电话 010-12345678', null],
    ['共 2022 人 13 次', null],
  ])('%s → %s', (text, want) => expect(first(text)).toBe(want));

  it('resolves relative days across a month and a year boundary', () => {
    const newYear = { now: new Date('2027-01-01T01:00:00Z'), offset: BEIJING }; // 09:00 on 1 January in Beijing
    expect(findTextDates('昨天 20:15', newYear)[0].iso).toBe('2026-12-31T20:15:00+08:00');
    // 1 January 01:00 UTC is still 31 December in New York.
    expect(findTextDates('今天 08:00', { ...newYear, offset: -300 })[0].iso).toBe('2026-12-31T08:00:00-05:00');
  });

  it('reads a time with no offset in the configured zone', () => {
    expect(findTextDates('2024-03-15 09:30', { now: NOW, offset: -240 })[0].iso).toBe('2024-03-15T09:30:00-04:00');
  });

  it('never throws and yields only real times, whatever the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => {
      for (const d of findTextDates(text, opts)) expect(() => formatJekyllDate(d.iso)).not.toThrow();
    }));
  });
});

describe('findPublishedAt', () => {
  const base = { metaTimes: [], nearHeadline: [], articleText: '', zh: true };
  it('prefers a site rule, then metadata, then the dateline', () => {
    expect(findPublishedAt({ ...base, ruleTimes: ['2019 09/07 19:02:26'], metaTimes: ['2019-09-08'] }, opts)).toBe('2019-09-07T19:02:26+08:00');
    expect(findPublishedAt({ ...base, metaTimes: ['2019-09-08T10:00:00+08:00'], nearHeadline: ['2019-09-07 10:00'] }, opts)).toBe('2019-09-08T10:00:00+08:00');
    expect(findPublishedAt({ ...base, nearHeadline: ['作者：张三 2019-09-07 10:00'] }, opts)).toBe('2019-09-07T10:00:00+08:00');
  });
  it('takes the visible minute when the metadata has only the day', () => {
    expect(findPublishedAt({ ...base, metaTimes: ['2019-09-07'], nearHeadline: ['2019-09-07 10:05'] }, opts)).toBe('2019-09-07T10:05:00+08:00');
  });
  it('falls back to a labelled date anywhere on the page', () => {
    expect(findPublishedAt({ ...base, pageText: () => '正文…… 作者:someone 发表于:2005-07-31 12:30 相关内容' }, opts)).toBe('2005-07-31T12:30:00+08:00');
    expect(findPublishedAt({ ...base, pageText: () => '今天是 2026-11-27 星期五' }, opts)).toBeNull();
  });
});

describe('isoFromParts and isoInOffset', () => {
  it('round-trips any instant through any offset', () => {
    fc.assert(fc.property(
      fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      fc.integer({ min: -12 * 60, max: 14 * 60 }),
      (d, off) => {
        const iso = isoInOffset(d, off);
        expect(Math.floor(new Date(iso).getTime() / 1000)).toBe(Math.floor(d.getTime() / 1000));
      },
    ));
  });
  it('rejects impossible days', () => {
    expect(isoFromParts(2024, 2, 30, 0, 0, 0, BEIJING)).toBeNull();
    expect(isoFromParts(2024, 2, 29, 0, 0, 0, BEIJING)).toBe('2024-02-29T00:00:00+08:00');
  });
});
