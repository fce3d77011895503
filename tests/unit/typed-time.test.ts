// The save card's time field: the forms a user types, the zone each is read in, and how a stored time is shown.
import { describe, expect, it } from 'vitest';
import { defaultTypedOffset, readTypedTime, timeForEditing, zoneName } from '../../utils/typed-time';

describe('readTypedTime', () => {
  it('a minute without a zone is read in the default zone', () => {
    expect(readTypedTime('2022-01-09 07:48', 480)).toEqual({ iso: '2022-01-09T07:48:00+08:00', offset: 480, stated: false });
    expect(readTypedTime('  2022-01-09   07:48 ', -300)).toEqual({ iso: '2022-01-09T07:48:00-05:00', offset: -300, stated: false });
  });
  it('the post format with its own offset keeps that offset', () => {
    expect(readTypedTime('2022-01-09 07:48:06 +0800', 0)).toEqual({ iso: '2022-01-09T07:48:06+08:00', offset: 480, stated: true });
    expect(readTypedTime('2022-01-09 07:48:06 -0330', 480)).toEqual({ iso: '2022-01-09T07:48:06-03:30', offset: -210, stated: true });
  });
  it('ISO 8601 with an offset, with Z, and without', () => {
    expect(readTypedTime('2022-01-09T07:48:06+08:00', 0)?.iso).toBe('2022-01-09T07:48:06+08:00');
    expect(readTypedTime('2022-01-08T23:48:06Z', 480)).toEqual({ iso: '2022-01-08T23:48:06+00:00', offset: 0, stated: true });
    expect(readTypedTime('2022-01-09T07:48:06.123+09:00', 0)?.iso).toBe('2022-01-09T07:48:06+09:00');
    expect(readTypedTime('2022-01-09T07:48', 540)).toEqual({ iso: '2022-01-09T07:48:00+09:00', offset: 540, stated: false });
  });
  it('slashes, single digits, a date alone', () => {
    expect(readTypedTime('2022/1/9 7:48', 480)?.iso).toBe('2022-01-09T07:48:00+08:00');
    expect(readTypedTime('2022-01-09', 480)).toEqual({ iso: '2022-01-09T00:00:00+08:00', offset: 480, stated: false });
  });
  it('not a time: null', () => {
    for (const bad of ['', '   ', 'yesterday', '2022-13-01 07:48', '2022-02-30', '2022-01-09 25:00', '2022-01-09 07:48 +2500', '09/01/2022']) {
      expect(readTypedTime(bad, 480), bad).toBeNull();
    }
  });
});

describe('defaultTypedOffset', () => {
  it('the stored time\'s own zone first, else the setting, else UTC', () => {
    expect(defaultTypedOffset('2024-05-20T10:00:00+09:00', '+08:00')).toBe(540);
    expect(defaultTypedOffset('2024-05-20T10:00:00Z', '+08:00')).toBe(0);
    expect(defaultTypedOffset(null, '+08:00')).toBe(480);
    expect(defaultTypedOffset(null, '-0500')).toBe(-300);
    expect(defaultTypedOffset(null, 'Asia/Shanghai')).toBe(0);
  });
});

describe('zoneName and timeForEditing', () => {
  it('names zones', () => {
    expect(zoneName(480)).toBe('UTC+08:00');
    expect(zoneName(-210)).toBe('UTC-03:30');
    expect(zoneName(0)).toBe('UTC');
  });
  it('shows a stored time in its own zone, and reads back to the same time', () => {
    expect(timeForEditing('2022-01-09T07:48:06+08:00')).toBe('2022-01-09 07:48:06 +08:00');
    expect(timeForEditing('2022-01-08T23:48:06Z')).toBe('2022-01-08 23:48:06 +00:00');
    expect(timeForEditing(null)).toBe('');
    for (const iso of ['2022-01-09T07:48:06+08:00', '2024-05-20T10:00:00-05:00']) {
      expect(readTypedTime(timeForEditing(iso), 0)?.iso).toBe(iso);
    }
  });
});
