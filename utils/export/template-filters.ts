// The template filters: YAML-safe values, dates in their own offsets, slugs, pinyin, truncation.
import { problem, ProblemError } from '../problem';
import { formatJekyllDate } from '../dates';
import { pinyinTokens } from './category-slug';
import { doubleQuoted, plain, renderFrontMatter, type FrontMatterValue } from './front-matter';
import { escapeMarkdownText } from './markdown-text';

export type TemplateValue = string | number | boolean | null | undefined | readonly string[];
export type FilterFn = (value: TemplateValue, args: string[]) => TemplateValue;

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** A value as YAML after `key: `, written by the yaml library (front-matter.ts) so it reads back as itself. */
export function yamlScalarSlow(value: FrontMatterValue): string {
  return renderFrontMatter([['k', value]]).slice(3);
}

/*
 * Fast paths for the common values, which the yaml library would write the same way (a property test in
 * tests/unit/template-filters.test.ts holds them to that): a double-quoted string with nothing to escape but " and \, and a
 * bare string that starts with a letter and holds only Latin or Chinese letters, inner single spaces and - _ . (no digits) —
 * neither a YAML 1.1 boolean/null word nor anything a reader could take for a number, date or syntax.
 */
const QUOTABLE = /^[\u0020\u0021\u0023-\u005b\u005d-\u007e\u00a1-\u00ff\u2010-\u2027\u3000-\u9fff\uff01-\uffef]*$/;
const BARE = /^\p{L}[\p{L}\p{N}_.-]*(?: [\p{L}\p{N}_.-]+)*$/u;
const BARE_CHARS = /^[\u0041-\u005a\u0061-\u007a\u002d\u002e\u005f\u0020\u3400-\u9fff]*$/;
const YAML_WORDS = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
// An http(s) URL with no space, `#`, `:` after the scheme, quote or flow indicator: plain in either schema, and
// no YAML type's pattern (number, date, boolean, null) matches a string starting `http`.
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9._~/?&=%+-]+$/;
// The dates the presets write bare (jekyll_date, ISO 8601): the 1.2 core schema, which `plain` uses, has no timestamps.
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2} [+-]\d{4}|T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))$/;

function bareString(value: string): boolean {
  return (BARE.test(value) && BARE_CHARS.test(value) && !YAML_WORDS.test(value)) || PLAIN_URL.test(value);
}

