// One post file of the site read back as a library article: the seed's format losslessly, any other as far as it goes.
//
// The seed format is read by its frame (front matter, body, `<url>` line, back-links), so that rendering the
// result with the default preset gives the same bytes; a foreign post (other keys, no back-links, Markdown) keeps
// what maps onto an article and its whole body, and is never refused for keys we do not know.
import { parseDocument } from 'yaml';
import type { Article, ExportSettings } from '../types';
import { offsetMinutes, parseMachineDate } from '../dates';
import { categorySlug } from '../export/category-slug';
import { splitFrontMatter } from '../export/post-check';
import { fnv1a32 } from '../article-record';
import { postIdentity } from './post-identity';

export interface ImportedPost {
  /** The post's path in the site (`_posts/…`): the article's export name. */
  path: string;
  /** The article row, without id; `exportName` only when the caller gave the renderer's `nameKey`. */
  article: Omit<Article, 'id'>;
  body: { html: string; text: string };
  /** `seed`: our default preset's frame was found; `foreign`: read as far as it goes. */
  format: 'seed' | 'foreign';
  /** Front matter keys not mapped onto the article (kept in the report; nothing is refused for them). */
  extraKeys: string[];
}

export type ImportProblem =
  | { code: 'no-url'; path: string }
  | { code: 'not-a-post'; path: string };

export interface ImportOptions {
  /** The site's settings the posts were written with (layout, tag suffix, back-link text, zone, slugs). */
  settings: ExportSettings;
  /** The time the library records as saved/updated/exported for imported rows. */
  now: Date;
  /** The renderer's nameKey (export-post.ts), to record `path` as the article's export name. */
  nameKey?: string;
}

const KNOWN_KEYS = new Set(['layout', 'title', 'date', 'categories', 'category', 'tags', 'tag', 'source', 'author', 'original_url', 'url', 'source_url', 'canonical_url', 'link', 'excerpt', 'summary', 'description', 'lang', 'publisher', 'published', 'created']);

function asStrings(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  // Jekyll splits a `categories` / `tags` string on spaces.
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.flatMap((v) => (v === null || v === undefined ? [] : [String(v)]));
  return [String(value)];
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = String(value).trim();
  return text || null;
}

/** Front matter as plain data: YAML 1.2 core (dates stay strings, with their offset); a broken block line by line. */
function frontMatterData(block: string): Record<string, unknown> {
  const doc = parseDocument(block, { version: '1.2', uniqueKeys: false });
  if (doc.errors.length === 0) {
    const data = doc.toJS() as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) return data as Record<string, unknown>;
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const line of block.split('\n')) {
    const m = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

/** Text of an HTML body, paragraphs apart: enough for search, no DOM (this runs in a worker and in Node). */
export function textOfHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|blockquote|tr)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .split('\n').map((l) => l.trim()).join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Undoes escapeMarkdownText (markdown-text.ts) on one line of page text. */
function unescapeMarkdownText(text: string): string {
  return text.replace(/&amp;(?=#?[A-Za-z0-9]+;)/g, '&').replace(/\\([\\*`[\]_<>{+=#~.-])/g, '$1');
}

/** What the Jekyll escape (generator-escape.ts) wrote for a `{` that opened Liquid. */
const LIQUID_BRACE = '{{ "{" }}';

/**
 * The seed frame after the front matter: `<body>\n\n<url>\n\n[back](//host/category/slug.html)｜[home](//host/)`,
 * or `\n<url>\n\n…` for an empty body. Null when the text does not end so.
 */
function seedFrame(rest: string): { body: string; backLink: string; slug: string } | null {
  const m = /(?:^\n|\n\n)<(https?:\/\/[^<>\s]+)>\n\n\[((?:[^\]\\\n]|\\.)*)\]\(\/\/([^/()\s]+)\/category\/([^()\s]*)\.html\)｜\[((?:[^\]\\\n]|\\.)*)\]\(\/\/\3\/\)$/.exec(rest);
  if (!m) return null;
  const body = m.index === 0 && rest.startsWith('\n') ? '' : rest.slice(0, m.index);
  return { body, backLink: m[2]!, slug: m[4]! };
}

/** The source a back-link names, read with the site's back-link text (`返回{source}新闻`). */
function sourceFromBackLink(backLink: string, settings: ExportSettings): string | null {
  const [before, after] = settings.backLinkText.split('{source}');
  if (after === undefined) return null;
  const m = new RegExp(`^${escapeRegExp(before!)}(.+)${escapeRegExp(after)}$`).exec(backLink);
  return m ? unescapeMarkdownText(m[1]!) : null;
}

