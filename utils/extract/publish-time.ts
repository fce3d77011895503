// Decides the publication time: page metadata first, then the dates written next to the headline.
import { offsetMinutes, parseMachineDate, isoInOffset, isoFromParts } from '../dates';
import { findTextDates, type TextDate, type TextDateOptions } from './text-date';

/** Metadata times: ISO-like strings, then anything Date.parse understands that states its own offset. */
export function parseMetaTime(value: string, opts: TextDateOptions & { zh: boolean }): string | null {
  let iso = parseMachineDate(value, opts.offset);
  // A numeric date that parseMachineDate refused is impossible (2024-02-30): Date.parse would roll it over.
  if (!iso && /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(value)) return null;
  // Day first with dots ("27.04.2020 18:50"), as German CMSs write their metadata: never month first.
  if (!iso && /^\s*\d{1,2}\.\d{1,2}\.\d{4}/.test(value)) return findTextDates(value.slice(0, 64), opts)[0]?.iso ?? null;
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

// Times written without an offset are read in the configured zone; our users read Chinese news, so Beijing by default.
const DEFAULT_ZONE_MINUTES = 480;

/** Minutes east of UTC for times a page writes without an offset, from the configured zone ("+08:00"). */
export function zoneOffset(timeZone: string | undefined): number {
  return (timeZone === undefined ? null : offsetMinutes(timeZone)) ?? DEFAULT_ZONE_MINUTES;
}

export interface PublishTimeInput {
  /** Texts a site rule points at: trusted before the page's generic metadata. */
  ruleTimes?: string[];
  metaTimes: string[];
  /** Metadata modification times: used only when neither metadata nor the dateline gives a publication time. */
  modifiedTimes?: string[];
  /** Texts around the headline, nearest first: right after it, the headline element itself, right before it. */
  nearHeadline: string[];
  /** The article's own text, a last resort. */
  articleText: string;
  /** The whole page's visible text, read lazily: labelled dates ("发表于 …") far from the headline. */
  pageText?: () => string;
  zh: boolean;
  /** The page's language: how to read "04/05/2022". */
  lang?: string | null;
  /** The page's address: a day in its path (/2017/06/29/) when no metadata gives one. */
  url?: string | null;
}

export function findPublishedAt(input: PublishTimeInput, options: TextDateOptions): string | null {
  const opts: TextDateOptions = { ...options, lang: options.lang ?? input.lang, offset: pageOffset(input, options.offset) };
  for (const t of input.ruleTimes ?? []) {
    const hit = parseMetaTime(t, { ...opts, zh: input.zh }) ?? findTextDates(t.slice(0, 400), opts)[0]?.iso;
    if (hit) return hit;
  }
  const metas = input.metaTimes.map((v) => parseMetaTime(v, { ...opts, zh: input.zh })).filter((v): v is string => !!v);
  const texts = input.nearHeadline.flatMap((t) => findTextDates(t, opts));
  const meta = metas[0];
  // A day in the address (/2021/10/20/) is set when the post is published: it outranks a date the
  // first lines merely mention ("eröffnet am 18. Oktober 2021"); a date of that day elsewhere adds the time.
  const urlDay = input.url ? dayInUrl(input.url, opts.offset) : null;
  const agrees = (iso: string) => !urlDay || iso.slice(0, 10) === urlDay.slice(0, 10);
  const sameDay = texts.filter((t) => agrees(t.iso));
  const text = sameDay.find((t) => t.hasTime) ?? sameDay[0];
  // A metadata date at midnight is often a day stamp; a visible time of the same day is more precise.
  if (meta && text && meta.slice(0, 10) === text.iso.slice(0, 10) && /T00:00:00/.test(meta) && text.hasTime) return text.iso;
  if (meta) return input.zh ? meta : inPageZone(meta, metas, texts);
  const modifieds = (input.modifiedTimes ?? []).map((v) => parseMetaTime(v, { ...opts, zh: input.zh })).filter((v): v is string => !!v && agrees(v));
  // A dateline without a year ("10-08 12:00") takes it from a machine time of the same month and day.
  if (text?.yearGuessed) return modifieds.find((v) => v.slice(5, 10) === text.iso.slice(5, 10)) ?? text.iso;
  if (text) return text.iso;
  if (modifieds[0]) return modifieds[0];
  const inText = findTextDates(input.articleText.slice(0, 400), opts)[0]?.iso;
  if (inText && agrees(inText)) return inText;
  const labelled = labelledDate(input.pageText?.() ?? '', opts);
  if (labelled && agrees(labelled)) return labelled;
  return urlDay;
}

/** The first date the page's text gives right after a label such as "发表于" or "Erschienen am". */
function labelledDate(page: string, opts: TextDateOptions): string | null {
  for (const m of page.matchAll(LABELLED)) {
    const at = m.index! + m[0].length;
    const hit = findTextDates(page.slice(at, at + 40), opts)[0];
    if (hit && hit.index < 6) return hit.iso;
  }
  return null;
}

/**
 * A non-Chinese page that states its own offset somewhere in its metadata ("+02:00") wrote its
 * offset-less times in that zone too; Chinese pages and pages that say nothing keep the configured zone.
 */
function pageOffset(input: PublishTimeInput, configured: number): number {
  if (input.zh) return configured;
  for (const v of [...(input.ruleTimes ?? []), ...input.metaTimes, ...(input.modifiedTimes ?? [])]) {
    const m = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-]\d{2}:?\d{2}|Z)$/.exec(v.trim());
    const off = m ? offsetMinutes(m[1]) : null;
    // +00:00 (a London page, or a site that keeps UTC) is a zone like any other, not "none".
    if (off !== null && (off !== 0 || m![1] !== 'Z')) return off;
  }
  return configured;
}

