// Finds the headline element on the page: the anchor for the dateline, source and byline around it.
import { squash } from './dom-text';
import { bodyElements, scanPage, type PageScan } from './page-scan';
import { pageMarks } from './byline';

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

const MAX_SCAN = 4000;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'b', 'strong', 'font', 'td', 'span', 'div', 'p']);

/**
 * The heading-like elements among the body's, in document order: what
 * `h1, h2, h3, h4, h5, h6, [class*="title" i], [id*="title" i], b, strong, font, td, span, div, p` selects,
 * filtered from one scan instead of a selector query per call.
 */
export function headingCandidates(elements: Element[]): Element[] {
  return elements.filter((el) => HEADING_TAGS.has(el.localName) || /title/i.test(el.getAttribute('class') ?? '') || /title/i.test(el.getAttribute('id') ?? ''));
}

// Parts of an <h1> that are not the headline: a kicker ("Dachzeile") above it, a subtitle or a date.
const KICKER = 'style, script, small, [class*="kicker" i], [class*="dachzeile" i], [class*="topline" i], [class*="overline" i], '
  + '[class*="roofline" i], [class*="eyebrow" i], [class*="subtitle" i], [class*="sub-title" i], [class*="subline" i], '
  + '[class*="untertitel" i], [class*="supertitle" i], [class*="spitzmarke" i]';
const NOT_HEADLINE = '[class*="breadcrumb" i], [id*="breadcrumb" i], nav';

/** The headline's own text: the element's text without kickers, subtitles, styles and scripts. */
export function headlineText(el: Element): string {
  if (!el.querySelector(KICKER)) return squash(el.textContent ?? '');
  const copy = el.cloneNode(true) as Element;
  for (const k of Array.from(copy.querySelectorAll(KICKER))) k.remove();
  return squash(copy.textContent ?? '');
}

/** The texts of an element's direct children (elements and text nodes), when it has more than one. */
export function headlineParts(el: Element): string[] {
  const parts: string[] = [];
  for (let c = el.firstChild; c && parts.length < 6; c = c.nextSibling) {
    if (c.nodeType === 1 && /^(STYLE|SCRIPT)$/i.test((c as Element).tagName)) continue;
    const t = c.nodeType === 1 ? headlineText(c as Element) : c.nodeType === 3 ? squash(c.nodeValue ?? '') : '';
    if (t) parts.push(t);
  }
  return parts.length > 1 ? parts : [];
}