/** The day and rest of a Jekyll post name: `2022-01-09-NW2022….md` → ['2022-01-09', 'NW2022…']. */
function nameParts(path: string): { day: string | null; stem: string } {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.(md|markdown|html?)$/i, '');
  const m = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(name);
  return m ? { day: m[1]!, stem: m[2]! } : { day: null, stem: name };
}

/** Reads one post. `path` is where it lives in the site (or the folder/zip it came from, `_posts/…`). */
export function importPost(path: string, text: string, options: ImportOptions): ImportedPost | ImportProblem {
  const { settings } = options;
  const zone = offsetMinutes(settings.timeZone) ?? 480;
  const split = splitFrontMatter(text);
  const data = split ? frontMatterData(split.block) : {};
  const rest = split ? text.slice(split.bodyStart) : text;
  const url = postIdentity(text);
  if (!url) return { code: 'no-url', path };

  const frame = split ? seedFrame(rest) : null;
  const tags = asStrings(data.tags ?? data.tag);
  const categories = asStrings(data.categories ?? data.category);
  const { day, stem } = nameParts(path);

  // Source: the tag that ends with the site's suffix (南昌日报新闻 → 南昌日报), else the back-link, else a key.
  const suffix = settings.tagSuffix;
  // A string `tags:` is the seed's one tag, spaces and all (`The Harbor Ledger新闻`), though Jekyll splits it.
  const tagWhole = typeof data.tags === 'string' ? data.tags.trim() : null;
  const sourceTag = !suffix
    ? undefined
    : tagWhole !== null && tagWhole.endsWith(suffix) && tagWhole.length > suffix.length
      ? tagWhole
      : tags.find((t) => t.endsWith(suffix) && t.length > suffix.length);
  let source = sourceTag ? sourceTag.slice(0, -suffix.length) : null;
  if (!source && frame) source = sourceFromBackLink(frame.backLink, settings);
  if (!source) {
    const named = asText(data.source) ?? asText(data.publisher);
    source = named && !/^https?:\/\//i.test(named) ? named : null;
  }

  const rawDate = asText(data.date) ?? asText(data.published);
  const publishedAt = (rawDate ? parseMachineDate(rawDate, zone) : null) ?? (day ? parseMachineDate(day, zone) : null);
  const titleFromBody = /^#\s+(.+)$/m.exec(rest)?.[1]?.trim();
  // The title as written (not trimmed): the seed's quoted title must come back byte for byte.
  const title = typeof data.title === 'string' && data.title.trim() ? data.title : (asText(data.title) ?? titleFromBody ?? stem);

  let html = frame ? frame.body : rest.replace(/^\n+/, '');
  if (frame) html = html.replaceAll(LIQUID_BRACE, '{');
  const slug = source ? categorySlug(source, settings.categoryOverrides) : null;
  const categoryWhole = typeof data.categories === 'string' ? data.categories.trim() : categories[0];
  // null: the slug of the source, as a new save has it; a category of its own is kept.
  const category = categoryWhole && categoryWhole !== slug ? categoryWhole : null;
  const otherTags = sourceTag === tagWhole ? [] : tags.filter((t) => t !== sourceTag);
  // The site's own id, when the file name carries one the URL also holds (infoCode=NW…): names stay as they were.
  const siteArticleId = day && url.includes(stem) ? stem : null;
  const nowIso = options.now.toISOString();
  const article: Omit<Article, 'id'> = {
    url,
    title,
    source,
    siteName: null,
    author: asText(data.author),
    publishedAt,
    savedAt: nowIso,
    updatedAt: nowIso,
    lang: asText(data.lang),
    excerpt: asText(data.excerpt) ?? asText(data.summary) ?? asText(data.description),
    leadImage: null,
    siteArticleId,
    tags: otherTags,
    category,
    contentHash: fnv1a32(html),
    exportedAt: nowIso,
    ...(options.nameKey !== undefined ? { exportName: { key: options.nameKey, path } } : {}),
  };
  return {
    path,
    article,
    body: { html, text: textOfHtml(html) },
    format: frame ? 'seed' : 'foreign',
    extraKeys: Object.keys(data).filter((k) => !KNOWN_KEYS.has(k)),
  };
}

export function isImported(result: ImportedPost | ImportProblem): result is ImportedPost {
  return 'article' in result;
}
