// Publication times: parse the forms pages use into ISO 8601 with offset, and format them for posts.
import { problem, ProblemError } from './problem';

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** "+08:00" | "+0800" | "Z" → minutes east of UTC; null when not an offset. */
export function offsetMinutes(offset: string): number | null {
  if (offset === 'Z' || offset === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m) return null;
  const mins = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[2]) > 14 || Number(m[3]) > 59) return null;
  return m[1] === '-' ? -mins : mins;
}

/** Minutes east of UTC → "+08:00". */
export function formatOffset(minutes: number, colon = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}${colon ? ':' : ''}${mm}`;
}

/** Wall-clock parts in a given offset → "YYYY-MM-DDTHH:MM:SS+08:00", or null if the parts are not a real time. */
export function isoFromParts(
  y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number,
): string | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || y < 1900 || y > 2200) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null; // e.g. 2024-02-30
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}${formatOffset(offset)}`;
}

/** Instant → wall-clock ISO string in the given offset (minutes east of UTC). */
export function isoInOffset(instant: Date, offset: number): string {
  const t = new Date(instant.getTime() + offset * 60_000);
  return isoFromParts(
    t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(),
    t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), offset,
  )!;
}

/**
 * Machine-readable times (meta, JSON-LD, <time datetime>): ISO 8601 with or without offset,
 * "YYYY-MM-DD HH:MM(:SS)", "YYYY/MM/DD …". A time without offset is read in `defaultOffset`.
 * A date alone is taken as midnight.
 */
export function parseMachineDate(value: string, defaultOffset: number): string | null {
  const v = value.trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(v);
  if (!m) return null;
  const offset = m[7] ? offsetMinutes(m[7].toUpperCase()) : defaultOffset;
  if (offset === null) return null;
  return isoFromParts(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), offset);
}

/** "2022-01-09T07:48:06+08:00" → "2022-01-09 07:48:06 +0800" (Jekyll's date format, own offset kept). */
export function formatJekyllDate(iso: string): string {
  const m = ISO_WITH_OFFSET.exec(iso);
  if (!m) throw new ProblemError(problem('not-iso-time', iso), `not an ISO 8601 time with offset: ${iso}`);
  const off = offsetMinutes(m[7])!;
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} ${formatOffset(off, false)}`;
}

/** The calendar day (YYYY-MM-DD) written in an ISO string, in its own offset. */
export function isoDay(iso: string): string {
  return iso.slice(0, 10);
}
