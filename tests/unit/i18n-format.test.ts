// Times of our own (saved at) follow the user's language and clock; publication times keep the source's.
import { describe, expect, it } from 'vitest';
import { formatLocalTime, formatPublished } from '../../components/format-time';

describe('formatLocalTime', () => {
  it('writes the moment in the user\'s language and zone', () => {
    expect(formatLocalTime('2026-11-27T12:05:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月27日 20:05');
    expect(formatLocalTime('2026-11-27T12:05:00Z', 'en-US', 'America/New_York')).toBe('Nov 27, 2026, 7:05 AM');
  });

  it('survives a bad language tag and a bad date', () => {
    expect(formatLocalTime('2026-11-27T12:05:00Z', 'not a tag!!', 'UTC')).toMatch(/2026/);
    expect(formatLocalTime('yesterday', 'en')).toBe('yesterday');
    expect(formatLocalTime(null, 'en')).toBe('');
  });
});

describe('formatPublished', () => {
  it('keeps the source\'s wall clock and offset whatever the user\'s zone', () => {
    expect(formatPublished('2022-01-09T07:48:06+08:00')).toBe('2022-01-09 07:48 +08:00');
  });
});
