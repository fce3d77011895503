// Reads the article-like objects out of a page's JSON-LD blocks.

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

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
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
export function readJsonLdArticles(doc: Document): JsonLdArticle[] {
  const nodes: Record<string, unknown>[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      flatten(JSON.parse(script.textContent ?? ''), nodes);
    } catch {
      // A page's broken JSON-LD is its problem, not a reason to fail the save.
    }
  }
  const articles = nodes.filter((n) => asArray(n['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)));
  // Real articles before generic WebPage objects.
  articles.sort((a, b) => Number(/WebPage/.test(String(a['@type']))) - Number(/WebPage/.test(String(b['@type']))));
  return articles.map((a) => ({
    headline: text(a.headline) ?? text(a.name),
    datePublished: text(a.datePublished),
    dateModified: text(a.dateModified),
    authors: asArray(a.author).map(text).filter((s): s is string => !!s),
    publisher: text(a.publisher),
    image: text(asArray(a.image)[0]),
    url: text(a.url),
  }));
}
