// Article HTML → Markdown for the Markdown presets: Turndown with GFM tables and strikethrough, absolute URLs, text kept as text.
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { escapeMarkdownTextNode } from './markdown-text';

function absolute(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** Only these become links or images; anything else (`javascript:`, `data:`, `vbscript:`) stays the text it wraps. */
const SAFE_URL = /^(?:https?:|mailto:)/i;

export type HtmlToMarkdown = (html: string, baseUrl: string) => string;

/**
 * A converter for one export: building Turndown's rule set costs more than converting a short article, so one
 * service serves every article of the export. It needs a DOM parser (the page's, or Turndown's own in Node);
 * an MV3 service worker has none, so exports run in a page or in Node.
 */
export function createHtmlToMarkdown(): HtmlToMarkdown {
  let base = '';
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  // Page text is text: Turndown's escapes leave `<`, entities and kramdown's `{:` open (markdown-text.ts).
  service.escape = escapeMarkdownTextNode;
  service.use(gfm);
  service.addRule('absoluteImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const el = node as HTMLElement;
      const src = el.getAttribute('src');
      if (!src) return '';
      const url = absolute(src, base);
      if (!SAFE_URL.test(url)) return '';
      const alt = (el.getAttribute('alt') ?? '').replace(/[\[\]\\]/g, '\\$&').replace(/\s+/g, ' ').replace(/</g, '\\<');
      const title = el.getAttribute('title');
      return `![${alt}](${url.replace(/[()\s<>]/g, encodeURIComponent)}${title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : ''})`;
    },
  });
  service.addRule('absoluteLink', {
    filter: (node) => node.nodeName === 'A' && !!(node as HTMLElement).getAttribute('href'),
    replacement: (content, node) => {
      const href = absolute((node as HTMLElement).getAttribute('href')!, base);
      if (!content.trim()) return '';
      if (!SAFE_URL.test(href)) return content;
      return `[${content}](${href.replace(/[()\s<>]/g, encodeURIComponent)})`;
    },
  });
  return (html, baseUrl) => {
    if (!html.trim()) return '';
    base = baseUrl;
    return service.turndown(html).trim();
  };
}
