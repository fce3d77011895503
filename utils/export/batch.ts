// A batch export: stable names for every article (clashes get -2, -3), then one post at a time into a sink; a failure skips one article, not the batch.
import type { Article, ArticleBody } from '../types';
import { dedupePaths } from './filename-pattern';
import type { PostRenderer } from './export-post';

export interface PostSink {
  write(path: string, text: string): Promise<void> | void;
}

export interface BatchItem {
  id: number;
  title: string;
  path: string;
}

export interface BatchFailure {
  id: number;
  title: string;
  reason: string;
}

export interface BatchReport {
  written: BatchItem[];
  failed: BatchFailure[];
}

export interface BatchProgress {
  done: number;
  total: number;
  failed: number;
}

/**
 * Paths for the articles of the whole library, in save order (id), so that the same article gets the same
 * name whichever subset is exported: a clash is settled in favour of the older article every time.
 */
export function planPaths(library: readonly Article[], renderer: PostRenderer): { paths: Map<number, string>; errors: Map<number, string> } {
  const ordered = [...library].filter((a) => a.id !== undefined).sort((a, b) => a.id! - b.id!);
  const errors = new Map<number, string>();
  const named: { id: number; path: string }[] = [];
  for (const article of ordered) {
    try {
      named.push({ id: article.id!, path: renderer.path(article) });
    } catch (err) {
      errors.set(article.id!, (err as Error).message);
    }
  }
  const unique = dedupePaths(named.map((n) => n.path));
  return { paths: new Map(named.map((n, i) => [n.id, unique[i]!])), errors };
}

export interface BatchInput {
  /** Every article of the library (rows only), for stable names. */
  library: readonly Article[];
  /** The ids to export, in the order to write them. */
  ids: readonly number[];
  renderer: PostRenderer;
  loadBodies(ids: number[]): Promise<(ArticleBody | undefined)[]>;
  sink: PostSink;
  now: Date;
  onProgress?(progress: BatchProgress): void;
  /** Bodies read per database round trip. */
  chunkSize?: number;
}

export async function runBatch(input: BatchInput): Promise<BatchReport> {
  const { renderer, sink, now } = input;
  const byId = new Map(input.library.map((a) => [a.id!, a]));
  const { paths, errors } = planPaths(input.library, renderer);
  const report: BatchReport = { written: [], failed: [] };
  const total = input.ids.length;
  const progress = () => input.onProgress?.({ done: report.written.length + report.failed.length, total, failed: report.failed.length });
  const chunkSize = input.chunkSize ?? 200;
  for (let start = 0; start < total; start += chunkSize) {
    const ids = input.ids.slice(start, start + chunkSize);
    const bodies = await input.loadBodies([...ids]);
    for (const [i, id] of ids.entries()) {
      const article = byId.get(id);
      const title = article?.title ?? `#${id}`;
      const fail = (reason: string) => report.failed.push({ id, title, reason });
      const body = bodies[i];
      const path = paths.get(id);
      if (!article || !body) fail('no longer in the library');
      else if (!path) fail(errors.get(id) ?? 'no file name');
      else {
        try {
          await sink.write(path, renderer.renderText(article, body, now));
          report.written.push({ id, title, path });
        } catch (err) {
          // The report shows the title beside the reason already.
          const message = (err as Error).message;
          fail(message.startsWith(`"${title}": `) ? message.slice(title.length + 4) : message);
        }
      }
    }
    progress();
  }
  return report;
}
