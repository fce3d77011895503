// Reads visible text around an element without layout: what a reader sees next to a headline.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT; the global is missing in some Node DOMs.

/** Whether no ancestor of a node hides it; neighbouring text nodes share ancestors, so each element is judged once. */
function visibility(): (node: Node) => boolean {
  const known = new Map<Element, boolean>();
  const shown = (el: Element | null): boolean => {
    if (!el) return true;
    let v = known.get(el);
    if (v === undefined) {
      v = !(SKIP.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden')) && shown(el.parentElement);
      known.set(el, v);
    }
    return v;
  };
  return (node) => shown(node.parentElement);
}

/** Visible text nodes walking away from `el` (not inside it), nearest first, until `maxChars` are read. */
function textNear(el: Element, maxChars: number, forward: boolean): string[] {
  const visible = visibility();
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, SHOW_TEXT);
  const step = () => (forward ? walker.nextNode() : walker.previousNode());
  const parts: string[] = [];
  let length = 0;
  walker.currentNode = el;
  for (let node = step(); node && length < maxChars; node = step()) {
    // A text node inside `el` is the headline itself; an ancestor cannot be a text node.
    if (el.contains(node) || !visible(node)) continue;
    const t = (node.nodeValue ?? '').trim();
    if (!t) continue;
    parts.push(t);
    length += t.length + 1;
  }
  return parts;
}

/** Text of the nodes that follow `el` in document order (not inside it), up to `maxChars`. */
export function textAfter(el: Element, maxChars: number): string {
  return textNear(el, maxChars, true).join(' ').slice(0, maxChars);
}

/** Text of the nodes that precede `el`, the nearest last, up to `maxChars`. */
export function textBefore(el: Element, maxChars: number): string {
  const joined = textNear(el, maxChars, false).reverse().join(' ');
  return joined.slice(Math.max(0, joined.length - maxChars));
}

/** Collapses runs of white space (including the full-width space) to one space. */
export function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/** The deepest element nesting under `root`, counted without recursion; stops once past `limit`. */
export function nestingDepth(root: Element, limit: number): number {
  let depth = 0, max = 0;
  let el: Element | null = root.firstElementChild;
  if (!el) return 0;
  depth = 1;
  while (el) {
    if (depth > max) max = depth;
    if (max > limit) return max;
    if (el.firstElementChild) {
      el = el.firstElementChild;
      depth++;
      continue;
    }
    while (el && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
      if (el === root || depth <= 0) return max;
    }
    el = el ? el.nextElementSibling : null;
  }
  return max;
}
