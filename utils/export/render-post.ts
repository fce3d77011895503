// The default preset, "Jekyll news post": one saved article as a post in the archive's exact shape.
import type { Article, ArticleBody, ExportSettings } from '../types';
import { formatJekyllDate, isoInOffset, offsetMinutes } from '../dates';
import { categorySlug } from './category-slug';
import { sourceName } from './source-name';
import { assertFrontMatterRoundTrip, doubleQuoted, plain, renderFrontMatter, type FrontMatterEntry } from './front-matter';
import { postFilename } from './post-filename';

export interface RenderedPost {
  /** Relative to the site root, e.g. `_posts/2022-01-09-NW202201092240969820.md`. */
  path: string;
  text: string;
}


function jekyllDate(publishedAt: string | null, settings: ExportSettings, now: Date): string {
  if (publishedAt) return formatJekyllDate(publishedAt);
  const offset = offsetMinutes(settings.timeZone);
  if (offset === null) throw new Error(`time zone setting is not an offset like +08:00: ${settings.timeZone}`);
  if (Number.isNaN(now.getTime())) throw new Error('renderPost needs a valid `now` for an undated article');
  return formatJekyllDate(isoInOffset(now, offset));
}

/** A source name inside link text must not open emphasis, code or a nested link. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\`*_[\]<]/g, '\\$&');
}

/** An autolink ends at the first `>` or space, so those must not appear raw. */
function autolink(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

function urlSegment(text: string): string {
  return encodeURIComponent(text).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function renderPost(article: Article, body: ArticleBody, settings: ExportSettings, now: Date): RenderedPost {
  const source = sourceName(article);
  const slug = categorySlug(source, settings.categoryOverrides);
  const entries: FrontMatterEntry[] = [
    ['layout', settings.layout],
    ['title', doubleQuoted(article.title)],
    ['date', plain(jekyllDate(article.publishedAt, settings, now))],
    ['categories', slug],
    ['tags', `${source}${settings.tagSuffix}`],
  ];
  const frontMatter = renderFrontMatter(entries);
  try {
    assertFrontMatterRoundTrip(entries, frontMatter);
  } catch (err) {
    throw new Error(`cannot export "${article.title}" (${article.url}): ${(err as Error).message}`, { cause: err });
  }

  const host = settings.siteHost;
  const backLinkText = settings.backLinkText.replaceAll('{source}', escapeLinkText(source));
  const backLinks =
    `[${backLinkText}](//${host}/category/${urlSegment(slug)}.html)` + `｜[${settings.homeLinkText}](//${host}/)`;
  const html = body.html.replace(/^\s*\n/, '').trimEnd();
  const text = `---\n${frontMatter}\n---\n${html ? `${html}\n\n` : '\n'}${autolink(article.url)}\n\n${backLinks}`;
  return { path: postFilename(article, settings), text };
}
