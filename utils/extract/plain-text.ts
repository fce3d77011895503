// Documents that are not HTML pages: a text/plain file becomes an article of its own paragraphs
// (titled by its first line), a PDF is refused by the background with its own message (extract-tab.ts).
import type { ExtractedArticle } from '../types';
import { chooseArticleUrl, notWebPage } from './article-url';
import { detectLang } from './detect-lang';
import { siteArticleId } from './site-article-id';

const TITLE_MAX = 200;

/** What kind of document the extract script runs in, from `document.contentType`. */
export function documentKind(contentType: string | null | undefined): 'html' | 'text' | 'pdf' {
  const type = (contentType ?? '').toLowerCase().split(';')[0].trim();
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/plain') return 'text';
  return 'html';
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The URL's last path segment, decoded: the name of the file when the text has no line to title it. */
function lastSegment(url: string): string {
  try {
    const seg = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
    let name = seg;
    try {
      name = decodeURIComponent(seg);
    } catch { /* keep it encoded */ }
    return name.trim() || new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * A plain-text file as an article: its first non-empty line (trimmed, at most 200 characters) is the
 * title, else the URL's last segment; the rest is the body, one paragraph per blank-line-separated
 * block (or per line when the file has no blank lines).
 */
export function plainTextArticle(raw: string, pageUrl: string): ExtractedArticle | null {
  const text = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return null;
  const firstLine = lines[first].trim().replace(/\s+/g, ' ');
  const short = firstLine.length <= TITLE_MAX;
  const title = (short ? firstLine : firstLine.slice(0, TITLE_MAX).trimEnd() + '…') || lastSegment(pageUrl);
  // A short first line is the heading: the body starts after it. A long one is the first paragraph.
  const rest = (short ? lines.slice(first + 1) : lines.slice(first)).join('\n');
  const blocks = /\n[ \t\u3000]*\n/.test(rest.trim())
    ? rest.split(/\n(?:[ \t\u3000]*\n)+/)
    : rest.split('\n');
  let paragraphs = blocks.map((b) => b.split('\n').map((l) => l.trim()).filter(Boolean)).filter((p) => p.length > 0);
  if (paragraphs.length === 0) paragraphs = [[firstLine]];
  const html = paragraphs.map((p) => `<p>${p.map(escape).join('<br>')}</p>`).join('\n');
  const bodyText = paragraphs.map((p) => p.join('\n')).join('\n\n');
  const key = chooseArticleUrl(pageUrl, []);
  let host: string | null = null;
  try {
    host = new URL(key.url).hostname.replace(/^www\./, '') || null;
  } catch { /* no host */ }
  return {
    url: key.url,
    pageUrl: key.pageUrl,
    title,
    source: null,
    siteName: host,
    author: null,
    publishedAt: null,
    lang: detectLang(null, `${title}\n${bodyText}`),
    excerpt: bodyText.replace(/\s+/g, ' ').trim().slice(0, 300) || null,
    leadImage: null,
    siteArticleId: siteArticleId(key.url),
    html,
    text: bodyText,
  };
}

/** The entry of the extract scripts for a text/plain document (Chromium shows it as one <pre>). */
export function extractPlainText(doc: Document, pageUrl: string): { ok: true; article: ExtractedArticle } | { ok: false; code: 'no-article' | 'not-http'; message: string } {
  const refused = notWebPage(pageUrl);
  if (refused) return refused;
  const article = plainTextArticle(doc.body?.textContent ?? doc.documentElement?.textContent ?? '', pageUrl);
  return article ? { ok: true, article } : { ok: false, code: 'no-article', message: 'This page has no text to save.' };
}
