// "Save selection as article": the selected passage, with the page's metadata, as an article of its own.
import { extractArticle } from './extract-article';
import { readPageMetadata } from './page-metadata';
import { chooseArticleUrl, notWebPage } from './article-url';
import { squash } from './dom-text';
import { articleFromContainer, type FallbackOptions, type FallbackResult } from './whole-page';

/** What the extract script reads from `getSelection()`; a fake in tests. */
export interface SelectionLike {
  rangeCount: number;
  getRangeAt(index: number): Range;
}

const NO_SELECTION = 'Nothing is selected on this page.';

// Text fragments (#:~:text=) need "-", "," and "&" escaped beyond encodeURIComponent.
function fragmentPart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** A few words (or CJK characters) from one end of the passage. */
function edge(text: string, fromEnd: boolean): string {
  const words = text.split(' ');
  if (words.length >= 4) return (fromEnd ? words.slice(-4) : words.slice(0, 4)).join(' ');
  return fromEnd ? text.slice(-12) : text.slice(0, 12);
}

/**
 * The key of a saved passage: the page URL with a text fragment that points at it, so each
 * passage is its own row (saving it again updates that row) and the link scrolls to it.
 */
export function selectionUrl(pageUrl: string, text: string): string {
  const flat = squash(text);
  const start = edge(flat, false);
  const end = edge(flat, true);
  const spec = flat.length <= 24 || start.length + end.length >= flat.length ? fragmentPart(flat) : `${fragmentPart(start)},${fragmentPart(end)}`;
  return `${pageUrl.replace(/#.*$/, '')}#:~:text=${spec}`;
}

export function extractSelection(doc: Document, pageUrl: string, selection: SelectionLike | null, options: FallbackOptions): FallbackResult {
  const refused = notWebPage(pageUrl);
  if (refused) return refused;
  try {
    if (!selection || selection.rangeCount === 0) return { ok: false, code: 'no-selection', message: NO_SELECTION };
    const inert = doc.implementation.createHTMLDocument('');
    const container = inert.createElement('div');
    for (let i = 0; i < selection.rangeCount; i++) {
      const part = inert.createElement('div');
      part.appendChild(inert.importNode(selection.getRangeAt(i).cloneContents(), true));
      container.appendChild(part);
    }
    const text = squash(container.textContent ?? '');
    if (!text) return { ok: false, code: 'no-selection', message: NO_SELECTION };
    // The page's article URL (a canonical on another site is not it, article-url.ts), with the passage's fragment.
    const pageKey = chooseArticleUrl(pageUrl, readPageMetadata(doc, pageUrl).declaredUrls).url;
    const article = articleFromContainer(doc, pageUrl, container, selectionUrl(pageKey, text), options);
    if (!article) return { ok: false, code: 'no-selection', message: NO_SELECTION };
    // The passage rarely holds the credit line (来源) or the dateline: take them from the whole article when there is one.
    const page = extractArticle(doc, pageUrl, options);
    if (!page.ok) return { ok: true, article };
    const { title, source, siteName, author, publishedAt, lang, leadImage } = page.article;
    return { ok: true, article: { ...article, title, source, siteName, author, publishedAt, lang, leadImage } };
  } catch (err) {
    return { ok: false, code: 'error', message: `Could not read the selection: ${(err as Error).message}` };
  }
}
