// Exports one saved article as a .md download; runs in the background so a closing popup cannot cut it.
import type { WxtBrowser } from 'wxt/browser';
import type { ExportSettings } from '../types';
import type { ExportOutcome } from '../messages';
import type { Library } from '../library';
import { renderPost } from '../export/render-post';

/** A data: URL, because the MV3 service worker has no URL.createObjectURL. */
export function markdownDataUrl(text: string): string {
  return `data:text/markdown;charset=utf-8,${encodeURIComponent(text)}`;
}

export async function exportArticle(
  api: Pick<WxtBrowser, 'downloads'>, library: Library, id: number, settings: ExportSettings, now: Date,
): Promise<ExportOutcome> {
  const article = await library.get(id);
  const body = await library.getBody(id);
  if (!article || !body) return { ok: false, message: 'This article is no longer in the library.' };
  let post: { path: string; text: string };
  try {
    post = renderPost(article, body, settings, now);
  } catch (err) {
    return { ok: false, message: `Could not write the post: ${(err as Error).message}` };
  }
  const filename = post.path.split('/').pop()!;
  await api.downloads.download({ url: markdownDataUrl(post.text), filename, saveAs: false, conflictAction: 'overwrite' });
  await library.markExported([id], now);
  return { ok: true, filename };
}
