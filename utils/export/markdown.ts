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

// The body of most saved articles is `<p>text</p>` blocks, often all of it, else up to a first image, link or table.
// Turndown parses such paragraphs into a DOM (domino in Node: most of its time) only to give each one's text with
// whitespace collapsed and escaped, joined by blank lines. plainPrefix reads that leading run itself, stopping at
// anything else: other tags or attributes, a paragraph that is only whitespace (Turndown drops it), characters the
// HTML parser changes (NUL), any character reference but the six decoded here. Whitespace between paragraphs is
// ASCII only: an nbsp there would be text.
const PARAGRAPH = /[ \t\n\r]*<p>([^<]*)<\/p>[ \t\n\r]*/y;
const NOT_PLAIN = /&(?!(?:amp|lt|gt|quot|nbsp|#39);)/;
const COLLAPSIBLE = /[\r\n\t]| {2}/;
const ENTITY = /&(amp|lt|gt|quot|nbsp|#39);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0', '#39': "'" };
const BLANK = /^\s*$/;

/** The Markdown Turndown gives each leading plain paragraph (collapsed as collapseWhitespace does, then escaped). */
function plainPrefix(html: string, escape: (text: string) => string): { parts: string[]; end: number } {
  const parts: string[] = [];
  let end = 0;
  PARAGRAPH.lastIndex = 0;
  for (let m = PARAGRAPH.exec(html); m; m = PARAGRAPH.exec(html)) {
    let text = m[1]!;
    if (text.includes('\0')) break;
    if (text.includes('&')) {
      if (NOT_PLAIN.test(text)) break;
      text = text.replace(ENTITY, (_e, name: string) => ENTITIES[name]!);
    }
    // Runs of ASCII whitespace become one space, none at a block's start or end.
    if (COLLAPSIBLE.test(text)) text = text.replace(/[ \r\n\t]+/g, ' ');
    if (text.startsWith(' ')) text = text.slice(1);
    if (text.endsWith(' ')) text = text.slice(0, -1);
    if (BLANK.test(text)) break;
    parts.push(escape(text));
    end = PARAGRAPH.lastIndex;
  }
  return { parts, end };
}

/**
 * Turndown's Markdown for `html`, taking its plain paragraphs from plainPrefix. The rest goes to Turndown behind one
 * stand-in paragraph `<p>x</p>`: after a closed paragraph of text the HTML parser is in the same state whatever the
 * paragraphs held (in body, nothing open, no formatting to reopen, frameset no longer allowed), Turndown's whitespace
 * pass starts its next node alike, and its joins only look at the `\n\n` the paragraph left; so what follows `x\n\n`
 * is what would follow the real paragraphs.
 */
function convert(html: string, escape: (text: string) => string, turndown: (html: string) => string): string {
  const { parts, end } = plainPrefix(html, escape);
  if (parts.length === 0) return turndown(html).trim();
  const head = parts.join('\n\n');
  if (end >= html.length) return head.trim();
  const rest = turndown(`<p>x</p>${html.slice(end)}`).trim();
  if (rest === 'x') return head.trim();
  if (!rest.startsWith('x\n\n')) return turndown(html).trim();
  return `${head}\n\n${rest.slice(3)}`.trim();
}

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
    return convert(html, escapeMarkdownTextNode, (part) => service.turndown(part));
  };
}
