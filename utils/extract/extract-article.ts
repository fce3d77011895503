// Extracts one news article from a document: Readability for the body, our news rules for the metadata.
import { problem } from '../problem';
import { Readability } from '@mozilla/readability';
import type { ArticleField, ExtractResult, FieldFound, UnsureField } from '../types';
import { readPageMetadata } from './page-metadata';
import { chooseTitle, stripTitleSuffix } from './news-title';
import { findPublishedAt, zoneOffset } from './publish-time';
import { findSource, pageAsSource } from './news-source';
import { canonicalSource } from './source-alias';
import { pageDefaultOffset } from './page-zone';
import { findTextDates } from './text-date';
import { findAuthor } from './news-author';
import { bylineTexts } from './byline';
import { siteArticleId } from './site-article-id';
import { chooseArticleUrl, notWebPage } from './article-url';
import { detectLang } from './detect-lang';
import { narrowLayout } from './layout-narrow';
import { cleanBody } from './clean-body';
import { textAfter, textBefore, squash, nestingDepth } from './dom-text';
import { siteRuleFor, readRule, dropBoilerplate, SITE_RULES } from './site-rules';
import { bannerNames, firstHeading, elementShowing, titlePieces, headlineText, headlineParts, microdataHeadline, punctFold, headingCandidates } from './headline';
import { bodyElements, descendantsOf, scanPage, type PageScan } from './page-scan';
import { documentKind, extractPlainText } from './plain-text';

export interface ExtractOptions {
  /** The clock, for relative dates ("昨天 09:30"). */
  now: Date;
  /** Offset for times written without one, e.g. "+08:00". */
  timeZone?: string;
  /** Refuse documents with more elements than this instead of hanging on them. */
  maxElements?: number;
  /** Refuse documents with more text than this (characters). */
  maxChars?: number;
  /** The per-site rule table (site-rules.ts); false reads every page with the general rules alone. */
  siteRules?: boolean;
}

const MIN_PROSE = 300;
const MAX_CHARS = 3_000_000;
const MAX_DEPTH = 250;


function hostLabels(url: string): string[] {
  try {
    return [new URL(url).hostname.replace(/^www\./, '')];
  } catch {
    return [];
  }
}

/**
 * The article of `doc`. A text/plain document is its own article (plain-text.ts). A page with no article
 * of its own but a same-origin frame holding one (the only frames an injected script can read) gives the
 * frame's article, keyed on the frame's address (or the page's, for a srcdoc frame).
 */
export function extractArticle(doc: Document, pageUrl: string, options: ExtractOptions): ExtractResult {
  if (documentKind(doc.contentType) === 'text') return extractPlainText(doc, pageUrl);
  const result = extractFromDocument(doc, pageUrl, options);
  if (result.ok || result.code !== 'no-article') return result;
  return articleInFrame(doc, pageUrl, options, 0) ?? result;
}

const MAX_FRAMES = 20;
const MAX_FRAME_DEPTH = 2;

function articleInFrame(doc: Document, pageUrl: string, options: ExtractOptions, depth: number): ExtractResult | null {
  if (depth >= MAX_FRAME_DEPTH) return null;
  const frames = Array.from(doc.querySelectorAll('iframe, frame')).slice(0, MAX_FRAMES) as HTMLIFrameElement[];
  for (const frame of frames) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument; // null (or a throw) for a cross-origin frame
    } catch {
      inner = null;
    }
    if (!inner?.body || documentKind(inner.contentType) !== 'html') continue;
    const own = /^https?:/i.test(inner.URL) ? inner.URL : pageUrl;
    const found = extractFromDocument(inner, own, options);
    if (found.ok) return found;
    const deeper = articleInFrame(inner, own, options, depth + 1);
    if (deeper?.ok) return deeper;
  }
  return null;
}

