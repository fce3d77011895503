// Which address one `<img>` (inside its `<picture>`, if any) really shows: lazy attributes, srcset, picture sources.
//
// Collecting (at save) and rewriting (at export) both ask this, so an image is found under the same URL both times.
import { attr, scanTags, type HtmlTag } from './html-tags';
import { DEFAULT_TARGET_WIDTH, parseSrcset, pickCandidate } from './srcset';

/** Attributes lazy loaders keep the real address in, most specific first (`src` then holds a placeholder). */
export const LAZY_SRC_ATTRS = [
  'data-src', 'data-original', 'data-lazy-src', 'data-actualsrc', 'data-original-src', 'data-lazyload', 'data-lazy',
  'data-echo', 'data-hi-res-src', 'data-url', 'file',
] as const;
/** The same for a srcset. */
export const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'] as const;
/** Everything that names an address the image might load: what a rewrite removes once the image points at its copy. */
export const IMAGE_ADDRESS_ATTRS: ReadonlySet<string> = new Set(['src', 'srcset', 'sizes', ...LAZY_SRC_ATTRS, ...LAZY_SRCSET_ATTRS]);

/** `<source type>` values we can store; a source of another type (JPEG XL, a video) is passed over. */
const STORABLE_TYPES = /^image\/(?:jpeg|jpg|pjpeg|png|apng|gif|webp|avif|svg\+xml)$/i;

/** File names lazy loaders use as a stand-in while the real image waits in a data-* attribute. */
const PLACEHOLDER = /(?:^|\/)(?:blank|spacer|grey|gray|loading|loader|lazy|lazyload|placeholder|transparent|pixel|1x1|clear|default|px)[\w.-]*\.(?:gif|png|svg|jpe?g|webp)$/i;

/** An http(s) address resolved against the page, without its fragment; null for anything else (data:, blob:, broken). */
export function resolveImageUrl(raw: string | null | undefined, base: string): string | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    const u = new URL(value, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/**
 * Whether a `<source media>` applies at the width we collect for: `(min-width: …)` and `(max-width: …)` in px,
 * joined by `and`, plus `all`/`screen`. Any other query is not understood, so that source is passed over.
 */
export function mediaMatches(media: string | null, viewportWidth: number): boolean {
  if (media === null || !media.trim()) return true;
  return media.split(/\s+and\s+/i).every((part) => {
    const p = part.trim().toLowerCase();
    if (p === 'all' || p === 'screen' || p === 'only screen') return true;
    const m = /^\(\s*(min|max)-width\s*:\s*(\d+(?:\.\d+)?)(px|em|rem)?\s*\)$/.exec(p);
    if (!m) return false;
    const px = Number(m[2]) * (m[3] === 'em' || m[3] === 'rem' ? 16 : 1);
    return m[1] === 'min' ? viewportWidth >= px : viewportWidth <= px;
  });
}

/** The best http(s) candidate of the first srcset-like attribute of `tag` that has one. */
function fromSrcset(tag: HtmlTag, names: readonly string[], base: string, targetWidth: number): string | null {
  for (const name of names) {
    const value = attr(tag, name);
    if (!value) continue;
    const usable = parseSrcset(value)
      .map((c) => ({ ...c, url: resolveImageUrl(c.url, base) ?? '' }))
      .filter((c) => c.url);
    const best = pickCandidate(usable, targetWidth);
    if (best) return best.url;
  }
  return null;
}

export interface ImageChoice {
  /** The resolved http(s) address to keep, or null when the image has none (inline data:, a broken value). */
  url: string | null;
  /** The address as written when `url` is null, so a caller can say why (a data: URI, another scheme). */
  raw: string | null;
  /** Declared `width`/`height` attributes in pixels, when they are plain numbers. */
  width?: number;
  height?: number;
}

function declared(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(?:\.\d+)?(?:px)?\s*$/i.test(value)) return undefined;
  return Number.parseFloat(value);
}

/**
 * The address an `<img>` shows, in this order: a `<picture>` source that applies (storable type, matching media),
 * a lazy srcset, the srcset, a lazy src attribute, then `src` (unless it is a data: URI or a placeholder name
 * while a lazy attribute holds something).
 */
export function chooseImage(img: HtmlTag, sources: readonly HtmlTag[], base: string, targetWidth = DEFAULT_TARGET_WIDTH): ImageChoice {
  const size = { width: declared(attr(img, 'width')), height: declared(attr(img, 'height')) };
  const done = (url: string | null, raw: string | null): ImageChoice => {
    const out: ImageChoice = { url, raw };
    if (size.width !== undefined) out.width = size.width;
    if (size.height !== undefined) out.height = size.height;
    return out;
  };
  for (const source of sources) {
    const type = attr(source, 'type');
    if (type && !STORABLE_TYPES.test(type.trim())) continue;
    if (!mediaMatches(attr(source, 'media'), targetWidth)) continue;
    const url = fromSrcset(source, [...LAZY_SRCSET_ATTRS, 'srcset'], base, targetWidth);
    if (url) return done(url, null);
  }
  const set = fromSrcset(img, [...LAZY_SRCSET_ATTRS, 'srcset'], base, targetWidth);
  if (set) return done(set, null);
  let lazyRaw: string | null = null;
  for (const name of LAZY_SRC_ATTRS) {
    const value = attr(img, name);
    if (!value?.trim()) continue;
    lazyRaw ??= value;
    const url = resolveImageUrl(value, base);
    if (url) return done(url, null);
  }
  const src = attr(img, 'src');
  const url = resolveImageUrl(src, base);
  if (url && !(lazyRaw !== null && PLACEHOLDER.test(new URL(url).pathname))) return done(url, null);
  return done(null, src?.trim() || lazyRaw);
}

export interface ImageTag {
  img: HtmlTag;
  /** The `<source>` tags of the `<picture>` holding this image, in order; empty outside a picture. */
  sources: HtmlTag[];
}

/** Every `<img>` of serialized HTML with its picture's sources (a `<source>` of `<video>`/`<audio>` is not one). */
export function* imageTags(html: string): Generator<ImageTag> {
  // A stack, since a picture's fallback content could hold another picture.
  const pictures: HtmlTag[][] = [];
  let media = 0;
  for (const tag of scanTags(html)) {
    if (tag.name === 'picture') {
      if (tag.closing) pictures.pop();
      else pictures.push([]);
    } else if (tag.name === 'video' || tag.name === 'audio') {
      media = Math.max(0, media + (tag.closing ? -1 : 1));
    } else if (!tag.closing && tag.name === 'source' && pictures.length && !media) {
      pictures[pictures.length - 1]!.push(tag);
    } else if (!tag.closing && tag.name === 'img') {
      yield { img: tag, sources: pictures.length && !media ? pictures[pictures.length - 1]! : [] };
    }
  }
}
