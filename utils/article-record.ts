// Turns an extracted page into the rows the library stores; pure, shared by the library and the command line.
import type { Article, ExtractedArticle } from './types';

/** FNV-1a 32-bit over the UTF-8 bytes, 8 hex digits: tells "page changed" apart, not a security hash. */
export function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The fields a page owns: a new save of the same URL refreshes these and nothing else. `declaredCanonical` is
 * there only when the page declared one (old rows and rows of pages without one have no such key); `pageUrl`
 * is not stored: `url` is the article's address.
 */
export function pageFields(extracted: ExtractedArticle, nowIso: string) {
  return {
    url: extracted.url,
    ...(extracted.declaredCanonical ? { declaredCanonical: extracted.declaredCanonical } : {}),
    title: extracted.title,
    source: extracted.source,
    siteName: extracted.siteName,
    author: extracted.author,
    publishedAt: extracted.publishedAt,
    lang: extracted.lang,
    excerpt: extracted.excerpt,
    leadImage: extracted.leadImage,
    siteArticleId: extracted.siteArticleId,
    updatedAt: nowIso,
    contentHash: fnv1a32(extracted.html),
    // How the fields were found, for the save card; only from an extractor that says (older callers leave the row's).
    ...(extracted.found ? { found: extracted.found, unsure: extracted.unsure ?? [] } : {}),
  };
}

/** A first save: no tags, no category, never exported. */
export function newArticle(extracted: ExtractedArticle, now: Date): Article {
  const nowIso = now.toISOString();
  return { ...pageFields(extracted, nowIso), savedAt: nowIso, tags: [], category: null, exportedAt: null };
}