function extractFromDocument(doc: Document, pageUrl: string, options: ExtractOptions): ExtractResult {
  // Only http(s) pages are stored and linked: a file: or ftp: page has no address a reader could follow.
  const refused = notWebPage(pageUrl);
  if (refused) return refused;
  try {
    const maxElements = options.maxElements ?? 250_000;
    const count = doc.getElementsByTagName('*').length;
    if (count > maxElements) {
      return { ok: false, code: 'too-large', reason: problem('page-elements', String(count)), message: `This page is too large to read (${count} elements).` };
    }
    // More text than any article (a long novel is about a million characters): refuse rather than stall the tab.
    const chars = doc.body?.textContent?.length ?? 0;
    if (chars > (options.maxChars ?? MAX_CHARS)) {
      return { ok: false, code: 'too-large', reason: problem('page-chars', String(Math.round(chars / 1e6))), message: `This page is too large to read (${Math.round(chars / 1e6)} M characters).` };
    }
    // Readability's cleaning is cubic in nesting depth: a 10 000-deep page would hang the tab.
    if (doc.body && nestingDepth(doc.body, MAX_DEPTH) > MAX_DEPTH) {
      return { ok: false, code: 'too-large', reason: problem('page-depth', String(MAX_DEPTH)), message: `This page is nested too deeply to read (over ${MAX_DEPTH} levels).` };
    }
    // Read the page's elements once; the readers below filter this list instead of querying.
    const scan = scanPage(doc);
    const meta = readPageMetadata(doc, pageUrl, scan);
    const rule = options.siteRules === false ? null : siteRuleFor(doc, pageUrl, SITE_RULES, scan);
    const evidence = rule ? readRule(doc, rule, scan) : null;
    // A banner <h1> (the site's own name over every page) names the site: never the headline, and cut from the title's end.
    const banners = bannerNames(doc);
    const early = [meta.siteName, rule?.siteName, ...banners].filter((s): s is string => !!s);
    let h1 = evidence?.title ?? firstHeading(doc, early);
    // The heading as first found: a dateline set inside it (<h1><span>27.01.2022</span>Title</h1>) dates the page.
    const heading = h1;
    const clone = doc.cloneNode(true) as Document;
    dropBoilerplate(clone, rule);
    // The serializer hands back Readability's element itself: no HTML string to build and re-parse.
    const parsed = new Readability<Element>(clone, { charThreshold: 200, maxElemsToParse: maxElements, serializer: (n) => n as Element }).parse();
    if (!parsed || !parsed.content || squash(parsed.textContent ?? '').length < 40) {
      return { ok: false, code: 'no-article', message: 'No article found on this page.' };
    }
    // The canonical (or og:url) when the page gives one on its own site, else its own URL: without fragment or
    // tracking parameters either way. A canonical on another site is only recorded (article-url.ts).
    const key = chooseArticleUrl(pageUrl, meta.declaredUrls);
    const url = key.url;
    const container = parsed.content;
    // A layout row's sidebars and the link lists in the article's column leave before the body is cleaned.
    narrowLayout(container);
    const body = cleanBody(container, url);
    if (!looksLikeArticle(body)) {
      return { ok: false, code: 'no-article', message: 'No article found on this page.' };
    }

    const titleSuffixes = [meta.siteName, parsed.siteName, rule?.siteName, ...banners, ...hostLabels(url)].filter((s): s is string => !!s);
    const siteName = rule?.siteName ?? meta.siteName ?? parsed.siteName ?? guessSiteName(meta.docTitle, h1?.textContent ?? null) ?? hostLabels(url)[0] ?? null;
    const siteNames = [...new Set([siteName, ...titleSuffixes].filter((s): s is string => !!s))];
    let title = chooseTitle({
      h1: h1 ? headlineText(h1) : null,
      h1Parts: h1 ? headlineParts(h1) : [],
      microdata: microdataHeadline(doc, scan),
      og: meta.ogTitle,
      jsonLd: meta.jsonLd[0]?.headline ?? null,
      docTitle: meta.docTitle || parsed.title || '',
      siteNames,
      soleH1: !!h1 && h1.tagName === 'H1' && doc.getElementsByTagName('h1').length === 1,
    });
    // Pages without an <h1> (or whose <h1> is something else) still show the headline somewhere.
    let headings: Element[] | undefined;
    const showing = (text: string) => elementShowing(doc, text, (headings ??= headingCandidates(bodyElements(scan))));
    if (!h1) {
      // No <h1>: the chosen title, og or the longest part of the <title> that the page shows, never the site's name.
      const pieces = [title, meta.ogTitle ?? '', meta.jsonLd[0]?.headline ?? '', ...titlePieces(meta.docTitle)]
        .map(squash).filter((p) => p && !siteNames.some((n) => n.toLowerCase().includes(p.toLowerCase())));
      for (const piece of new Set(pieces)) {
        const el = showing(piece);
        if (el) {
          h1 = el;
          title = piece;
          break;
        }
      }
    } else if (squash(h1.textContent ?? '') !== title) {
      h1 = showing(title) ?? h1;
    }
    // The page's own spelling of the title (its dashes and quotes) when metadata wrote it plainer.
    const shown = h1 ? headlineText(h1) : '';
    if (shown !== title && punctFold(shown) === punctFold(title)) title = shown;
    // Readability drops a heading that repeats the headline only when its own <title> guess matches it.
    const lead = /^<(h[1-6])>([^<]*)<\/\1>(?:\n|$)/.exec(body.html);
    if (lead && squash(lead[2]) === squash(title)) {
      body.html = body.html.slice(lead[0].length);
      const cut = body.text.indexOf('\n\n');
      body.text = cut >= 0 ? body.text.slice(cut + 2) : '';
    }
    const lang = detectLang(meta.lang ?? parsed.lang ?? null, body.text);
    const zh = !!lang && lang.toLowerCase().startsWith('zh');
    // Offset-less times: the configured zone on a Chinese page (Beijing by default), the page's own country's or
    // language's zone on any other (a Korean page is +09:00, not +08:00). Han text under a wrong lang="en" is Chinese.
    const configured = zoneOffset(options.timeZone);
    const chinese = zh || detectLang(null, body.text) === 'zh';
    const defaultOffset = chinese ? configured : pageDefaultOffset(lang, configured);
    // The whole page's text, read at most once and only when a fallback needs it.
    let visible: string | undefined;
    const pageText = () => (visible ??= visibleText(doc));
    const after = h1 ? textAfter(h1, 600) : '';
    const before = h1 ? textBefore(h1, 200) : '';
    const publishedAt = findPublishedAt(
      { ruleTimes: evidence?.times, metaTimes: meta.publishedTimes, modifiedTimes: meta.modifiedTimes, nearHeadline: [after, ((heading ?? h1)?.textContent ?? '').slice(0, 300), before], articleText: body.text, zh, lang, url: pageUrl, pageText },
      { now: options.now, offset: defaultOffset },
    );
    const found = findSource({
      nearHeadline: after.slice(0, 300),
      articleText: body.text,
      metaSources: meta.sources,
      elementSources: evidence?.sources ?? [],
      markedSources: h1 ? markedSources(doc, h1, scan) : [],
      pageText: zh ? pageText : undefined,
      siteName,
    });
    const source = canonicalSource(found ?? pageAsSource(meta, zh));
    const author = findAuthor({
      ruleAuthors: evidence?.authors,
      nearHeadline: after.slice(0, 300),
      articleText: body.text,
      metaAuthors: [...meta.authors, ...(parsed.byline ? [parsed.byline] : [])],
      bylines: () => bylineTexts(doc, h1, scan),
      title,
      pageText,
      siteNames: source ? [...siteNames, source] : siteNames,
    });
    dropBylineLead(body, author);
    const provenance = fieldsFound({
      title, h1, ruleTitle: evidence?.title ?? null, metaTitles: [meta.ogTitle, meta.jsonLd[0]?.headline, microdataHeadline(doc, scan)],
      source, fromText: !!found, ruleSources: evidence?.sources ?? [], siteNames: [...siteNames, ...hostLabels(url)], hosts: hostLabels(url),
      author, ruleAuthors: evidence?.authors ?? [], metaAuthors: meta.authors, pageText,
      publishedAt, ruleTimes: evidence?.times ?? [], metaTimes: [...meta.publishedTimes, ...meta.modifiedTimes], chinese, zh,
    });
    return {
      ok: true,
      article: {
        url,
        pageUrl: key.pageUrl,
        ...(key.declaredCanonical ? { declaredCanonical: key.declaredCanonical } : {}),
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
        found: provenance.found,
        ...(provenance.unsure.length ? { unsure: provenance.unsure } : {}),
      },
    };
  } catch (err) {
    // Readability and the DOM recurse: a page nested thousands deep overflows the stack.
    if (err instanceof RangeError) return { ok: false, code: 'too-large', reason: problem('page-depth', String(MAX_DEPTH)), message: 'This page is nested too deeply to read.' };
    return { ok: false, code: 'error', message: `Could not read this page: ${(err as Error).message}` };
  }
}

