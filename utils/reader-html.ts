// Stored article HTML made safe to show in the reader: DOMPurify (given its window) strips scripts, handlers and javascript: links.
// With `remoteImages: 'hold'` nothing in it loads from another site (images are tracking pixels too): every
// address an element would fetch (src, srcset, poster, background, an SVG href) moves to `data-jb-*`, and the
// reader offers to load them (components/library-reader.tsx) by sanitizing again with `'load'`.
import createDOMPurify, { type WindowLike } from 'dompurify';

const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link'];

export interface ReaderSanitizerOptions {
  /** `load` (the default): remote images load as the page had them. `hold`: none loads until asked. */
  remoteImages?: 'load' | 'hold';
}

/** The attribute an element's fetched address is held under in `hold` mode. */
export const HELD_PREFIX = 'data-jb-';
/** Marks an element whose remote addresses are held. */
export const HELD_MARK = 'data-jb-held';

/** Attributes that make an element fetch something: links (`a`/`area` href) only navigate, so they stay. */
const FETCHING = ['src', 'srcset', 'poster', 'background', 'href', 'xlink:href'];

/** Whether a URL (or a srcset) would be fetched from the network: anything but data:, blob: or a fragment. */
function remote(attr: string, value: string): boolean {
  const urls = attr === 'srcset' ? value.split(/,\s+/).map((c) => c.trim().split(/\s+/)[0] ?? '') : [value.trim()];
  return urls.some((u) => u !== '' && !/^(?:data:|blob:|#)/i.test(u));
}

/** How many elements of sanitized `hold` HTML have addresses held back. */
export function heldCount(html: string): number {
  return html.split(` ${HELD_MARK}=`).length - 1;
}

/** A sanitizer bound to one window (the page's, or jsdom's in tests). */
export function readerSanitizer(win: WindowLike, options: ReaderSanitizerOptions = {}): (html: string) => string {
  const purify = createDOMPurify(win);
  const hold = options.remoteImages === 'hold';
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Links leave the extension page for a new tab, and the site learns nothing about it.
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (!hold || !node.hasAttributes?.()) return;
    const navigates = /^(?:a|area)$/i.test(node.tagName);
    let held = false;
    for (const attr of FETCHING) {
      if (navigates && (attr === 'href' || attr === 'xlink:href')) continue;
      const value = node.getAttribute(attr);
      if (value === null || !remote(attr, value)) continue;
      node.removeAttribute(attr);
      node.setAttribute(HELD_PREFIX + attr.replace(':', '-'), value);
      held = true;
    }
    // Any other attribute pointing at a remote url(…) (an SVG fill or filter) goes.
    for (const a of Array.from(node.attributes)) {
      if (!a.name.startsWith(HELD_PREFIX) && /url\(\s*['"]?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(a.value)) node.removeAttribute(a.name);
    }
    if (held) node.setAttribute(HELD_MARK, '');
  });
  return (html) => purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR: ['style'], ALLOW_DATA_ATTR: false });
}
