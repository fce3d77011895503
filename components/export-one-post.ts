// The popup's and the library's one-click "Export .md" and "Copy post": rendered here in the page (Turndown needs its DOM).
import type { LibraryReader } from '@/utils/library-reader';
import { loadExportConfig } from '@/utils/settings';
import { renderOne } from '@/utils/export/export-one';
import { request } from '@/utils/messages';
import { downloadBlob } from './download-file';
import { say, t } from './i18n';

export type ExportOneOutcome = { ok: true; filename: string } | { ok: false; message: string };

/** Downloads article `id` as its post (the name every export gives it) and records the export. */
export async function exportOnePost(reader: Pick<LibraryReader, 'get' | 'getBody' | 'recordedNames'>, id: number): Promise<ExportOneOutcome> {
  const r = await renderOne(reader, id, await loadExportConfig(), new Date());
  if (!r.ok) return { ok: false, message: r.code === 'gone' ? say(r.problem) : t('pop_exportFailed', say(r.problem)) };
  const filename = r.post.path.split('/').pop()!;
  await downloadBlob(new Blob([r.post.text], { type: 'text/markdown;charset=utf-8' }), filename, 'overwrite');
  const marked = await request('mark-exported', { ids: [id], names: [[id, r.name]] });
  if (!marked.ok) return { ok: false, message: say(marked.problem) };
  return { ok: true, filename };
}

export type CopyOneOutcome = { ok: true; path: string } | { ok: false; message: string };

/** Puts article `id`'s post, as an export writes it, on the clipboard (popup row, library reader, export page). */
export async function copyOnePost(reader: Pick<LibraryReader, 'get' | 'getBody' | 'recordedNames'>, id: number): Promise<CopyOneOutcome> {
  const r = await renderOne(reader, id, await loadExportConfig(), new Date());
  if (!r.ok) return { ok: false, message: r.code === 'gone' ? say(r.problem) : t('pop_exportFailed', say(r.problem)) };
  try {
    await navigator.clipboard.writeText(r.post.text);
  } catch {
    return { ok: false, message: t('app_copyFailed') };
  }
  return { ok: true, path: r.post.path };
}
