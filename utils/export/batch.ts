// A batch export: stable names for every article (clashes get -2, -3), then one post at a time into a sink; a failure skips one article, not the batch.
import { problem, problemOf, ProblemError, type Problem } from '../problem';
import type { Article, ArticleBody } from '../types';
import { dedupePaths } from './filename-pattern';
import type { PostRenderer } from './export-post';
import { planNames, type RecordedNames } from './post-names';

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
  reason: Problem;
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
 * The names versions before recorded export names gave: the whole library in save order, clashes to the younger
 * article. Used once, to record the names that exported articles already have on the site (legacy-names.ts).
 */
export function legacyPaths(library: readonly Article[], renderer: PostRenderer): Map<number, string> {
  const ordered = [...library].filter((a) => a.id !== undefined).sort((a, b) => a.id! - b.id!);
  const named: { id: number; path: string }[] = [];
  for (const article of ordered) {
    try {
      named.push({ id: article.id!, path: renderer.path(article) });
    } catch {
      // an article the pattern cannot name was never exported under a name
    }
  }
  const unique = dedupePaths(named.map((n) => n.path));
  return new Map(named.map((n, i) => [n.id, unique[i]!]));
}

export interface BatchInput {
  /** The articles to export (rows only), in the order to write them and to settle name clashes (save order). */
  articles: readonly Article[];
  renderer: PostRenderer;
  /** The names other articles hold already (post-names.ts). */
  recorded: RecordedNames;
  loadBodies(ids: number[]): Promise<(ArticleBody | undefined)[]>;
  sink: PostSink;
  now: Date;
  onProgress?(progress: BatchProgress): void;
  /** Bodies read per database round trip. */
  chunkSize?: number;
}

/** What stopped one post: the renderer's problem, or the destination's (a full disk, a folder no longer allowed). */
function writeProblem(err: unknown): Problem {
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return problem('disk-full');
  if (name === 'NotAllowedError' || name === 'SecurityError') return problem('folder-denied');
  return problemOf(err);
}

export async function runBatch(input: BatchInput): Promise<BatchReport> {
  const { renderer, sink, now } = input;
  const { paths, errors } = await planNames(input.articles, renderer, input.recorded);
  const report: BatchReport = { written: [], failed: [] };
  const total = input.articles.length;
  const progress = () => input.onProgress?.({ done: report.written.length + report.failed.length, total, failed: report.failed.length });
  const chunkSize = input.chunkSize ?? 200;
  for (let start = 0; start < total; start += chunkSize) {
    const rows = input.articles.slice(start, start + chunkSize);
    const bodies = await input.loadBodies(rows.map((a) => a.id!));
    for (const [i, article] of rows.entries()) {
      const id = article.id!;
      const title = article.title;
      const fail = (reason: Problem) => report.failed.push({ id, title, reason });
      const body = bodies[i];
      const path = paths.get(id);
      // The row is there (it was read just now): no body means "free space" deleted its text.
      if (!body) fail(problem('text-freed'));
      else if (!path) fail(problemOf(errors.get(id) ?? new ProblemError(problem('no-file-name'), 'no file name')));
      else {
        try {
          await sink.write(path, renderer.renderText(article, body, now));
          report.written.push({ id, title, path });
        } catch (err) {
          // The report shows the title beside the reason already (the problem does not repeat it).
          fail(writeProblem(err));
        }
      }
    }
    progress();
  }
  return report;
}
