// Collects what a page says about itself in <head>: meta tags, Open Graph, JSON-LD, canonical link.
import { readJsonLdArticles, type JsonLdArticle } from './json-ld';
import { allTags, firstTag, scanPage, type PageScan } from './page-scan';

export interface PageMetadata {
  /** The first of `declaredUrls`. */
  canonical: string | null;
  /** The http(s) URLs the page gives for itself, absolute, best first: link rel=canonical, og:url. */
  declaredUrls: string[];
  docTitle: string;
  ogTitle: string | null;
  siteName: string | null;
  description: string | null;
  image: string | null;
  lang: string | null;
  /** Machine-readable publication times, best first. */
  publishedTimes: string[];
  /** Machine-readable modification times: a last resort, after the dateline the page shows. */
  modifiedTimes: string[];
  /** Author names from meta and JSON-LD. */
  authors: string[];
  /** meta name="source"-style declarations of the original publisher. */
  sources: string[];
  /** Dublin Core / citation declarations of who published the page itself. */
  publishers: string[];
  jsonLd: JsonLdArticle[];
}

// Where sites put the publication time, best first: the standard ones, then the Chinese portals' zoo.
const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'og:release_date',
  'datepublished', 'publishdate', 'publish_date', 'publish-date', 'pubdate', 'og:time', 'apub:time',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'date',
  'article.published', 'published-date', 'release_date', 'weibo:article:create_at',
  // Journals and repositories (Highwire, bepress, Dublin Core with a colon), then CMS and analytics tags.
  'citation_publication_date', 'citation_date', 'citation_online_date', 'bepress_citation_date',
  'bepress_citation_online_date', 'dc:date', 'dcterms.issued', 'dcterms.date', 'prism.publicationdate',
  'publication_date', 'vr:published-time', 'cxenseparse:publishtime', 'article_date_original',
];
const MODIFIED_META = ['dateupdate', 'article:modified_time', 'og:updated_time', 'lastmod'];
const IN_COMMENTS = /comment/i;

function inComments(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parentElement) {
    if (IN_COMMENTS.test(p.id) || IN_COMMENTS.test(p.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/**
 * Times the page marks up outside <head>: itemprop="datePublished" (also on a <span content="…">),
 * <time datetime>, microformats' <abbr class="published" title="…">; those inside a comment thread
 * date the comments, not the article. Tag lookups, not one selector list: jsdom scans far slower by selector.
 */
function markedTimes(scan: PageScan): string[] {
  const out: string[] = [];
  const take = (el: Element, attr: string) => {
    const v = el.getAttribute(attr)?.trim();
    if (v && !inComments(el)) out.push(v);
  };
  for (const el of scan.elements.filter((e) => e.getAttribute('itemprop') === 'datePublished')) {
    if (el.tagName !== 'META') take(el, el.hasAttribute('datetime') ? 'datetime' : 'content');
  }
  for (const el of allTags(scan, 'time')) if (el.hasAttribute('datetime')) take(el, 'datetime');
  for (const el of allTags(scan, 'abbr')) if (el.classList.contains('published')) take(el, 'title');
  return out;
}
const AUTHOR_META = ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'];
const SOURCE_META = ['source', 'mediaid', 'og:article:source', 'article:source'];
// Library and journal sites (SPIP, OJS, bepress) name themselves in Dublin Core rather than Open Graph.
const PUBLISHER_META = ['dc.publisher', 'dc:publisher', 'dcterms.publisher', 'citation_publisher', 'dc.source', 'dc:source'];

function metaMap(scan: PageScan): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const meta of allTags(scan, 'meta')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '')
      .trim().toLowerCase();
    const content = meta.getAttribute('content')?.trim();
    if (!key || !content) continue;
    map.set(key, [...(map.get(key) ?? []), content]);
  }
  return map;
}

function pick(map: Map<string, string[]>, keys: string[]): string[] {
  return keys.flatMap((k) => map.get(k) ?? []);
}

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** `scan`: the page's elements when the caller has them already. */
export function readPageMetadata(doc: Document, pageUrl: string, scan: PageScan = scanPage(doc)): PageMetadata {
  const meta = metaMap(scan);
  const jsonLd = readJsonLdArticles(doc, scan);
  const first = (keys: string[]) => pick(meta, keys)[0] ?? null;
  // link[rel="canonical"]: HTML matches rel's value without regard to case.
  const canonical = firstTag(scan, 'link', (el) => el.getAttribute('rel')?.toLowerCase() === 'canonical');
  // Not http(s) (javascript:, data:, a relative path on a file: page): not a URL the page may be saved under.
  const declaredUrls = [absolute(canonical?.getAttribute('href'), pageUrl), absolute(first(['og:url']), pageUrl)]
    .filter((u): u is string => !!u);
  return {
    canonical: declaredUrls[0] ?? null,
    declaredUrls,
    docTitle: (doc.title ?? '').trim(),
    ogTitle: first(['og:title', 'twitter:title']),
    siteName: first(['og:site_name', 'application-name', 'apple-mobile-web-app-title']),
    description: first(['description', 'og:description', 'twitter:description']),
    image: absolute(first(['og:image', 'twitter:image']) ?? jsonLd[0]?.image, pageUrl),
    lang: doc.documentElement?.getAttribute('lang')?.trim() || first(['og:locale', 'content-language', 'language']),
    publishedTimes: [
      ...jsonLd.map((a) => a.datePublished).filter((d): d is string => !!d),
      ...pick(meta, PUBLISHED_META),
      ...markedTimes(scan),
    ],
    modifiedTimes: [...jsonLd.map((a) => a.dateModified).filter((d): d is string => !!d), ...pick(meta, MODIFIED_META)],
    authors: [...jsonLd.flatMap((a) => a.authors), ...pick(meta, AUTHOR_META)],
    sources: pick(meta, SOURCE_META),
    publishers: pick(meta, PUBLISHER_META).filter((p) => !/^https?:/i.test(p)),
    jsonLd,
  };
}
