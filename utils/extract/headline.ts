// Finds the headline element on the page: the anchor for the dateline, source and byline around it.
import { squash } from './dom-text';

/** The element's text, or null as soon as it is longer than `max` (never reads a whole page's wrapper). */
function shortText(el: Element, max: number): string | null {
  let out = '';
  let n: Node | null = el.firstChild;
  if (!n) return '';
  const stack: Node[] = [];
  while (n) {
    if (n.nodeType === 3) {
      out += n.nodeValue ?? '';
      if (out.length > max) return null;
    } else if (n.nodeType === 1 && n.firstChild) {
      if (n.nextSibling) stack.push(n.nextSibling);
      n = n.firstChild;
      continue;
    }
    n = n.nextSibling ?? stack.pop() ?? null;
  }
  return out;
}

const HEADINGS = 'h1, h2, h3, h4, [class*="title" i], [id*="title" i], b, strong, font, td, span, div, p';
const MAX_SCAN = 4000;

/** A qualified <h1>: inside the article when there are several, never the site's logo. */
export function firstHeading(doc: Document, siteNames: string[]): Element | null {
  const names = siteNames.map((n) => n.toLowerCase());
  const h1s = Array.from(doc.querySelectorAll('h1')).filter((h) => {
    const t = squash(h.textContent ?? '');
    return t.length >= 4 && t.length <= 300 && !h.querySelector('style, script') && !names.includes(t.toLowerCase());
  });
  return h1s.find((h) => h.closest('article, main, [class*="article"], [class*="content"], [class*="news"]')) ?? h1s[0] ?? null;
}

/**
 * The element whose own text is the title (pages that set the headline in an <h3>, a <td> or a
 * styled <div>): the first heading-like element in document order, preferring real headings.
 */
export function elementShowing(doc: Document, title: string): Element | null {
  const want = squash(title);
  if (want.length < 4 || !doc.body) return null;
  let best: Element | null = null;
  const all = doc.body.querySelectorAll(HEADINGS);
  const n = Math.min(all.length, MAX_SCAN);
  for (let i = 0; i < n; i++) {
    const el = all[i];
    const raw = shortText(el, want.length * 3 + 40);
    if (raw === null) continue;
    const t = squash(raw);
    if (t !== want && !(t.startsWith(want) && t.length <= want.length + 12)) continue;
    if (el.closest('a, title, script, style, [class*="share" i], [class*="nav" i]')) continue;
    // The innermost match: its parent would show the same text.
    if (!best || best.contains(el)) best = el;
    if (/^H[1-4]$/.test(el.tagName)) return el;
  }
  return best;
}

const PIECE_SPLIT = /\s*[_|｜]\s*|\s+[-–—·•»]\s+|-{1,2}|——|—/;

/** The parts of a <title> that may be the headline, longest first ("频道 | 标题", "标题-搜狐财经"). */
export function titlePieces(docTitle: string): string[] {
  const t = squash(docTitle).replace(/\s*[(（]页\s*\d+[)）]\s*$/, '');
  const pieces = t.split(PIECE_SPLIT).map((p) => p.replace(/\s*[(（]页\s*\d+[)）]\s*$/, '').trim()).filter((p) => p.length >= 4);
  return [...new Set([t, ...pieces])].sort((a, b) => b.length - a.length).slice(0, 5);
}
