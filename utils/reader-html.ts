// Stored article HTML made safe to show in the reader: DOMPurify (given its window) strips scripts, handlers and javascript: links.
import createDOMPurify, { type WindowLike } from 'dompurify';

const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link'];

/** A sanitizer bound to one window (the page's, or jsdom's in tests). */
export function readerSanitizer(win: WindowLike): (html: string) => string {
  const purify = createDOMPurify(win);
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Links leave the extension page for a new tab, and the site learns nothing about it.
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return (html) => purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR: ['style'], ALLOW_DATA_ATTR: false });
}
