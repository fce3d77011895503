// Points an exported body's kept pictures at their copies in the site; a picture not kept keeps its original link.
//
// The body is edited as a string, tag by tag: only the `<img>` (and `<source>`) tags of kept pictures change, so
// a body with no kept picture comes back as the very same string (the seed's default preset stays byte-exact).
// Rewrite before Markdown conversion, and the Markdown's `![](…)` links follow.
import { serializeStartTag, type HtmlTag } from './html-tags';
import { IMAGE_ADDRESS_ATTRS, chooseImage, imageTags } from './image-source';
import type { ImageLocation } from './image-paths';
import { DEFAULT_TARGET_WIDTH } from './srcset';

export interface ExportFile {
  /** From the export's top (`assets/images/…`, `static/assets/…`). */
  path: string;
  /** The media row whose bytes go there. */
  hash: string;
}

export interface RewrittenBody {
  html: string;
  /** Each file the body now links, once, in the order it first appears. */
  files: ExportFile[];
}

export interface RewriteOptions {
  /** The same width the images were collected for, so each tag resolves to the same URL (default 1200). */
  targetWidth?: number;
}

/** The kept `<img>`: `src` is the copy; srcset, sizes and lazy attributes go (they would load the original). */
function rewrittenImg(img: HtmlTag, link: string): string {
  const attrs = img.attrs.filter((a) => a.name === 'src' || !IMAGE_ADDRESS_ATTRS.has(a.name)).map((a) => (a.name === 'src' ? { name: 'src', value: link } : a));
  if (!attrs.some((a) => a.name === 'src')) attrs.unshift({ name: 'src', value: link });
  return serializeStartTag('img', attrs, img.selfClosing);
}

/**
 * `html` with every picture `locate` knows pointing at its copy's link: the `<img>` rewritten, the `<source>` tags
 * of its `<picture>` removed. `pageUrl` resolves relative addresses as collecting did.
 */
export function rewriteImages(
  html: string, pageUrl: string, locate: (url: string) => ImageLocation | null, options: RewriteOptions = {},
): RewrittenBody {
  const targetWidth = options.targetWidth ?? DEFAULT_TARGET_WIDTH;
  const edits: { start: number; end: number; text: string }[] = [];
  const files = new Map<string, ExportFile>();
  for (const { img, sources } of imageTags(html)) {
    const { url } = chooseImage(img, sources, pageUrl, targetWidth);
    const location = url === null ? null : locate(url);
    if (!location) continue;
    edits.push({ start: img.start, end: img.end, text: rewrittenImg(img, location.link) });
    for (const s of sources) edits.push({ start: s.start, end: s.end, text: '' });
    if (!files.has(location.path)) files.set(location.path, { path: location.path, hash: location.hash });
  }
  if (!edits.length) return { html, files: [] };
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue; // a source shared by two images of one picture is removed once
    out += html.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { html: out + html.slice(at), files: [...files.values()] };
}
