// Reads the byline elements a page marks as such (rel=author, itemprop=author, class*=byline/author).
import { squash } from './dom-text';
import { bodyElements, scanPage, type PageScan } from './page-scan';

// Marks read by one walk over the elements: attribute selectors with substrings are slow in DOM libraries.
const MARK = /byline|autor|author/i;
// Author boxes, avatars and comment threads carry the class too, but not the article's byline.
const NOT_BYLINE = /avatar|bio\b|bio[-_]|desc|image|img|photo|pic|about|social|follow|more|list|related|teaser|comment|form|count/i;
const OUTSIDE_TAGS = /^(?:ASIDE|NAV|FORM)$/;
const OUTSIDE_MARK = /comment|related|sidebar/i;
const BOX_PARTS = '[class*="desc" i], [class*="bio" i], [class*="avatar" i], [class*="job" i], [class*="position" i], img';
const MAX_ELEMENTS = 40_000;
const LABEL_ONLY = /^(?:posted|published|written|veröffentlicht|geschrieben|publié|publicado|by|von|par|por|autor(?:in)?|author|am|on|le)(?:\s+(?:am|on|by|von|le|par|el|por|in))?\s*:?$/i;
const MAX_CANDIDATES = 300;
const MAX_TEXT = 100;

function marks(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function isMarked(el: Element): boolean {
  return MARK.test(marks(el)) || /\bauthor\b/i.test(el.getAttribute('rel') ?? '') || /\bauthor\b/.test(el.getAttribute('itemprop') ?? '');
}

function outside(el: Element): boolean {
  // Up to the <body>: a body class like "comments-open" says nothing about where the byline sits.
  for (let p: Element | null = el; p && p.tagName !== 'BODY'; p = p.parentElement) {
    if (OUTSIDE_TAGS.test(p.tagName) || OUTSIDE_MARK.test(marks(p))) return true;
  }
  return false;
}

/** Text up to `max` characters, or null past it: a wrapper marked "author" around a whole page is not read whole. */
function boundedText(el: Element, max: number): string | null {
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    out += n.nodeValue ?? '';
    if (out.length > max * 4) return null;
  }
  return out;
}

/** The element's byline text: the content of a <meta itemprop>, else its squashed text. */
function ownText(el: Element): string {
  if (el.tagName === 'META' || el.tagName === 'LINK') return squash(el.getAttribute('content') ?? '');
  const name = /\bauthor\b/.test(el.getAttribute('itemprop') ?? '') ? el.querySelector('[itemprop~="name"]') : null;
  const raw = boundedText(name ?? el, MAX_TEXT);
  return raw === null ? '' : squash(raw);
}

interface PageMarks {
  /** Elements marked as a byline or author, in document order. */
  bylines: Element[];
  /** The first element with itemprop="headline". */
  headline: Element | null;
}
// Keyed by the scan, which each extraction makes afresh: marks never outlive the page state they were read from.
const marksCache = new WeakMap<PageScan, PageMarks>();

/** One bounded walk over the body's elements for the marks the metadata rules read; once per scan. */
export function pageMarks(scan: PageScan): PageMarks {
  const hit = marksCache.get(scan);
  if (hit) return hit;
  const out: PageMarks = { bylines: [], headline: null };
  // The body's elements as an array: indexing jsdom's live HTMLCollection goes through a Proxy per element.
  const all = bodyElements(scan);
  for (let i = 0, n = Math.min(all.length, MAX_ELEMENTS); i < n; i++) {
    const el = all[i];
    if (out.bylines.length < MAX_CANDIDATES && isMarked(el)) out.bylines.push(el);
    if (!out.headline && el.getAttribute('itemprop') === 'headline') out.headline = el;
  }
  marksCache.set(scan, out);
  return out;
}

/**
 * The page's byline texts, best first: marked elements after the headline before those above it,
 * the outermost of nested marks, and marks that sit side by side ("A", "B") joined as "A, B".
 */
export function bylineTexts(doc: Document, anchor: Element | null, scan: PageScan = scanPage(doc)): string[] {
  if (!doc.body) return [];
  const found = pageMarks(scan).bylines.filter((el) => {
    if (el.tagName === 'INPUT' || NOT_BYLINE.test(marks(el)) || outside(el)) return false;
    const t = ownText(el);
    return t.length >= 2 && t.length <= MAX_TEXT;
  });
  // The outermost short mark ("von A, B" around the links "A" and "B"), unless it is an author box
  // that also holds a bio or a job title: then the name inside it.
  const usable = found.filter((el) => !el.querySelector(BOX_PARTS));
  const leaves = usable.filter((el) => !usable.some((o) => o !== el && o.contains(el)));
  const after = anchor ? leaves.filter((el) => anchor.compareDocumentPosition(el) & 4) : leaves;
  const before = anchor ? leaves.filter((el) => !(anchor.compareDocumentPosition(el) & 4) && !anchor.contains(el)) : [];
  const out: string[] = [];
  for (const list of [after, before.reverse()]) {
    for (let i = 0; i < list.length && out.length < 6; i++) {
      const group = [ownText(list[i])];
      while (i + 1 < list.length && list[i + 1].parentElement === list[i].parentElement) group.push(ownText(list[++i]));
      // "Posted" / "Veröffentlicht am" beside the name are labels, not a second author.
      const names = [...new Set(group)].filter((t) => !LABEL_ONLY.test(t));
      if (names.length) out.push(names.join(', '));
    }
  }
  return out;
}
