// Collects what a page says about itself in <head>: meta tags, Open Graph, JSON-LD, canonical link.
import { readJsonLdArticles, type JsonLdArticle } from './json-ld';

export interface PageMetadata {
  canonical: string | null;
  docTitle: string;
  ogTitle: string | null;
  siteName: string | null;
  description: string | null;
  image: string | null;
  lang: string | null;
  /** Machine-readable publication times, best first. */
  publishedTimes: string[];
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
];
const MODIFIED_META = ['dateupdate', 'article:modified_time', 'og:updated_time', 'lastmod'];
const AUTHOR_META = ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'];
const SOURCE_META = ['source', 'mediaid', 'og:article:source', 'article:source'];
// Library and journal sites (SPIP, OJS, bepress) name themselves in Dublin Core rather than Open Graph.
const PUBLISHER_META = ['dc.publisher', 'dc:publisher', 'dcterms.publisher', 'citation_publisher', 'dc.source', 'dc:source'];

function metaMap(doc: Document): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
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

export function readPageMetadata(doc: Document, pageUrl: string): PageMetadata {
  const meta = metaMap(doc);
  const jsonLd = readJsonLdArticles(doc);
  const first = (keys: string[]) => pick(meta, keys)[0] ?? null;
  const timeEls = Array.from(doc.querySelectorAll('time[datetime], [itemprop="datePublished"][datetime]'))
    .map((t) => t.getAttribute('datetime')!.trim());
  return {
    canonical: absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl)
      ?? absolute(first(['og:url']), pageUrl),
    docTitle: (doc.title ?? '').trim(),
    ogTitle: first(['og:title', 'twitter:title']),
    siteName: first(['og:site_name', 'application-name', 'apple-mobile-web-app-title']),
    description: first(['description', 'og:description', 'twitter:description']),
    image: absolute(first(['og:image', 'twitter:image']) ?? jsonLd[0]?.image, pageUrl),
    lang: doc.documentElement?.getAttribute('lang')?.trim() || first(['og:locale', 'content-language', 'language']),
    publishedTimes: [
      ...jsonLd.map((a) => a.datePublished).filter((d): d is string => !!d),
      ...pick(meta, PUBLISHED_META),
      ...timeEls,
      ...jsonLd.map((a) => a.dateModified).filter((d): d is string => !!d),
      ...pick(meta, MODIFIED_META),
    ],
    authors: [...jsonLd.flatMap((a) => a.authors), ...pick(meta, AUTHOR_META)],
    sources: pick(meta, SOURCE_META),
    publishers: pick(meta, PUBLISHER_META).filter((p) => !/^https?:/i.test(p)),
    jsonLd,
  };
}