// About 100 Chinese characters or 50 English words of prose, not counting links: less is a menu
// or a form. A short note (a photo caption, a two-line post) passes when links are few.
function looksLikeArticle(body: { prose: number; own: number; links: number }): boolean {
  if (body.prose >= MIN_PROSE) return true;
  return body.own >= 100 && body.links < body.own * 0.3;
}

/** The page's text without scripts and styles. */
function visibleText(doc: Document): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (n: Node, depth: number) => {
    if (length > 400_000 || depth > 200) return;
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = c.nodeValue ?? '';
        if (t.trim()) {
          parts.push(t);
          length += t.length;
        }
      } else if (c.nodeType === 1 && !/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|svg)$/i.test((c as Element).tagName)) walk(c, depth + 1);
    }
  };
  if (doc.body) walk(doc.body, 0);
  return parts.join(' ').replace(/[\s\u3000\u00a0]+/g, ' ');
}

// [class*="source" i], [id*="source" i], [class*="media-name" i], [class*="publisher" i]
const SOURCE_CLASS = /source|media-name|publisher/i;
const SOURCE_ID = /source/i;
const sourceMarked = (el: Element) => SOURCE_CLASS.test(el.getAttribute('class') ?? '') || SOURCE_ID.test(el.getAttribute('id') ?? '');

