// The popup's and the library's one-click "Export .md": rendered here in the page (Turndown needs its DOM), then recorded.
import type { LibraryReader } from '@/utils/library-reader';
import { loadExportConfig } from '@/utils/settings';
import { renderOne } from '@/utils/export/export-one';
import { request } from '@/utils/messages';
import { downloadBlob } from './download-file';
import { t } from './i18n';

export type ExportOneOutcome = { ok: true; filename: string } | { ok: false; message: string };

/** Downloads article `id` as its post (the name every export gives it) and records the export. */
export async function exportOnePost(reader: Pick<LibraryReader, 'get' | 'getBody' | 'recordedNames'>, id: number): Promise<ExportOneOutcome> {
  const r = await renderOne(reader, id, await loadExportConfig(), new Date());
  if (!r.ok) return { ok: false, message: r.code === 'gone' ? t('exp_gone') : t('pop_exportFailed', r.message) };
  const filename = r.post.path.split('/').pop()!;
  await downloadBlob(new Blob([r.post.text], { type: 'text/markdown;charset=utf-8' }), filename, 'overwrite');
  const marked = await request('mark-exported', { ids: [id], names: [[id, r.name]] });
  if (!marked.ok) return { ok: false, message: marked.message };
  return { ok: true, filename };
}
