// A whole batch export as the export page runs it: pick the articles, plan names, write a zip or a folder, record exportedAt.
import type { Article, ExportName } from '../types';
import type { LibraryReader } from '../library-reader';
import { needsExport } from '../export-state';
import { exportName } from '../export/post-names';
import { createRenderer, type ExportConfig } from '../export/export-post';
import { runBatch, type BatchProgress, type BatchReport, type PostSink } from '../export/batch';
import { createZipWriter } from '../export/zip';

export type ExportScope = { kind: 'all' } | { kind: 'new' } | { kind: 'ids'; ids: number[] };

/** `export.html?scope=all|new|ids&ids=1,2,3` → the scope; unknown scopes read as `new`, the safe one. */
export function parseScope(search: string): ExportScope {
  const params = new URLSearchParams(search);
  const scope = params.get('scope');
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'ids') {
    const ids = (params.get('ids') ?? '').split(',').filter((s) => /^\d+$/.test(s)).map(Number);
    return { kind: 'ids', ids: [...new Set(ids)] };
  }
  return { kind: 'new' };
}

/** The articles a scope names, oldest saved first so a folder fills in the order the user saved (and clashes settle so). */
export async function selectArticles(scope: ExportScope, reader: Pick<LibraryReader, 'getMany' | 'allRows'>): Promise<Article[]> {
  const rows = scope.kind === 'ids' ? await reader.getMany(scope.ids) : await reader.allRows();
  const chosen = scope.kind === 'new' ? rows.filter(needsExport) : rows;
  return chosen.sort((a, b) => a.id! - b.id!);
}

export interface ExportTarget {
  sink: PostSink;
  /** Called once every post has been written; returns what to tell the user (the zip's name, the folder's). */
  finish(): Promise<string>;
}

/** A zip assembled from streamed chunks into a Blob (the browser may page its parts to disk), then downloaded. */
export function zipTarget(download: (blob: Blob, filename: string) => Promise<void>, filename: string, now: Date): ExportTarget {
  const parts: Uint8Array[] = [];
  const zip = createZipWriter((chunk) => parts.push(chunk), now);
  return {
    sink: { write: (path, text) => zip.add(path, text) },
    async finish() {
      await zip.end();
      await download(new Blob(parts as BlobPart[], { type: 'application/zip' }), filename);
      return filename;
    },
  };
}

type Dir = FileSystemDirectoryHandle;

/** Writes each post into a folder the user picked (or the origin-private file system), creating `_posts/` etc. as needed. */
export function folderTarget(root: Dir): ExportTarget {
  const dirs = new Map<string, Promise<Dir>>([['', Promise.resolve(root)]]);
  const dirFor = (path: string): Promise<Dir> => {
    let dir = dirs.get(path);
    if (!dir) {
      const slash = path.lastIndexOf('/');
      dir = dirFor(path.slice(0, Math.max(slash, 0))).then((parent) => parent.getDirectoryHandle(path.slice(slash + 1), { create: true }));
      dirs.set(path, dir);
    }
    return dir;
  };
  return {
    sink: {
      async write(path, text) {
        const slash = path.lastIndexOf('/');
        const dir = await dirFor(slash < 0 ? '' : path.slice(0, slash));
        const file = await dir.getFileHandle(path.slice(slash + 1), { create: true });
        // createWritable replaces the file's content on close, so a re-export overwrites, never duplicates.
        const writable = await file.createWritable();
        await writable.write(text);
        await writable.close();
      },
    },
    finish: async () => root.name,
  };
}

export interface ExportJobInput {
  config: ExportConfig;
  scope: ExportScope;
  reader: Pick<LibraryReader, 'getMany' | 'allRows' | 'getBodies' | 'recordedNames'>;
  target: ExportTarget;
  /** Records the export (the background writes it): the ids and the name each file was written as. */
  markExported(ids: number[], names: Map<number, ExportName>): Promise<void>;
  now: Date;
  onProgress?(progress: BatchProgress): void;
}

export interface ExportJobResult extends BatchReport {
  /** The zip's file name or the folder's name. */
  destination: string;
  total: number;
}

/** Throws only when nothing can be exported (a broken template); a failed article goes in the report. */
export async function runExportJob(input: ExportJobInput): Promise<ExportJobResult> {
  const renderer = createRenderer(input.config);
  const articles = await selectArticles(input.scope, input.reader);
  input.onProgress?.({ done: 0, total: articles.length, failed: 0 });
  const report = await runBatch({
    articles, renderer, recorded: input.reader.recordedNames, loadBodies: input.reader.getBodies, sink: input.target.sink,
    now: input.now, onProgress: input.onProgress,
  });
  const destination = articles.length > 0 ? await input.target.finish() : '';
  for (let i = 0; i < report.written.length; i += 1000) {
    const chunk = report.written.slice(i, i + 1000);
    await input.markExported(chunk.map((w) => w.id), new Map(chunk.map((w) => [w.id, exportName(renderer, w.path)])));
  }
  return { ...report, destination, total: articles.length };
}

/** `jianbao-posts-20261127-040000.zip`, in the user's clock. */
export function zipName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `jianbao-posts-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.zip`;
}