/** Short elements after the headline that the page itself labels as the source. */
function markedSources(doc: Document, anchor: Element, scan: PageScan): string[] {
  const out: string[] = [];
  let scope: Element = anchor;
  for (let i = 0; i < 3 && scope.parentElement && scope.parentElement !== doc.body; i++) scope = scope.parentElement;
  for (const el of descendantsOf(scan, scope).filter(sourceMarked).slice(0, 40)) {
    if (!(anchor.compareDocumentPosition(el) & 4) || el.closest('script, style')) continue;
    const t = squash(el.textContent ?? '');
    if (t && t.length <= 60) out.push(t);
    if (out.length >= 2) break;
  }
  return out;
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

// "By Jane Roe · May 20, 2024": the byline the page shows under the headline, which Readability kept as the body's
// first paragraph. Only a short block that opens with the byline word and holds a date or the found author.
const BYLINE_LEAD = /^(?:by|von|par|por|door|di)\s+\S/i;

function dropBylineLead(body: { html: string; text: string }, author: string | null): void {
  const cut = body.text.indexOf('\n\n');
  const first = cut >= 0 ? body.text.slice(0, cut) : body.text;
  if (cut < 0 || first.length > 160 || !BYLINE_LEAD.test(first)) return;
  const dated = findTextDates(first, { now: new Date(0), offset: 0 }).length > 0;
  if (!dated && !(author && first.toLowerCase().includes(author.toLowerCase()))) return;
  const line = body.html.indexOf('\n');
  if (line < 0) return;
  body.html = body.html.slice(line + 1);
  body.text = body.text.slice(cut + 2);
}

interface FoundInput {
  title: string;
  h1: Element | null;
  ruleTitle: Element | null;
  metaTitles: (string | null | undefined)[];
  source: string | null;
  /** The source came from the page's text or elements, not from its metadata as a whole. */
  fromText: boolean;
  ruleSources: string[];
  siteNames: string[];
  hosts: string[];
  author: string | null;
  ruleAuthors: string[];
  metaAuthors: string[];
  pageText: () => string;
  publishedAt: string | null;
  ruleTimes: string[];
  metaTimes: string[];
  /** The page reads as Chinese (declared or by its text). */
  chinese: boolean;
  zh: boolean;
}

const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)\s*$/i;
const CREDIT_LABEL = String.raw`(?:记者|作者|撰文|撰稿|文|编译|通讯员|by|von|par|por|door|author|autor|verfasser|written by|posted by)`;

