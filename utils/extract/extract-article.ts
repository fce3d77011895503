// Extracts one news article from a document: Readability for the body, our news rules for the metadata.
import { Readability } from '@mozilla/readability';
import type { ExtractResult } from '../types';
import { offsetMinutes } from '../dates';
import { readPageMetadata } from './page-metadata';
import { chooseTitle, stripTitleSuffix } from './news-title';
import { findPublishedAt } from './publish-time';
import { findSource } from './news-source';
import { findAuthor } from './news-author';
import { siteArticleId } from './site-article-id';
import { cleanBody } from './clean-body';
import { textAfter, textBefore, squash } from './dom-text';

export interface ExtractOptions {
  /** The clock, for relative dates ("昨天 09:30"). */
  now: Date;
  /** Offset for times written without one, e.g. "+08:00". */
  timeZone?: string;
  /** Refuse documents with more elements than this instead of hanging on them. */
  maxElements?: number;
}

const CJK = /[\u3400-\u9fff]/g;
const MIN_PROSE = 300;

function detectLang(declared: string | null, text: string): string | null {
  if (declared) return declared.replace('_', '-').split(/[;,]/)[0].trim() || null;
  const cjk = text.slice(0, 2000).match(CJK)?.length ?? 0;
  if (cjk > 50) return 'zh';
  return /[a-z]{3,}/i.test(text) ? 'en' : null;
}

function headline(doc: Document): Element | null {
  const h1s = Array.from(doc.querySelectorAll('h1')).filter((h) => {
    const t = squash(h.textContent ?? '');
    return t.length >= 4 && t.length <= 300;
  });
  return h1s.find((h) => h.closest('article, main, [class*="article"], [class*="content"], [class*="news"]')) ?? h1s[0] ?? null;
}

function hostLabels(url: string): string[] {
  try {
    return [new URL(url).hostname.replace(/^www\./, '')];
  } catch {
    return [];
  }
}

export function extractArticle(doc: Document, pageUrl: string, options: ExtractOptions): ExtractResult {
  try {
    const maxElements = options.maxElements ?? 250_000;
    const count = doc.getElementsByTagName('*').length;
    if (count > maxElements) {
      return { ok: false, code: 'too-large', message: `This page is too large to read (${count} elements).` };
    }
    const meta = readPageMetadata(doc, pageUrl);
    const h1 = headline(doc);
    const clone = doc.cloneNode(true) as Document;
    const parsed = new Readability(clone, { charThreshold: 200, maxElemsToParse: maxElements }).parse();
    if (!parsed || !parsed.content || squash(parsed.textContent ?? '').length < 40) {
      return { ok: false, code: 'no-article', message: 'No article found on this page.' };
    }
    const url = meta.canonical ?? pageUrl.replace(/#.*$/, '');
    const inert = doc.implementation.createHTMLDocument('');
    const container = inert.createElement('div');
    container.innerHTML = parsed.content;
    const body = cleanBody(container, url);
    // About 100 Chinese characters or 50 English words of prose, not counting links: less is a menu or a form.
    if (body.prose < MIN_PROSE) {
      return { ok: false, code: 'no-article', message: 'No article found on this page.' };
    }

    const titleSuffixes = [meta.siteName, parsed.siteName, ...hostLabels(url)].filter((s): s is string => !!s);
    const siteName = meta.siteName ?? parsed.siteName ?? guessSiteName(meta.docTitle, h1?.textContent ?? null) ?? hostLabels(url)[0] ?? null;
    const siteNames = [siteName, ...titleSuffixes].filter((s): s is string => !!s);
    const title = chooseTitle({
      h1: h1?.textContent ?? null,
      og: meta.ogTitle,
      jsonLd: meta.jsonLd[0]?.headline ?? null,
      docTitle: meta.docTitle || parsed.title || '',
      siteNames,
    });
    const lang = detectLang(meta.lang ?? parsed.lang ?? null, body.text);
    const zh = !!lang && lang.toLowerCase().startsWith('zh');
    const defaultOffset = offsetMinutes(options.timeZone ?? '+08:00') ?? 480;
    const after = h1 ? textAfter(h1, 600) : '';
    const before = h1 ? textBefore(h1, 200) : '';
    const publishedAt = findPublishedAt(
      { metaTimes: meta.publishedTimes, nearHeadline: [after, before], articleText: body.text, zh },
      { now: options.now, offset: defaultOffset },
    );
    const source = findSource({
      nearHeadline: after.slice(0, 300),
      articleText: body.text,
      metaSources: meta.sources,
      siteName,
    }) ?? (zh ? null : meta.jsonLd[0]?.publisher ?? meta.siteName);
    const author = findAuthor({
      nearHeadline: after.slice(0, 300),
      articleText: body.text,
      metaAuthors: [...meta.authors, ...(parsed.byline ? [parsed.byline] : [])],
      siteNames,
    });
    return {
      ok: true,
      article: {
        url,
        title,
        source,
        siteName,
        author,
        publishedAt,
        lang,
        excerpt: squash(meta.description ?? parsed.excerpt ?? body.text.slice(0, 200)).slice(0, 300) || null,
        leadImage: meta.image,
        siteArticleId: siteArticleId(url) ?? siteArticleId(pageUrl),
        html: body.html,
        text: body.text,
      },
    };
  } catch (err) {
    return { ok: false, code: 'error', message: `Could not read this page: ${(err as Error).message}` };
  }
}

/** "标题_东方财富网" with headline "标题": the stripped tail is the site's name. */
function guessSiteName(docTitle: string, h1: string | null): string | null {
  if (!docTitle) return null;
  const head = h1 ? squash(h1) : stripTitleSuffix(docTitle, []);
  const t = squash(docTitle);
  if (!head || !t.startsWith(head) || t.length === head.length) return null;
  const tail = t.slice(head.length).replace(/^[\s_|｜\-–—·]+/, '').split(/[_|｜]/).pop()?.trim();
  return tail && tail.length <= 30 ? tail : null;
}
