// A publication time typed by the user (the save card's correction): the forms people write, read in a zone.
import { formatOffset, offsetMinutes, parseMachineDate } from './dates';

/** What a typed time means: the ISO 8601 stored, the zone it is in, and whether the text named that zone. */
export interface TypedTime {
  iso: string;
  /** Minutes east of UTC. */
  offset: number;
  /** The text carried its own offset (`+0800`, `Z`); else `offset` is the default given. */
  stated: boolean;
}

// After a valid time (parseMachineDate checked the shape), an offset can only be the text's last part.
const OFFSET_AT_END = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `2022-01-09 07:48`, `2022-01-09 07:48:06 +0800`, `2022-01-09T07:48:06+08:00`, `…Z`, `2022/1/9 7:48` (a date alone
 * is midnight) → the time in ISO 8601 with offset; a time without an offset is read in `defaultOffset`. null: no time.
 */
export function readTypedTime(text: string, defaultOffset: number): TypedTime | null {
  const v = text.trim().replace(/\s+/g, ' ');
  if (!v) return null;
  const iso = parseMachineDate(v, defaultOffset);
  if (!iso) return null;
  const m = OFFSET_AT_END.exec(v);
  if (!m) return { iso, offset: defaultOffset, stated: false };
  return { iso, offset: offsetMinutes(m[1]!.toUpperCase())!, stated: true };
}

/**
 * The zone a typed time without an offset is read in: the one the stored time is written in (the page's own
 * zone), else the export setting's (`+08:00`); UTC if that setting is not an offset.
 */
export function defaultTypedOffset(publishedAt: string | null, settingZone: string): number {
  const own = publishedAt ? /(Z|[+-]\d{2}:?\d{2})$/i.exec(publishedAt) : null;
  const fromPage = own ? offsetMinutes(own[1]!.toUpperCase()) : null;
  return fromPage ?? offsetMinutes(settingZone) ?? 0;
}

/** Minutes east of UTC → `UTC+08:00`, `UTC` for zero. */
export function zoneName(offset: number): string {
  return offset === 0 ? 'UTC' : `UTC${formatOffset(offset)}`;
}

/** A stored time as the card's field shows it for editing: `2022-01-09 07:48:06 +08:00` (its own zone, no conversion). */
export function timeForEditing(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}${m[3] ? ` ${m[3].toUpperCase() === 'Z' ? '+00:00' : m[3]}` : ''}`;
}
