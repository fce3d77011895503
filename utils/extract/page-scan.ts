// One walk over the page's elements that the metadata readers share: a selector query walks and
// matches the whole document each time (slowly in jsdom), while a filter over this list is cheap.

const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT; the global is missing in some Node DOMs.

export interface PageScan {
  /** Every element of the document, in document order. */
  readonly elements: Element[];
  /** `elements[bodyStart]` … `elements[bodyEnd - 1]` are the body's descendants. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Lower-cased ids and class names on the page, gathered on first use. */
  tokens?: Set<string>;
}

export function scanPage(doc: Document): PageScan {
  const elements: Element[] = [];
  const root = doc.documentElement;
  if (root) {
    // A TreeWalker steps through the tree inside the DOM implementation: several times faster in
    // jsdom than reading firstElementChild/nextElementSibling from script.
    const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
    for (let n: Node | null = root; n; n = walker.nextNode()) elements.push(n as Element);
  }
  const body = doc.body;
  const at = body ? elements.indexOf(body) : -1;
  if (!body || at < 0) return { elements, bodyStart: 0, bodyEnd: 0 };
  return { elements, bodyStart: at + 1, bodyEnd: subtreeEnd(elements, body, at) };
}

/** Where the subtree of `elements[at]` ends: the index of the first element that follows it. */
function subtreeEnd(elements: Element[], root: Element, at: number): number {
  let follow: Element | null = null;
  for (let p: Element | null = root; p && !follow; p = p.parentElement) follow = p.nextElementSibling;
  const end = follow ? elements.indexOf(follow, at + 1) : -1;
  return end < 0 ? elements.length : end;
}

/** The descendants of `root` (an element of the scanned document) in document order. */
export function descendantsOf(scan: PageScan, root: Element): Element[] {
  const at = scan.elements.indexOf(root);
  if (at < 0) return [];
  return scan.elements.slice(at + 1, subtreeEnd(scan.elements, root, at));
}

/** The body's descendants, in document order. */
export function bodyElements(scan: PageScan): Element[] {
  return scan.elements.slice(scan.bodyStart, scan.bodyEnd);
}

/** The first element with this tag (lower-case local name) that passes `test`. */
export function firstTag(scan: PageScan, tag: string, test: (el: Element) => boolean = () => true): Element | null {
  for (const el of scan.elements) if (el.localName === tag && test(el)) return el;
  return null;
}

/** Every element with this tag (lower-case local name) that passes `test`. */
export function allTags(scan: PageScan, tag: string, test: (el: Element) => boolean = () => true): Element[] {
  return scan.elements.filter((el) => el.localName === tag && test(el));
}

const ASCII_SPACE = /[\t\n\f\r ]+/;

function tokens(scan: PageScan): Set<string> {
  if (scan.tokens) return scan.tokens;
  const set = new Set<string>();
  for (const el of scan.elements) {
    const id = el.getAttribute('id');
    if (id) set.add(`#${id.toLowerCase()}`);
    const cls = el.getAttribute('class');
    if (cls) for (const c of cls.split(ASCII_SPACE)) if (c) set.add(`.${c.toLowerCase()}`);
  }
  scan.tokens = set;
  return set;
}

const UNSURE = /[[\]():"'\\]/;
const ID_OR_CLASS = /[#.]-?[_a-zA-Z\u0080-\uffff][\w\u0080-\uffff-]*/g;

/**
 * False when no part of a selector list can match because an id or class it needs is on no
 * element: a site rule's selectors then need no query at all. Case is ignored (quirks-mode pages
 * match classes that way); a selector with attributes, pseudo-classes or escapes is always tried.
 */
export function mayMatch(selector: string, scan: PageScan): boolean {
  if (UNSURE.test(selector)) return true;
  const have = tokens(scan);
  return selector.split(',').some((part) => (part.match(ID_OR_CLASS) ?? []).every((t) => have.has(t.toLowerCase())));
}
