// Decides the publication time: page metadata first, then the dates written next to the headline.
import { offsetMinutes, parseMachineDate, isoInOffset } from '../dates';
import { findTextDates, type TextDateOptions } from './text-date';

/** Metadata times: ISO-like strings, then anything Date.parse understands that states its own offset. */
export function parseMetaTime(value: string, opts: TextDateOptions & { zh: boolean }): string | null {
  let iso = parseMachineDate(value, opts.offset);
  // A numeric date that parseMachineDate refused is impossible (2024-02-30): Date.parse would roll it over.
  if (!iso && /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(value)) return null;
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
  /** Texts a site rule points at: trusted before the page's generic metadata. */
  ruleTimes?: string[];
  metaTimes: string[];
  /** Text right after the headline, then right before it. */
  nearHeadline: string[];
  /** The article's own text, a last resort. */
  articleText: string;
  /** The whole page's visible text, read lazily: labelled dates ("发表于 …") far from the headline. */
  pageText?: () => string;
  zh: boolean;
}

export function findPublishedAt(input: PublishTimeInput, opts: TextDateOptions): string | null {
  for (const t of input.ruleTimes ?? []) {
    const hit = parseMetaTime(t, { ...opts, zh: input.zh }) ?? findTextDates(t, opts)[0]?.iso;
    if (hit) return hit;
  }
  const metas = input.metaTimes.map((v) => parseMetaTime(v, { ...opts, zh: input.zh })).filter((v): v is string => !!v);
  const texts = input.nearHeadline.flatMap((t) => findTextDates(t, opts));
  const meta = metas[0];
  const text = texts.find((t) => t.hasTime) ?? texts[0];
  // A metadata date at midnight is often a day stamp; a visible time of the same day is more precise.
  if (meta && text && meta.slice(0, 10) === text.iso.slice(0, 10) && /T00:00:00/.test(meta) && text.hasTime) return text.iso;
  if (meta) return meta;
  if (text) return text.iso;
  const inText = findTextDates(input.articleText.slice(0, 400), opts)[0]?.iso;
  if (inText) return inText;
  if (!input.pageText) return null;
  const page = input.pageText();
  for (const m of page.matchAll(LABELLED)) {
    const hit = findTextDates(page.slice(m.index! + m[0].length, m.index! + m[0].length + 40), opts)[0];
    if (hit && hit.index < 6) return hit.iso;
  }
  return null;
}

// Labels that put a date on the article rather than on the page ("今天是…") or a comment.
const LABELLED = /(?:发表于|发布于|发布时间|发布日期|发表时间|发表日期|更新时间|出版日期|刊登日期|Posted on|Published(?: on)?)\s*[：:]?\s*/gi;
