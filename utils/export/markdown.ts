// Article HTML → Markdown for the Markdown presets: Turndown with GFM tables and strikethrough, absolute URLs.
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

function absolute(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

let service: TurndownService | null = null;
let currentBase = '';

/** One service reused across articles: building Turndown's rule set costs more than converting a short article. */
function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  service.use(gfm);
  service.addRule('absoluteImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const el = node as HTMLElement;
      const src = el.getAttribute('src');
      if (!src) return '';
      const alt = (el.getAttribute('alt') ?? '').replace(/[\[\]\\]/g, '\\$&').replace(/\s+/g, ' ');
      const title = el.getAttribute('title');
      return `![${alt}](${absolute(src, currentBase).replace(/[()\s]/g, encodeURIComponent)}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    },
  });
  service.addRule('absoluteLink', {
    filter: (node) => node.nodeName === 'A' && !!(node as HTMLElement).getAttribute('href'),
    replacement: (content, node) => {
      const href = absolute((node as HTMLElement).getAttribute('href')!, currentBase);
      if (!content.trim()) return '';
      return `[${content}](${href.replace(/[()\s]/g, encodeURIComponent)})`;
    },
  });
  return service;
}

/** The article body as GitHub-flavoured Markdown; relative links and images resolved against the article's URL. */
export function htmlToMarkdown(html: string, baseUrl: string): string {
  if (!html.trim()) return '';
  currentBase = baseUrl;
  return turndown().turndown(html).trim();
}
