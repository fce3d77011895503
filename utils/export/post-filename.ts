// Post file names: `_posts/<day>-<id or slug>.md`, safe to write on Windows, macOS and Linux.
import { problem, ProblemError } from '../problem';
import type { Article, ExportSettings } from '../types';
import { isoDay, isoInOffset, offsetMinutes } from '../dates';
import { DEFAULT_EXPORT_SETTINGS } from '../settings-defaults';
import { pinyinTokens } from './category-slug';

/** Many file systems (ext4, APFS, NTFS via UTF-16) stop at 255 bytes; leave room for tools' temp suffixes. */
const MAX_NAME_BYTES = 200;
/** A slug is for reading in a URL; past this length it only adds noise. */
const MAX_SLUG_CHARS = 100;
const EXTENSION = '.md';

const ILLEGAL = /[<>:"\/\\|?*\u0000-\u001f\u007f-\u009f]/g;
/** Bidi controls and BOM: invisible, and able to make `evil‮dm.exe` look like something else. */
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Device names Windows refuses as a file's base name, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const encoder = new TextEncoder();
const byteLength = (s: string): number => encoder.encode(s).length;

/** Keeps whole graphemes so that no emoji or combined character is cut in half. */
function truncateToBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const size = byteLength(segment);
    if (used + size > maxBytes) break;
    out += segment;
    used += size;
  }
  return out;
}

function trimEnds(text: string): string {
  return text.replace(/^[\s.-]+|[\s.-]+$/gu, '');
}

/** A text made safe as (part of) a file name on every common OS; may come back empty. */
export function sanitizeFileStem(text: string, maxBytes = MAX_NAME_BYTES): string {
  let stem = text
    .normalize('NFC')
    .replace(/\p{Surrogate}/gu, '')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, '-')
    .replace(ILLEGAL, '')
    .replace(/\.{2,}/g, '.');
  stem = trimEnds(truncateToBytes(stem, maxBytes));
  // Windows treats `CON.txt` like `CON`, so the part before the first dot is what counts.
  const base = stem.split('.')[0] ?? '';
  if (RESERVED.test(base)) stem = trimEnds(truncateToBytes(`${base}_${stem.slice(base.length)}`, maxBytes));
  return stem;
}

export function slugFromWords(words: string[]): string {
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word.slice(0, MAX_SLUG_CHARS);
    if (next.length > MAX_SLUG_CHARS) break;
    slug = next;
  }
  return slug;
}

function lastPathSegment(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const segment = path.split('/').filter((s) => s !== '').pop() ?? '';
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // a malformed escape: keep the raw segment, its ASCII still makes a slug
  }
  return decoded.replace(/\.[a-z0-9]{1,5}$/i, '');
}

/** The publication day in its own offset; an undated article takes the day it was saved in the user's zone. */
export function postDay(article: Pick<Article, 'publishedAt' | 'savedAt'>, timeZone: string): string {
  if (article.publishedAt && /^\d{4}-\d{2}-\d{2}T/.test(article.publishedAt)) return isoDay(article.publishedAt);
  const offset = offsetMinutes(timeZone);
  if (offset === null) throw new ProblemError(problem('tz-not-offset', timeZone), `time zone setting is not an offset like +08:00: ${timeZone}`);
  const saved = new Date(article.savedAt);
  if (Number.isNaN(saved.getTime())) throw new ProblemError(problem('no-date'), `article has neither a publication time nor a valid savedAt: ${article.savedAt}`);
  return isoDay(isoInOffset(saved, offset));
}

/**
 * `_posts/<YYYY-MM-DD>-<name>.md`, where name is the site's own article id, else a pinyin slug of
 * the title, else a slug of the URL's last path segment, else `post`. The file name stays within
 * 200 UTF-8 bytes.
 */
export function postFilename(
  article: Pick<Article, 'publishedAt' | 'savedAt' | 'siteArticleId' | 'title' | 'url'>,
  settings: Pick<ExportSettings, 'timeZone'> = DEFAULT_EXPORT_SETTINGS,
): string {
  const prefix = `${postDay(article, settings.timeZone)}-`;
  const room = MAX_NAME_BYTES - byteLength(prefix) - EXTENSION.length;
  return `_posts/${prefix}${postName(article, room)}${EXTENSION}`;
}

/**
 * The article's own name within `room` bytes: the site's id, else a slug of the title, else of the
 * URL's last path segment, else `post`. `words` turns a text into slug words (pinyin by default).
 */
export function postName(
  article: Pick<Article, 'siteArticleId' | 'title' | 'url'>,
  room: number,
  words: (text: string) => string[] = pinyinTokens,
): string {
  return (
    sanitizeFileStem(article.siteArticleId ?? '', room) ||
    fit(slugFromWords(words(article.title)), room) ||
    fit(slugFromWords(words(lastPathSegment(article.url))), room) ||
    'post'
  );
}

/** Slug words are already safe; only their length may need cutting (Chinese words take 3 bytes a character). */
function fit(slug: string, room: number): string {
  return trimEnds(truncateToBytes(slug, room));
}

export { MAX_NAME_BYTES, EXTENSION, byteLength };
