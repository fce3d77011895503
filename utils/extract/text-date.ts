// Finds a publication time written in visible text: 2022-01-09 07:48:06, 2022年1月9日 07:48, 昨天 09:30, 3小时前,
// 15.09.2009, 15. September 2009, Sept. 3, 2019, le 15 septembre 2009, 04 de mayo 2022, 12:00 a. m.
import { isoFromParts, isoInOffset } from '../dates';

export interface TextDate {
  iso: string;
  /** Where the match starts in the text. */
  index: number;
  /** A time of day was written, not only a day. */
  hasTime: boolean;
  /** The year was guessed from the clock ("10-08 12:00"), not written. */
  yearGuessed?: boolean;
}

const TIME = String.raw`(?:\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?`;
// Year first: 2022-01-09, 2022/1/9, 2022.01.09, 2022年1月9日, and split markup such as "2019 09/07".
// (Never two optional space runs side by side: a long blank run after a year would cost quadratic time.)
const FULL = new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})(?:\s*[-/.年]\s*|\s+)(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*(?:日|(?!\d))` + TIME, 'g');
// No year: 10-08 12:00, 1月9日 07:48 (a time is required, else too many false hits).
const NO_YEAR = /(?<![\d-/.年])(\d{1,2})\s*[-/月]\s*(\d{1,2})(?:\s*日)?\s+(\d{1,2})[:：](\d{2})(?![\d])/g;
const RELATIVE_DAY = /(今天|昨天|前天)\s*(\d{1,2})[:：](\d{2})/g;
const AGO = /(\d{1,3})\s*(分钟|小时|天)前/g;

// Month names as European and American pages write them, full and in their unambiguous short forms
// (Polish in the genitive its dates use; short forms that are also words, such as "ago" or "set", left out).
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'gennaio', 'januari', 'stycznia'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fev', 'febrero', 'fevereiro', 'febbraio', 'februari', 'lutego'],
  ['march', 'mar', 'märz', 'maerz', 'mär', 'mars', 'marzo', 'março', 'marco', 'maart', 'marca'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwietnia'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mei', 'maja'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'junho', 'giugno', 'czerwca'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'julho', 'luglio', 'lipca'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'augustus', 'sierpnia'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'setembro', 'settembre', 'września', 'wrzesnia'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'outubro', 'ottobre', 'października', 'pazdziernika'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dezembro', 'dicembre', 'grudnia'],
];
const MONTH_OF = new Map(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const MONTH = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
// A time after a day: ", 23:39", " um 23:03 Uhr", " 12.09 Uhr", " - 2:00 a. m.", " @ 10:42 am", " à 14h30".
// One run of spaces on each side of the separator, never two in a row: no backtracking on long blank runs.
const CLOCK = String.raw`(?:\s*(?:(?:,|um|à|a las|às|as|at|@|-|–|—|\|)\s*)?(\d{1,2})(?::|h(?=\d)|\.(?=\d{2}\s*Uhr))(\d{2})(?::(\d{2}))?\s*(?:Uhr\s*)?([ap]\.?\s?m\.?(?![\p{L}]))?)?`;
// 15. September 2009, 6 May 2022, le 1er janvier 2020, 04 de mayo 2022, 3 de março de 2021.
const DAY_MONTH = new RegExp(String.raw`(?<![\d\p{L}.])(\d{1,2})(?:\.|er|st|nd|rd|th|º)?\s*(?:de\s+)?${MONTH}(?![\p{L}]),?\s*(?:de\s+|del\s+)?((?:19|20)\d{2})(?!\d)` + CLOCK, 'giu');
// September 15, 2009; Sept. 3, 2019; December 29th 2019; Mar 12, 2020 @ 10:42 am.
const MONTH_DAY = new RegExp(String.raw`(?<![\p{L}])${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})(?!\d)` + CLOCK, 'giu');
// Day first with a four-digit year: 15.09.2009, 04/05/2022 05:49, 20.10.2021 - 10:24, 07.11.2023, 07:30 Uhr.
const NUMERIC_DMY = new RegExp(String.raw`(?<![\d.:/])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?!\d|\.\d)` + CLOCK, 'giu');
// A two-digit year only with both day and month padded and dots: 31.10.23 (never 1.2.3 or 10.5.17).
const SHORT_DMY = /(?<![\d.:/])(\d{2})\.(\d{2})\.(\d{2})(?!\d|\.\d)/g;

export interface TextDateOptions {
  now: Date;
  /** Minutes east of UTC used for times written without an offset. */
  offset: number;
  /** The page's language: "04/05/2022" is 5 April on an American (or Chinese) page, 4 May elsewhere. */
  lang?: string | null;
}

function wallNow(opts: TextDateOptions) {
  const t = new Date(opts.now.getTime() + opts.offset * 60_000);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function shiftDays(y: number, mo: number, d: number, days: number) {
  const t = new Date(Date.UTC(y, mo - 1, d + days));
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 12-hour clocks: "12:00 a. m." is midnight, "2:00 p.m." is 14:00. */
function hour24(h: number, meridiem: string | undefined): number {
  if (!meridiem) return h;
  const pm = /^p/i.test(meridiem);
  if (h > 12) return h;
  return pm ? (h % 12) + 12 : h % 12;
}

const monthFirstLangs = /^(en-us|en$|zh|ja|ko)/i;

/** Every date the text states, in the order they appear. */
export function findTextDates(text: string, opts: TextDateOptions): TextDate[] {
  const found: TextDate[] = [];
  const spans: [number, number][] = [];
  // Patterns overlap ("2021 12:00" inside "20.10.2021 12:00"): the first reading of a stretch of text wins.
  const add = (m: RegExpMatchArray, iso: string | null, hasTime: boolean, yearGuessed = false) => {
    const start = m.index!, end = start + m[0].length;
    if (!iso || spans.some(([s, e]) => start < e && end > s)) return;
    spans.push([start, end]);
    found.push(yearGuessed ? { iso, index: start, hasTime, yearGuessed } : { iso, index: start, hasTime });
  };
  // Every form holds a digit: most text nodes near a headline hold none.
  if (!/\d/.test(text)) return found;
  const clock = (m: RegExpMatchArray, at: number) =>
    m[at] === undefined ? [0, 0, 0] : [hour24(+m[at], m[at + 3]), +m[at + 1], +(m[at + 2] ?? 0)];
  // European forms go first: "19.10.2019 12.09" or "19. Mai 2010 12.05" must not read as 2019-12-09, 2010-12-05.
  const monthFirst = monthFirstLangs.test(opts.lang ?? 'en');
  // The forms with a four-digit year are the costly ones (month names): skip them when no year is written.
  const years = /(?:19|20)\d{2}/.test(text);
  for (const m of years ? text.matchAll(NUMERIC_DMY) : []) {
    let [d, mo] = [+m[1], +m[3]];
    // Dots are always day first; slashes on American (and Chinese) pages month first, unless the day says otherwise.
    if (m[2] === '/' && monthFirst && d <= 12) [d, mo] = [mo, d];
    else if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    const [h, mi, s] = clock(m, 5);
    add(m, isoFromParts(+m[4], mo, d, h, mi, s, opts.offset), m[5] !== undefined);
  }
  for (const m of years ? text.matchAll(DAY_MONTH) : []) {
    const [h, mi, s] = clock(m, 4);
    add(m, isoFromParts(+m[3], MONTH_OF.get(m[2].toLowerCase())!, +m[1], h, mi, s, opts.offset), m[4] !== undefined);
  }
  for (const m of years ? text.matchAll(MONTH_DAY) : []) {
    const [h, mi, s] = clock(m, 4);
    add(m, isoFromParts(+m[3], MONTH_OF.get(m[1].toLowerCase())!, +m[2], h, mi, s, opts.offset), m[4] !== undefined);
  }
  for (const m of years ? text.matchAll(FULL) : []) {
    add(m, isoFromParts(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), opts.offset), m[4] !== undefined);
  }
  const now = wallNow(opts);
  for (const m of text.matchAll(NO_YEAR)) {
    if (found.some((f) => Math.abs(f.index - m.index!) < 6)) continue;
    // A month later than now's means last year's news.
    const year = +m[1] > now.mo || (+m[1] === now.mo && +m[2] > now.d) ? now.y - 1 : now.y;
    add(m, isoFromParts(year, +m[1], +m[2], +m[3], +m[4], 0, opts.offset), true, true);
  }
  for (const m of text.matchAll(RELATIVE_DAY)) {
    const day = shiftDays(now.y, now.mo, now.d, m[1] === '今天' ? 0 : m[1] === '昨天' ? -1 : -2);
    add(m, isoFromParts(day.y, day.mo, day.d, +m[2], +m[3], 0, opts.offset), true);
  }
  for (const m of text.matchAll(AGO)) {
    const minutes = +m[1] * (m[2] === '分钟' ? 1 : m[2] === '小时' ? 60 : 1440);
    add(m, isoInOffset(new Date(opts.now.getTime() - minutes * 60_000), opts.offset), m[2] !== '天');
  }
  for (const m of text.matchAll(SHORT_DMY)) add(m, isoFromParts(2000 + +m[3], +m[2], +m[1], 0, 0, 0, opts.offset), false);
  return found.sort((a, b) => a.index - b.index);
}
