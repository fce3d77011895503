// The images an article keeps: every picture of its body (as stored, sanitized HTML) and its lead image, in order, once each.
import { chooseImage, imageTags, resolveImageUrl } from './image-source';
import { skipReason, type SkipReason } from './image-filter';
import { DEFAULT_TARGET_WIDTH } from './srcset';

export interface CollectOptions {
  /** The article's lead image (og:image …): kept after the body's pictures unless one of them is it. */
  leadImage?: string | null;
  /** The width srcsets and picture sources are chosen for (srcset.ts). */
  targetWidth?: number;
}

export interface CollectedImage {
  /** Absolute http(s), without fragment: the key a rewrite finds it under again. */
  url: string;
  /** The article's lead image (it may be in the body too). */
  lead: boolean;
  /** Declared in the HTML, when plain numbers. */
  width?: number;
  height?: number;
}

export interface SkippedImage {
  /** As resolved, or as written when it could not be (a data: URI is cut to its first 64 characters). */
  url: string;
  reason: SkipReason;
}

export interface CollectedImages {
  images: CollectedImage[];
  skipped: SkippedImage[];
}

/**
 * The images of `html` worth fetching, resolved against `pageUrl`. An image seen twice is listed once (where it
 * first appears); inline data: images (already offline), pixels, icons and trackers are listed in `skipped`.
 */
export function collectImages(html: string, pageUrl: string, options: CollectOptions = {}): CollectedImages {
  const targetWidth = options.targetWidth ?? DEFAULT_TARGET_WIDTH;
  const images: CollectedImage[] = [];
  const skipped: SkippedImage[] = [];
  const kept = new Map<string, CollectedImage>();
  const dropped = new Set<string>();
  const skip = (url: string, reason: SkipReason) => {
    const shown = url.startsWith('data:') ? url.slice(0, 64) : url;
    if (dropped.has(shown) || kept.has(shown)) return;
    dropped.add(shown);
    skipped.push({ url: shown, reason });
  };
  for (const { img, sources } of imageTags(html)) {
    const choice = chooseImage(img, sources, pageUrl, targetWidth);
    if (choice.url === null) {
      if (choice.raw) skip(choice.raw, /^\s*data:/i.test(choice.raw) ? 'inline' : 'not-http');
      continue;
    }
    if (kept.has(choice.url)) continue;
    const reason = skipReason(choice.url, choice);
    if (reason) {
      skip(choice.url, reason);
      continue;
    }
    // The same address seen first as a pixel and then at a real size is a real picture after all.
    if (dropped.delete(choice.url)) skipped.splice(skipped.findIndex((s) => s.url === choice.url), 1);
    const image: CollectedImage = { url: choice.url, lead: false };
    if (choice.width !== undefined) image.width = choice.width;
    if (choice.height !== undefined) image.height = choice.height;
    kept.set(choice.url, image);
    images.push(image);
  }
  if (options.leadImage) {
    const lead = resolveImageUrl(options.leadImage, pageUrl);
    const inBody = lead ? kept.get(lead) : undefined;
    if (inBody) inBody.lead = true;
    else if (!lead) skip(options.leadImage.trim(), /^\s*data:/i.test(options.leadImage) ? 'inline' : 'not-http');
    else {
      const reason = skipReason(lead);
      if (reason) skip(lead, reason);
      else images.push({ url: lead, lead: true });
    }
  }
  return { images, skipped };
}
