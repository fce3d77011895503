// Saves what the article extractor would refuse: the page's main text ("save the whole page anyway")
// or a fragment such as the user's selection, with the page's own metadata (title, time, source).
import type { ExtractedArticle } from '../types';
import { readPageMetadata } from './page-metadata';
import { chooseTitle } from './news-title';
import { findPublishedAt, zoneOffset } from './publish-time';
import { findSource, pageAsSource } from './news-source';
import { findAuthor } from './news-author';
import { siteArticleId } from './site-article-id';
import { chooseArticleUrl, notWebPage } from './article-url';
import { detectLang } from './detect-lang';
import { cleanBody } from './clean-body';
import { squash, textAfter, textBefore } from './dom-text';
import { documentKind, extractPlainText } from './plain-text';

export interface FallbackOptions {
  now: Date;
  /** Offset for times written without one, e.g. "+08:00". */
  timeZone?: string;
}

export type FallbackFailureCode = 'no-article' | 'no-selection' | 'not-http' | 'error';

export type FallbackResult =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; code: FallbackFailureCode; message: string };

// Page furniture: never the text a reader came for, even when no <main> says so.
const FURNITURE = 'header, footer, nav, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], [hidden]';

function host(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * An article from `container` (an element of an inert document; it is consumed) with the
 * metadata of `doc`. `url` is what the library keys the article on: the page's article URL
 * (`chooseArticleUrl`) or one derived from it.
 */
export function articleFromContainer(doc: Document, pageUrl: string, container: Element, url: string, options: FallbackOptions): ExtractedArticle | null {
  const base = pageUrl.replace(/#.*$/, '');
  const body = cleanBody(container, base);
  if (!body.text.trim()) return null;
  const meta = readPageMetadata(doc, pageUrl);
  const key = chooseArticleUrl(pageUrl, meta.declaredUrls);
  const h1 = doc.querySelector('h1');
  const siteName = meta.siteName ?? host(base);
  const siteNames = [siteName, host(base)].filter((s): s is string => !!s);
  const title = chooseTitle({
    h1: h1?.textContent ?? null,
    og: meta.ogTitle,
    jsonLd: meta.jsonLd[0]?.headline ?? null,
    docTitle: meta.docTitle,
    siteNames,
  }) || squash(body.text).slice(0, 80);
  const lang = detectLang(meta.lang, body.text);
  const zh = !!lang && lang.toLowerCase().startsWith('zh');
  const after = h1 ? textAfter(h1, 600) : '';
  const before = h1 ? textBefore(h1, 200) : '';
  const publishedAt = findPublishedAt(
    { metaTimes: meta.publishedTimes, modifiedTimes: meta.modifiedTimes, nearHeadline: [after, before], articleText: body.text, zh },
    { now: options.now, offset: zoneOffset(options.timeZone) },
  );
  const source = findSource({ nearHeadline: after.slice(0, 300), articleText: body.text, metaSources: meta.sources, siteName })
    ?? pageAsSource(meta, zh);
  const author = findAuthor({ nearHeadline: after.slice(0, 300), articleText: body.text, metaAuthors: meta.authors, siteNames });
  return {
    url,
    pageUrl: key.pageUrl,
    ...(key.declaredCanonical ? { declaredCanonical: key.declaredCanonical } : {}),
    title,
    source,
    siteName,
    author,
    publishedAt,
    lang,
    excerpt: squash(body.text.slice(0, 300)).slice(0, 300) || null,
    leadImage: meta.image,
    siteArticleId: url === key.url ? siteArticleId(url) ?? siteArticleId(pageUrl) : null,
    html: body.html,
    text: body.text,
  };
}

/** The page's main text as an article: <main>/<article> if the page marks one, else the body without its furniture. */
export function extractWholePage(doc: Document, pageUrl: string, options: FallbackOptions): FallbackResult {
  const refused = notWebPage(pageUrl);
  if (refused) return refused;
  if (documentKind(doc.contentType) === 'text') return extractPlainText(doc, pageUrl);
  try {
    const root = doc.querySelector('main, [role="main"]') ?? doc.querySelector('article') ?? doc.body;
    if (!root) return { ok: false, code: 'no-article', message: 'This page has no text to save.' };
    const inert = doc.implementation.createHTMLDocument('');
    const container = inert.importNode(root, true) as Element;
    for (const el of Array.from(container.querySelectorAll(FURNITURE))) el.remove();
    const url = chooseArticleUrl(pageUrl, readPageMetadata(doc, pageUrl).declaredUrls).url;
    const article = articleFromContainer(doc, pageUrl, container, url, options);
    return article ? { ok: true, article } : { ok: false, code: 'no-article', message: 'This page has no text to save.' };
  } catch (err) {
    return { ok: false, code: 'error', message: `Could not read this page: ${(err as Error).message}` };
  }
}
