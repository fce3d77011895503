// Where an exported image goes in the site and how the post links it: a path pattern, Hugo's static/, the baseurl.
import type { Article } from '../types';
import type { SiteGenerator } from '../export/generator-escape';
import { postDay } from '../export/post-filename';
import type { ImageType } from './sniff-image';

export const DEFAULT_IMAGE_PATTERN = 'assets/images/{year}/{month}/{hash}.{ext}';
export const IMAGE_PATTERN_TOKENS = ['year', 'month', 'day', 'hash', 'ext'] as const;

/**
 * `unknown-part`: a `{token}` not in IMAGE_PATTERN_TOKENS; `no-hash`: without `{hash}` two pictures would share a
 * file; `not-relative`: starts with `/`, holds `\`, a `..` or `.` segment, or an empty one (`a//b`).
 */
export type ImagePatternProblem = 'unknown-part' | 'no-hash' | 'not-relative';

export function imagePatternProblem(pattern: string): ImagePatternProblem | null {
  const tokens = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  if (tokens.some((t) => !(IMAGE_PATTERN_TOKENS as readonly string[]).includes(t))) return 'unknown-part';
  if (!tokens.includes('hash')) return 'no-hash';
  if (pattern.startsWith('/') || pattern.includes('\\') || pattern.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'not-relative';
  return null;
}

const EXTENSIONS: Record<ImageType, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/svg+xml': 'svg',
};

export function imageExtension(type: ImageType): string {
  return EXTENSIONS[type];
}

export interface ImageSite {
  /** Default DEFAULT_IMAGE_PATTERN. */
  pattern?: string;
  /** Hugo serves `static/x` at `/x`: the file goes under `static/`, the link leaves it out. */
  generator?: SiteGenerator | null;
  /** The site's baseurl (Jekyll `baseurl`, a Hugo sub-path), e.g. `/blog`; '' or absent for a site at the root. */
  baseurl?: string;
  /** The zone an undated article's saved time is dated in (the export's time zone setting), e.g. `+08:00`. */
  timeZone: string;
  /**
   * For a site that is not served from its root (an Obsidian vault, a plain folder): link relative to this post
   * path (`Jianbao/post.md`) instead of from the site's root.
   */
  relativeTo?: string;
}

export interface ImageLocation {
  hash: string;
  /** The file's path from the export's top, e.g. `assets/images/2022/01/<hash>.jpg`, `static/assets/…` for Hugo. */
  path: string;
  /** What the post links: `/assets/images/…` (with the baseurl: `/blog/assets/…`), or relative. */
  link: string;
}

/** `''`, `/blog`, `https://x.org/blog`: no trailing slash, a leading one for a bare path. */
function normalizeBaseurl(baseurl: string | undefined): string {
  const b = (baseurl ?? '').trim().replace(/\/+$/, '');
  if (!b || /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(b) || b.startsWith('/')) return b;
  return `/${b}`;
}

const HASH = /^[0-9a-f]{8,128}$/;

const encodePath = (path: string) => path.split('/').map((s) => encodeURIComponent(s)).join('/');

function relativeLink(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  return [...fromDir.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/**
 * Where one picture goes: the pattern filled from the article's publication day (in its own offset), else the day
 * it was saved (in `timeZone`): the same day the post's file name carries. Throws on a pattern with a problem.
 */
export function imageLocation(
  media: { hash: string; type: ImageType }, article: Pick<Article, 'publishedAt' | 'savedAt'>, site: ImageSite,
): ImageLocation {
  const pattern = site.pattern ?? DEFAULT_IMAGE_PATTERN;
  const problem = imagePatternProblem(pattern);
  if (problem) throw new RangeError(`image path pattern: ${problem}`);
  // A hash from a restored backup is data, not a path: only hex reaches the file name.
  if (!HASH.test(media.hash)) throw new RangeError('image hash is not hex');
  const day = postDay(article, site.timeZone);
  const values: Record<string, string> = {
    year: day.slice(0, 4), month: day.slice(5, 7), day: day.slice(8, 10), hash: media.hash, ext: imageExtension(media.type),
  };
  const sitePath = pattern.replace(/\{([a-z]+)\}/g, (_m, t: string) => values[t]!);
  const path = site.generator === 'hugo' ? `static/${sitePath}` : sitePath;
  const link = site.relativeTo !== undefined ? encodePath(relativeLink(site.relativeTo, path)) : `${normalizeBaseurl(site.baseurl)}/${encodePath(sitePath)}`;
  return { hash: media.hash, path, link };
}

/**
 * The lookup a rewrite needs for one article: a URL → where its kept copy goes, or null for a picture that was
 * not kept (no hash recorded, or its media row is gone).
 */
export function imageLocator(
  hashes: Readonly<Record<string, string>>, mediaType: (hash: string) => ImageType | undefined,
  article: Pick<Article, 'publishedAt' | 'savedAt'>, site: ImageSite,
): (url: string) => ImageLocation | null {
  return (url) => {
    const hash = Object.hasOwn(hashes, url) ? hashes[url] : undefined;
    const type = hash === undefined ? undefined : mediaType(hash);
    return hash === undefined || type === undefined || !HASH.test(hash) ? null : imageLocation({ hash, type }, article, site);
  };
}