/** How each field was found, and the fields the card should mark for the user to check (types.ts). */
function fieldsFound(f: FoundInput): { found: Partial<Record<ArticleField, FieldFound>>; unsure: UnsureField[] } {
  const found: Partial<Record<ArticleField, FieldFound>> = {};
  const unsure: UnsureField[] = [];
  const fold = (t: string | null | undefined) => (t ? punctFold(t) : '');
  const same = (a: string, b: string) => !!a && !!b && (a === b || a.includes(b) || b.includes(a));

  if (f.ruleTitle && fold(headlineText(f.ruleTitle)) === fold(f.title)) found.title = 'rule';
  else if (f.metaTitles.some((m) => m && fold(m) === fold(f.title))) found.title = 'meta';
  else if (f.h1 && fold(headlineText(f.h1)) === fold(f.title)) found.title = 'label';
  else found.title = 'inferred';
  if (found.title === 'inferred') unsure.push({ field: 'title', reason: 'guessed' });

  const src = f.source?.toLowerCase() ?? '';
  if (!f.source) {
    found.source = 'none';
    unsure.push({ field: 'source', reason: 'missing' });
  } else if (f.hosts.some((h) => h.toLowerCase() === src)) {
    found.source = 'inferred';
    unsure.push({ field: 'source', reason: 'host' });
  } else if (f.ruleSources.some((r) => r.includes(f.source!))) {
    found.source = 'rule';
  } else if (!f.fromText) {
    // A non-Chinese page's own publisher (JSON-LD, og:site_name): right for a site that publishes its own news.
    found.source = 'meta';
  } else if (f.chinese && f.siteNames.some((n) => same(n.toLowerCase(), src))) {
    // Nothing but the portal's own name: the post would be filed under the portal.
    found.source = 'inferred';
    unsure.push({ field: 'source', reason: 'site-name' });
  } else {
    found.source = 'label';
  }

  if (!f.author) {
    found.author = 'none';
    unsure.push({ field: 'author', reason: 'missing' });
  } else if (f.ruleAuthors.some((r) => r.includes(f.author!))) {
    found.author = 'rule';
  } else if (f.metaAuthors.some((m) => m.toLowerCase().includes(f.author!.toLowerCase()))) {
    found.author = 'meta';
  } else {
    const first = f.author.split(/[\s,、]+/)[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const labelled = new RegExp(`${CREDIT_LABEL}[\\s：:/／(（]*${first}`, 'i').test(f.pageText());
    found.author = labelled ? 'label' : 'inferred';
    if (!labelled) unsure.push({ field: 'author', reason: 'guessed' });
  }

  if (!f.publishedAt) {
    found.publishedAt = 'none';
    unsure.push({ field: 'publishedAt', reason: 'missing' });
  } else {
    found.publishedAt = f.ruleTimes.length ? 'rule' : f.metaTimes.length ? 'meta' : 'label';
    // A Chinese page's offset-less time is Beijing time; any other page's zone was only inferred from its language.
    const zoned = [...f.ruleTimes, ...f.metaTimes].some((v) => HAS_ZONE.test(v.trim()) || /^\d{10}$/.test(v.trim()));
    if (!zoned && !f.chinese) unsure.push({ field: 'publishedAt', reason: 'no-offset' });
  }
  return { found, unsure };
}
