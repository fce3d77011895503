// File names from a pattern such as `{date}-{id}`: the same article always gets the same name, safe on every OS.
import { problem, ProblemError } from '../problem';
import type { Article } from '../types';
import { pinyinTokens } from './category-slug';
import { EXTENSION, MAX_NAME_BYTES, byteLength, postDay, postName, sanitizeFileStem } from './post-filename';
import { slugify } from './template-filters';

export type SlugStyle = 'pinyin' | 'chinese';

export const FILENAME_TOKENS = ['date', 'year', 'month', 'day', 'id', 'slug', 'title', 'source'] as const;

type NameArticle = Pick<Article, 'publishedAt' | 'savedAt' | 'siteArticleId' | 'title' | 'url' | 'source' | 'siteName'>;

/** Throws unless every `{token}` in the pattern is known and the pattern yields something. */
export function checkFilenamePattern(pattern: string): void {
  const unknown = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!).filter((t) => !(FILENAME_TOKENS as readonly string[]).includes(t));
  if (unknown.length) throw new ProblemError(problem('fn-unknown-parts', unknown.map((t) => `{${t}}`).join(', '), FILENAME_TOKENS.map((t) => `{${t}}`).join(' ')), `unknown file name parts: ${unknown.map((t) => `{${t}}`).join(', ')} (known: ${FILENAME_TOKENS.map((t) => `{${t}}`).join(' ')})`);
  if (!pattern.includes('{')) throw new ProblemError(problem('fn-no-part'), 'the file name pattern needs at least one part such as {id}, or every article gets the same name');
}

function chineseWords(text: string): string[] {
  return slugify(text, true).split('-').filter(Boolean);
}

/**
 * `<stem>.md` for an article: `{date}` its publication day (in its own offset), `{year}` `{month}` `{day}`,
 * `{id}` the site's id or a slug, `{slug}` a slug of the title, `{title}` the title itself, `{source}`.
 * The whole name stays within 200 UTF-8 bytes; `{id}` gets the room the other parts leave.
 */
export function patternFilename(article: NameArticle, pattern: string, timeZone: string, slugStyle: SlugStyle = 'pinyin'): string {
  checkFilenamePattern(pattern);
  const words = slugStyle === 'chinese' ? chineseWords : pinyinTokens;
  const day = postDay(article, timeZone);
  const values: Record<string, string> = {
    date: day,
    year: day.slice(0, 4),
    month: day.slice(5, 7),
    day: day.slice(8, 10),
    slug: words(article.title).join('-').slice(0, 100) || 'post',
    title: article.title.trim() || 'post',
    source: (article.source ?? article.siteName ?? '').trim(),
  };
  const withoutId = pattern.replace(/\{([a-z]+)\}/g, (_m, t: string) => (t === 'id' ? '' : values[t]!));
  const room = Math.max(MAX_NAME_BYTES - EXTENSION.length - byteLength(withoutId), 16);
  const stem = pattern.replace(/\{([a-z]+)\}/g, (_m, t: string) => (t === 'id' ? postName(article, room, words) : values[t]!));
  return `${sanitizeFileStem(stem, MAX_NAME_BYTES - EXTENSION.length) || 'post'}${EXTENSION}`;
}

/** `dir/name-N.ext`, the base cut (not the suffix) so that a name at the 200-byte cap stays within it. */
export function suffixedPath(path: string, n: number): string {
  const dot = path.lastIndexOf('.');
  const [base, ext] = dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  const suffix = `-${n}`;
  const slash = base.lastIndexOf('/');
  const dir = base.slice(0, slash + 1);
  const name = base.slice(slash + 1);
  const room = MAX_NAME_BYTES - byteLength(suffix + ext);
  return `${dir}${byteLength(name) > room ? sanitizeFileStem(name, room) : name}${suffix}${ext}`;
}

/** Gives every path of one export its own name: a second article with the same name gets `-2`, a third `-3`. */
export function dedupePaths(paths: readonly string[]): string[] {
  const taken = new Set<string>();
  return paths.map((path) => {
    // case-insensitive file systems (NTFS, APFS) would merge `A.md` and `a.md`
    let candidate = path;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = suffixedPath(path, n);
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
