// Exports one saved article as a .md download; runs in the background so a closing popup cannot cut it.
import type { WxtBrowser } from 'wxt/browser';
import type { ExportOutcome } from '../messages';
import type { Library } from '../library';
import { createRenderer, type ExportConfig } from '../export/export-post';
import { planPaths } from '../export/batch';

/** A data: URL, because the MV3 service worker has no URL.createObjectURL. */
export function markdownDataUrl(text: string): string {
  return `data:text/markdown;charset=utf-8,${encodeURIComponent(text)}`;
}

export async function exportArticle(
  api: Pick<WxtBrowser, 'downloads'>, library: Library, id: number, config: ExportConfig, now: Date,
): Promise<ExportOutcome> {
  const article = await library.get(id);
  const body = await library.getBody(id);
  if (!article || !body) return { ok: false, message: 'This article is no longer in the library.' };
  let post: { path: string; text: string };
  try {
    const renderer = createRenderer(config);
    post = renderer.render(article, body, now);
    // The name a batch export gives it too, clash suffix included: one article, one file name.
    const planned = planPaths(await library.list(), renderer).paths.get(id);
    if (planned) post = { ...post, path: planned };
  } catch (err) {
    return { ok: false, message: `Could not write the post: ${(err as Error).message}` };
  }
  const filename = post.path.split('/').pop()!;
  await api.downloads.download({ url: markdownDataUrl(post.text), filename, saveAs: false, conflictAction: 'overwrite' });
  await library.markExported([id], now);
  return { ok: true, filename };
}