/**
 * Metadata in UTC ("…Z") is often a serializer's habit, not the page's zone: when the page shows the
 * same instant in its own wall-clock time (another meta with an offset, or the dateline), keep that
 * offset, so the day is the one the page shows (00:04 in Vienna, not 22:04 the day before).
 */
function inPageZone(meta: string, metas: string[], texts: TextDate[]): string {
  if (!/\+00:00$/.test(meta)) return meta;
  const instant = Date.parse(meta);
  const same = metas.find((m) => !/\+00:00$/.test(m) && Math.abs(Date.parse(m) - instant) < 60_000);
  if (same) return same;
  const shown = texts.find((t) => t.hasTime);
  if (!shown) return meta;
  // The dateline's wall clock read as if it were UTC, minus the instant: the page's offset in minutes.
  const diff = Math.round((Date.parse(shown.iso.slice(0, 19) + 'Z') - Math.floor(instant / 60_000) * 60_000) / 60_000);
  if (diff === 0 || diff % 15 !== 0 || Math.abs(diff) > 14 * 60) return meta;
  return isoInOffset(new Date(instant), diff);
}

/** "/2017/06/29/…", "/2017-06-29-…", "/20220124-…": the day a path gives, at midnight in the page's zone. */
export function dayInUrl(url: string, offset: number): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/_.-]|$)/.exec(path)
    ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})(?=[_-])/.exec(path);
  return m ? isoFromParts(+m[1], +m[2], +m[3], 0, 0, 0, offset) : null;
}

// Labels that put a date on the article rather than on the page ("今天是…") or a comment.
// The generic words (Datum, Date) count only with a colon; WordPress footers say "This entry was posted on
// Wednesday, May 19th, 2010" and "Dieser Beitrag wurde am 19. Mai 2010 veröffentlicht".
const LABELLED = /(?<![A-Za-zÀ-ÿ])(?:(?:发表于|发布于|发布时间|发布日期|发表时间|发表日期|更新时间|出版日期|刊登日期|Posted on|Published(?: on)?|Erschienen(?: am)?|Veröffentlicht(?: am)?|Publiziert(?: am)?|Publié le|Publicado (?:el|em)|Postado em|wurde am(?=[^<>]{6,45}?(?:gepostet|veröffentlicht|publiziert)))\s*[：:]?|(?:Datum|Date|Fecha|Data)\s*[：:])\s*(?:[A-Za-zÀ-ÿ]{5,11},\s*)?/gi;