const cache = new Map<string, string>();
function memo(key: string, make: () => string): string {
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = make();
    if (cache.size > 10_000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

function yamlScalar(value: FrontMatterValue): string {
  if (typeof value === 'string') {
    if (bareString(value)) return value;
    return memo(`s${value}`, () => yamlScalarSlow(value));
  }
  if (Array.isArray(value)) {
    // A flow list of bare strings is `[a, b]` (flowCollectionPadding off); others as the library writes them.
    if (value.every((item) => typeof item === 'string' && item !== '' && bareString(item) && !PLAIN_URL.test(item))) return `[${value.join(', ')}]`;
    return memo(`a${JSON.stringify(value)}`, () => yamlScalarSlow(value));
  }
  if (value !== null && typeof value === 'object') {
    const styled = value as { value: string; style: string };
    if (styled.style === 'double-quoted' && QUOTABLE.test(styled.value.replace(/["\\]/g, ''))) return `"${styled.value.replace(/["\\]/g, '\\$&')}"`;
    if (styled.style === 'plain' && PLAIN_DATE.test(styled.value)) return styled.value;
    return memo(`${styled.style[0]}${styled.value}`, () => yamlScalarSlow(value));
  }
  return yamlScalarSlow(value);
}

function asText(value: TemplateValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * Formats an ISO 8601 time in its own offset. Tokens: YYYY MM DD HH mm ss, ZZ (+0800), Z (+08:00);
 * anything in [brackets] is literal.
 */
export function formatDate(iso: string, pattern: string): string {
  const m = ISO.exec(iso);
  if (!m) throw new ProblemError(problem('not-iso-time', iso), `not an ISO 8601 time with offset: ${iso}`);
  const off = m[7] === 'Z' ? '+00:00' : m[7]!.length === 5 ? `${m[7]!.slice(0, 3)}:${m[7]!.slice(3)}` : m[7]!;
  const parts: Record<string, string> = {
    YYYY: m[1]!, MM: m[2]!, DD: m[3]!, HH: m[4]!, mm: m[5]!, ss: m[6]!, ZZ: off.replace(':', ''), Z: off,
  };
  return pattern.replace(/\[([^\]]*)\]|YYYY|MM|DD|HH|mm|ss|ZZ|Z/g, (tok, literal: string | undefined) => literal ?? parts[tok]!);
}

/** Lower-case pinyin words joined by hyphens; Chinese kept as it is when `keepChinese`. */
export function slugify(text: string, keepChinese = false): string {
  if (keepChinese) {
    return text
      .normalize('NFKC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .join('-');
  }
  return pinyinTokens(text).join('-');
}

function intArg(args: string[], i: number, name: string): number {
  const n = Number(args[i]);
  if (!Number.isInteger(n) || n < 0) throw new ProblemError(problem('filter-needs-number', name, JSON.stringify(args[i] ?? '')), `${name} needs a whole number, got ${JSON.stringify(args[i])}`);
  return n;
}

export const FILTERS: Record<string, FilterFn> = {
  /** A YAML value: quoted when bare text would not read back as this string under YAML 1.1 or 1.2. */
  yaml: (v) => (Array.isArray(v) ? yamlScalar(v) : v === null || v === undefined ? 'null' : typeof v === 'string' ? yamlScalar(v) : yamlScalar(v)),
  /** A YAML string always in double quotes (the seed's title). */
  yaml_quoted: (v) => yamlScalar(doubleQuoted(asText(v))),
  /** A YAML string left bare where YAML 1.2 reads it back unchanged (the seed's date). */
  yaml_plain: (v) => yamlScalar(plain(asText(v))),
  /** `2022-01-09 07:48:06 +0800`, Jekyll's date, in the time's own offset. */
  jekyll_date: (v) => (v ? formatJekyllDate(asText(v)) : ''),
  date: (v, args) => (v ? formatDate(asText(v), args[0] ?? 'YYYY-MM-DD') : ''),
  slug: (v) => slugify(asText(v)),
  slug_zh: (v) => slugify(asText(v), true),
  pinyin: (v) => pinyinTokens(asText(v)).join(''),
  truncate: (v, args) => {
    const max = intArg(args, 0, 'truncate');
    const chars = Array.from(asText(v));
    return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}${args[1] ?? '…'}`;
  },
  default: (v, args) => (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? (args[0] ?? '') : v),
  upper: (v) => asText(v).toUpperCase(),
  lower: (v) => asText(v).toLowerCase(),
  trim: (v) => asText(v).trim(),
  join: (v, args) => (Array.isArray(v) ? v.join(args[0] ?? ', ') : asText(v)),
  /** Page text as Markdown text: nothing in it becomes emphasis, a link, a heading or HTML. */
  md_escape: (v) => escapeMarkdownText(asText(v)),
  /** One URL path segment, with ( and ) escaped too so a Markdown link cannot end early. */
  url_segment: (v) => urlSegment(asText(v)),
  /** `<url>` with no raw `>` or space to end it early; a URL that is not http(s) stays text, never a link. */
  autolink: (v) => autolink(asText(v)),
  /** A Markdown `> ` quote, each line. */
  quote: (v) => asText(v).split('\n').map((l) => `> ${l}`).join('\n'),
  json: (v) => JSON.stringify(v ?? null),
  /** The value as it is, even in the post's Markdown: only for text the user wrote (a template's own setting). */
  raw: (v) => v,
};

/**
 * What a filter's output is in the post's Markdown (template.ts): `markup` makes markup (or text already escaped),
 * `wraps-text` puts text inside its own markup and so gets that text escaped first; others keep what came in.
 */
export const FILTER_KINDS: Record<string, 'markup' | 'wraps-text' | undefined> = {
  md_escape: 'markup',
  url_segment: 'markup',
  autolink: 'markup',
  raw: 'markup',
  quote: 'wraps-text',
};

/** One URL path segment, with ( and ) escaped too so a Markdown link cannot end early. */
export function urlSegment(text: string): string {
  return encodeURIComponent(text).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `<url>` for an http(s) URL, with no raw `<`, `>` or space and no `{` to end it early or open a template tag. */
export function autolink(url: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMarkdownText(url);
  return `<${url.replace(/[<>\s{}]/g, (c) => encodeURIComponent(c))}>`;
}
