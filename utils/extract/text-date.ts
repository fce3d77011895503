// Finds a publication time written in visible text: 2022-01-09 07:48:06, 2022年1月9日 07:48, 昨天 09:30, 3小时前.
import { isoFromParts, isoInOffset } from '../dates';

export interface TextDate {
  iso: string;
  /** Where the match starts in the text. */
  index: number;
  /** A time of day was written, not only a day. */
  hasTime: boolean;
}

const TIME = String.raw`(?:\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?`;
// Year first: 2022-01-09, 2022/1/9, 2022.01.09, 2022年1月9日, and split markup such as "2019 09/07".
const FULL = new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})\s*(?:[-/.年]|\s)\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*(?:日|(?!\d))` + TIME, 'g');
// No year: 10-08 12:00, 1月9日 07:48 (a time is required, else too many false hits).
const NO_YEAR = /(?<![\d-/.年])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?\s+(\d{1,2})[:：](\d{2})(?![\d])/g;
const RELATIVE_DAY = /(今天|昨天|前天)\s*(\d{1,2})[:：](\d{2})/g;
const AGO = /(\d{1,3})\s*(分钟|小时|天)前/g;

export interface TextDateOptions {
  now: Date;
  /** Minutes east of UTC used for times written without an offset. */
  offset: number;
}

function wallNow(opts: TextDateOptions) {
  const t = new Date(opts.now.getTime() + opts.offset * 60_000);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function shiftDays(y: number, mo: number, d: number, days: number) {
  const t = new Date(Date.UTC(y, mo - 1, d + days));
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Every date the text states, in the order they appear. */
export function findTextDates(text: string, opts: TextDateOptions): TextDate[] {
  const found: TextDate[] = [];
  for (const m of text.matchAll(FULL)) {
    const iso = isoFromParts(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), opts.offset);
    if (iso) found.push({ iso, index: m.index!, hasTime: m[4] !== undefined });
  }
  const now = wallNow(opts);
  for (const m of text.matchAll(NO_YEAR)) {
    if (found.some((f) => Math.abs(f.index - m.index!) < 6)) continue;
    // A month later than now's means last year's news.
    const year = +m[1] > now.mo || (+m[1] === now.mo && +m[2] > now.d) ? now.y - 1 : now.y;
    const iso = isoFromParts(year, +m[1], +m[2], +m[3], +m[4], 0, opts.offset);
    if (iso) found.push({ iso, index: m.index!, hasTime: true });
  }
  for (const m of text.matchAll(RELATIVE_DAY)) {
    const day = shiftDays(now.y, now.mo, now.d, m[1] === '今天' ? 0 : m[1] === '昨天' ? -1 : -2);
    const iso = isoFromParts(day.y, day.mo, day.d, +m[2], +m[3], 0, opts.offset);
    if (iso) found.push({ iso, index: m.index!, hasTime: true });
  }
  for (const m of text.matchAll(AGO)) {
    const minutes = +m[1] * (m[2] === '分钟' ? 1 : m[2] === '小时' ? 60 : 1440);
    found.push({ iso: isoInOffset(new Date(opts.now.getTime() - minutes * 60_000), opts.offset), index: m.index!, hasTime: m[2] !== '天' });
  }
  return found.sort((a, b) => a.index - b.index);
}