/** An <h1> that is all one short link to another page: the site's logo or a section name, not the headline. */
function isLinkOnly(h: Element, text: string): boolean {
  const links = h.querySelectorAll('a');
  if (links.length !== 1) return false;
  const a = links[0];
  if (squash(a.textContent ?? '') !== text || /\bbookmark\b/i.test(a.getAttribute('rel') ?? '')) return false;
  // A long linked <h1> is a headline linking to its own full text (journals, blogs).
  const short = /[\u3040-\u9fff]/.test(text) ? text.length <= 6 : text.length <= 30 && text.split(' ').length <= 3;
  if (!short) return false;
  // A permalink to the article itself is still its headline.
  const here = [h.ownerDocument.URL, h.ownerDocument.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '']
    .map((u) => u.replace(/[#?].*$/, '').replace(/\/$/, ''));
  const href = ((a as HTMLAnchorElement).href ?? '').replace(/[#?].*$/, '').replace(/\/$/, '');
  return !!href && !here.includes(href);
}

// Where a site puts its own name or logo: an <h1> there is the banner, not the headline.
const BANNER = '[class*="logo" i], [id*="logo" i], [class*="banner" i], [id*="banner" i], [class*="masthead" i], [class*="site-name" i], [class*="sitename" i], [role="banner"]';

/**
 * An <h1> that is the site's banner (a government or company site's name over every page): set in a logo or
 * banner box or a page <header> with the site's navigation, or shown in the <title> only after a separator, as its
 * last part ("头条标题 - 某某区人民政府" with <h1>某某区人民政府</h1>).
 */
function isBanner(h: Element, text: string): boolean {
  const title = squash(h.ownerDocument.title ?? '');
  // The <title> opens with it: the page's headline, wherever a theme put it.
  if (title.toLowerCase().startsWith(text.toLowerCase())) return false;
  const pieces = title.split(PIECE_SPLIT).map((p) => p.trim()).filter(Boolean);
  // "频道 | 标题" puts a short name first: only a longer first part is the headline.
  if (pieces.length > 1 && pieces[0].length > text.length && pieces[pieces.length - 1] === text) return true;
  // A site's name is short; a long <h1> in a banner box is a headline set in a hero image.
  if (text.length > 40) return false;
  if (h.closest(BANNER)) return true;
  const header = h.closest('header');
  return !!header && !header.closest('article, main, [role="main"]') && !!header.querySelector('nav, [role="navigation"]');
}

/** The texts of the page's banner <h1>s (see isBanner): names the page gives itself, for the title's suffix. */
export function bannerNames(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('h1'))
    .map((h) => ({ h, t: headlineText(h) }))
    .filter(({ h, t }) => t.length >= 2 && t.length <= 40 && isBanner(h, t))
    .map(({ t }) => t);
}

/** A qualified <h1>: inside the article when there are several, never the site's logo, banner or a breadcrumb. */
export function firstHeading(doc: Document, siteNames: string[]): Element | null {
  const names = siteNames.map((n) => n.toLowerCase());
  const h1s = Array.from(doc.querySelectorAll('h1')).filter((h) => {
    const t = headlineText(h);
    return t.length >= 4 && t.length <= 300 && !names.includes(t.toLowerCase()) && !isLinkOnly(h, t) && !h.closest(NOT_HEADLINE) && !isBanner(h, t);
  });
  return h1s.find((h) => h.closest('article, main, [class*="article"], [class*="content"], [class*="news"]')) ?? h1s[0] ?? null;
}

/** The schema.org microdata headline in the page body, when short enough to be one. */
export function microdataHeadline(doc: Document, scan: PageScan = scanPage(doc)): string | null {
  const el = pageMarks(scan).headline;
  if (!el) return null;
  const t = el.tagName === 'META' ? squash(el.getAttribute('content') ?? '') : headlineText(el);
  return t.length >= 4 && t.length <= 300 ? t : null;
}

/** Dashes and quotes as one character each: "Korsetts - Shops" is what the page shows as "Korsetts – Shops". */
export function punctFold(s: string): string {
  return squash(s).replace(/[‐‑‒–—−-]/g, '-').replace(/[„“”‟"«»]/g, '"').replace(/[‚‘’‛'‹›]/g, "'").toLowerCase();
}

/**
 * The element whose own text is the title (pages that set the headline in an <h3>, a <td> or a
 * styled <div>): the first heading-like element in document order, preferring real headings.
 * `candidates`: headingCandidates() of the page, when the caller has them.
 */
export function elementShowing(doc: Document, title: string, candidates?: ArrayLike<Element>): Element | null {
  const want = punctFold(title);
  if (want.length < 4 || !doc.body) return null;
  let best: Element | null = null;
  const all = candidates ?? headingCandidates(bodyElements(scanPage(doc)));
  const n = Math.min(all.length, MAX_SCAN);
  for (let i = 0; i < n; i++) {
    const el = all[i];
    const raw = shortText(el, want.length * 3 + 40);
    if (raw === null) continue;
    const t = punctFold(raw);
    if (t !== want && !(t.startsWith(want) && t.length <= want.length + 12)) continue;
    if (el.closest('a, title, script, style, [class*="share" i], [class*="nav" i], [class*="breadcrumb" i]')) continue;
    // The innermost match: its parent would show the same text.
    if (!best || best.contains(el)) best = el;
    if (/^H[1-6]$/.test(el.tagName)) return el;
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
