// Keeps one article's pictures: collects them, fetches a few at a time within the per-image and per-article caps.
//
// The result is what a save writes beside the article: the media (one per distinct content), which URL is which
// hash, and which pictures were dropped and why, as codes the save's note and the reader can name.
import { collectImages, type CollectOptions, type CollectedImage, type SkippedImage } from './collect-images';
import { fetchImage, type FetchFailureCode, type FetchImageOptions, type FetchImageResult, type ReferrerChoice, type StoredImage } from './fetch-image';

export const DEFAULT_MAX_ARTICLE_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_IMAGE_BYTES = 8 * 1024 * 1024;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Below this much room left in the article's budget, no further picture is requested. */
export const DEFAULT_MIN_ROOM_BYTES = 16 * 1024;

/** A fetch failure, or `article-cap`: the picture was fine (or never fetched) but the article had used its budget. */
export type DropCode = FetchFailureCode | 'article-cap';

export interface DroppedImage {
  url: string;
  code: DropCode;
  /** The HTTP status of an `http-status` drop. */
  status?: number;
  lead: boolean;
}

export interface KeptImages {
  /** One per distinct content, in the order the article first shows it. */
  media: StoredImage[];
  /** Every kept image's URL (two URLs of one picture both) → its media hash. */
  hashes: Record<string, string>;
  dropped: DroppedImage[];
  /** Not fetched on purpose: pixels, icons, trackers, inline data: images. */
  skipped: SkippedImage[];
  /** Sum of `media` sizes. */
  bytes: number;
}

export interface KeepImagesOptions extends Omit<FetchImageOptions, 'maxBytes' | 'referrer'> {
  /** Per-article cap on the sum of distinct kept pictures (default 25 MB). */
  maxArticleBytes?: number;
  /** Per-image cap (default 8 MB; never above the article's). */
  maxImageBytes?: number;
  /** Stop requesting when the article's budget has less room than this (default 16 KB). */
  minRoomBytes?: number;
  /** Requests in flight at once (default 4). `timeoutMs` per request defaults to 30 s here. */
  concurrency?: number;
  /**
   * Referrers to try in turn while an image host answers 4xx (a hot-link refusal): e.g. `['none', { page }]` in
   * the page's context. Default `['none']`.
   */
  referrers?: readonly ReferrerChoice[];
}

async function fetchTrying(url: string, options: KeepImagesOptions, maxBytes: number): Promise<FetchImageResult> {
  const referrers = options.referrers?.length ? options.referrers : (['none'] as const);
  let result: FetchImageResult | null = null;
  for (const referrer of referrers) {
    result = await fetchImage(url, { ...options, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes, referrer });
    const refused = !result.ok && result.code === 'http-status' && result.status !== undefined && result.status >= 400 && result.status < 500;
    if (!refused || options.signal?.aborted) break;
  }
  return result!;
}

/**
 * Fetches `images` (as `collectImages` lists them) and keeps what fits. Each request may read at most the room the
 * article has left (so a picture bigger than that is cut off early and dropped as `article-cap`); a picture that
 * fits is kept, one that no longer fits is let go at once, so no more than the cap plus what is in flight is ever
 * held. Fetching stops when the room left is below `minRoomBytes`. With one request at a time the first pictures
 * of the article are the ones kept; with more, the order they arrive in decides at the margin.
 */
export async function keepImageList(images: readonly CollectedImage[], options: KeepImagesOptions): Promise<Omit<KeptImages, 'skipped'>> {
  const maxArticle = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const maxImage = Math.min(options.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES, maxArticle);
  const minRoom = Math.min(options.minRoomBytes ?? DEFAULT_MIN_ROOM_BYTES, maxArticle);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const results: (FetchImageResult | 'article-cap')[] = images.map(() => 'article-cap');
  const accepted = new Set<string>();
  let used = 0;
  let next = 0;
  const worker = async () => {
    while (next < images.length) {
      const i = next++;
      const room = maxArticle - used;
      if (room < minRoom || room <= 0) continue; // left as article-cap, never requested
      const limit = Math.min(maxImage, room);
      const r = await fetchTrying(images[i]!.url, options, limit);
      if (!r.ok) {
        // Cut off at the room left, not at the per-image cap: the article's budget is what it ran into.
        if (!(r.code === 'too-large' && limit < maxImage)) results[i] = r;
      } else if (accepted.has(r.media.hash)) {
        results[i] = r;
      } else if (used + r.media.size <= maxArticle) {
        accepted.add(r.media.hash);
        used += r.media.size;
        results[i] = r;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, images.length) }, worker));

  const media = new Map<string, StoredImage>();
  const hashes: Record<string, string> = {};
  const dropped: DroppedImage[] = [];
  images.forEach((image, i) => {
    const r = results[i]!;
    if (r === 'article-cap' || !r.ok) {
      const code = r === 'article-cap' ? r : r.code;
      const status = r === 'article-cap' ? undefined : r.status;
      dropped.push(status === undefined ? { url: image.url, code, lead: image.lead } : { url: image.url, code, status, lead: image.lead });
      return;
    }
    if (!media.has(r.media.hash)) media.set(r.media.hash, r.media);
    hashes[image.url] = r.media.hash;
  });
  return { media: [...media.values()], hashes, dropped, bytes: used };
}

/** Collects the images of an article's body (and its lead image) and keeps them: see `keepImageList`. */
export async function keepImages(html: string, pageUrl: string, options: KeepImagesOptions & CollectOptions): Promise<KeptImages> {
  const { images, skipped } = collectImages(html, pageUrl, options);
  return { ...(await keepImageList(images, options)), skipped };
}
