// Reads the article-like objects out of a page's JSON-LD blocks.
import { allTags, scanPage, type PageScan } from './page-scan';

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  publisher: string | null;
  image: string | null;
  url: string | null;
}

const ARTICLE_TYPES = /Article|Posting|Report|NewsArticle|BlogPosting|WebPage/i;

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** JSON-LD written through an HTML template keeps its entities ("&#8222;Arschloch&#8220;"). */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]{2,5}));/gi, (all, dec, hex, name) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
    if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    return name ? ENTITIES[name.toLowerCase()] ?? all : all;
  });
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return decodeEntities(v).trim() || null;
  if (Array.isArray(v)) return v.length ? text(v[0]) : null;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return text(o.name ?? o['@value'] ?? o.url);
  }
  return null;
}

function flatten(node: unknown, out: Record<string, unknown>[], depth = 0): void {
  if (depth > 6) return;
  for (const item of asArray(node)) {
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) flatten(o['@graph'], out, depth + 1);
    if (o.mainEntity) flatten(o.mainEntity, out, depth + 1);
  }
}

/** Every article-typed object of every `application/ld+json` block; broken JSON is skipped. */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Raw line breaks and tabs inside strings are invalid JSON yet common in CMS output; as spaces they are harmless.
    return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
  }
}

export function readJsonLdArticles(doc: Document, scan: PageScan = scanPage(doc)): JsonLdArticle[] {
  const nodes: Record<string, unknown>[] = [];
  // script[type="application/ld+json"]: HTML matches type's value without regard to case.
  for (const script of allTags(scan, 'script', (el) => el.getAttribute('type')?.toLowerCase() === 'application/ld+json')) {
    try {
      flatten(parseLenient(script.textContent ?? ''), nodes);
    } catch {
      // A page's broken JSON-LD is its problem, not a reason to fail the save.
    }
  }
  const articles = nodes.filter((n) => asArray(n['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)));
  // Real articles before generic WebPage objects.
  articles.sort((a, b) => Number(/WebPage/.test(String(a['@type']))) - Number(/WebPage/.test(String(b['@type']))));
  // Authors given as {"@id": …} references to a Person elsewhere in the graph.
  const byId = new Map<string, Record<string, unknown>>();
  for (const n of nodes) if (typeof n['@id'] === 'string' && (n.name !== undefined)) byId.set(n['@id'], n);
  const authorNames = (v: unknown): string[] => {
    const names = asArray(v)
      .map((x) => (x && typeof x === 'object' && !('name' in x) && typeof (x as Record<string, unknown>)['@id'] === 'string'
        ? byId.get((x as Record<string, unknown>)['@id'] as string) ?? null : x))
      .map(text).filter((s): s is string => !!s);
    // Several authors as the byline reads ("A, B"), then each alone for when the list fails a check.
    return names.length > 1 ? [names.join(', '), ...names] : names;
  };
  return articles.map((a) => ({
    headline: text(a.headline) ?? text(a.name),
    datePublished: text(a.datePublished),
    dateModified: text(a.dateModified),
    authors: authorNames(a.author),
    publisher: text(a.publisher),
    image: text(asArray(a.image)[0]),
    url: text(a.url),
  }));
}
