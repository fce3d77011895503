// Decides the publication time: page metadata first, then the dates written next to the headline.
import { offsetMinutes, parseMachineDate, isoInOffset } from '../dates';
import { findTextDates, type TextDateOptions } from './text-date';

/** Metadata times: ISO-like strings, then anything Date.parse understands that states its own offset. */
export function parseMetaTime(value: string, opts: TextDateOptions & { zh: boolean }): string | null {
  let iso = parseMachineDate(value, opts.offset);
  if (!iso) {
    const explicit = /([+-]\d{2}:?\d{2}|GMT|UTC|Z)\s*$/i.exec(value.trim());
    const ms = Date.parse(value);
    if (Number.isNaN(ms) || !explicit) {
      const digits = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?$/.exec(value.trim());
      return digits ? parseMachineDate(`${digits[1]}-${digits[2]}-${digits[3]} ${digits[4] ?? '00'}:${digits[5] ?? '00'}:${digits[6] ?? '00'}`, opts.offset) : null;
    }
    const off = /^[+-]/.test(explicit[1]) ? offsetMinutes(explicit[1]) ?? 0 : 0;
    iso = isoInOffset(new Date(ms), off);
  }
  // Chinese sites often write UTC in their metadata; the archive wants Beijing wall-clock time.
  if (opts.zh && /(?:Z|[+-]00:00)$/.test(iso) && opts.offset !== 0) iso = isoInOffset(new Date(iso), opts.offset);
  return iso;
}

export interface PublishTimeInput {
  metaTimes: string[];
  /** Text right after the headline, then right before it. */
  nearHeadline: string[];
  /** The article's own text, a last resort. */
  articleText: string;
  zh: boolean;
}

export function findPublishedAt(input: PublishTimeInput, opts: TextDateOptions): string | null {
  const metas = input.metaTimes.map((v) => parseMetaTime(v, { ...opts, zh: input.zh })).filter((v): v is string => !!v);
  const texts = input.nearHeadline.flatMap((t) => findTextDates(t, opts));
  const meta = metas[0];
  const text = texts.find((t) => t.hasTime) ?? texts[0];
  // A metadata date at midnight is often a day stamp; a visible time of the same day is more precise.
  if (meta && text && meta.slice(0, 10) === text.iso.slice(0, 10) && /T00:00:00/.test(meta) && text.hasTime) return text.iso;
  if (meta) return meta;
  if (text) return text.iso;
  return findTextDates(input.articleText.slice(0, 400), opts)[0]?.iso ?? null;
}
