// "Publish to the repository": the export job's posts (the one renderer, the planned names) as ONE commit pushed to
// the connected branch. The library is marked exported only after the host accepted the push, with the paths the
// posts were pushed at (a name held by another article gives `-2`, and that is the name recorded).
import type { ExportName } from '@/utils/types';
import type { LibraryReader } from '@/utils/library-reader';
import { offsetMinutes } from '@/utils/dates';
import { presetOf, type ExportConfig } from '@/utils/export/export-post';
import { runExportJob, type ExportJobResult, type ExportScope, type ExportTarget } from '@/utils/background/export-job';
import type { BatchProgress } from '@/utils/export/batch';
import { publishPosts, type PublishProgress } from '@/utils/publish/publish-posts';
import { browserGitClients } from '@/utils/publish/browser-git';
import { fromSitePath, repositoryTarget, toSitePath, type RepositorySettings } from '@/utils/publish/repository-settings';
import type { PublishError, PublishReport, RenderedPost } from '@/utils/publish/publish-types';

/** A publish that did not push: the code says why; nothing was recorded in the library. */
export class PublishFailure extends Error {
  constructor(readonly error: PublishError) {
    super(`publish failed: ${error.code}`);
  }
}

export type PublishStep = { step: 'render'; progress: BatchProgress } | { step: PublishProgress['phase']; attempt: number };

export interface PublishJobInput {
  config: ExportConfig;
  scope: ExportScope;
  reader: Pick<LibraryReader, 'getMany' | 'allRows' | 'getBodies' | 'recordedNames'>;
  repository: RepositorySettings;
  token: string | null;
  /** The commit message in the user's language, for `count` posts. */
  message(count: number): string;
  markExported(ids: number[], names: Map<number, ExportName>): Promise<void>;
  now: Date;
  onStep?(step: PublishStep): void;
}

export interface PublishJobResult {
  job: ExportJobResult;
  report: PublishReport | null;
}

export async function runPublishJob(input: PublishJobInput): Promise<PublishJobResult> {
  const presetFolder = presetOf(input.config).folder;
  const { postsFolder } = input.repository;
  const posts: RenderedPost[] = [];
  let report: PublishReport | null = null;
  // Site path as requested → the path it was pushed at (or found unchanged at).
  const placed = new Map<string, string>();
  const target: ExportTarget = {
    sink: { write: (path, text) => void posts.push({ path: toSitePath(path, presetFolder, postsFolder), text }) },
    async finish() {
      const result = await publishPosts({
        target: repositoryTarget(input.repository, input.token),
        clients: browserGitClients(),
        posts,
        author: { name: input.repository.authorName.trim() || 'Jianbao', email: input.repository.authorEmail.trim() || 'jianbao@users.noreply.invalid' },
        now: input.now,
        offsetMinutes: offsetMinutes(input.config.timeZone) ?? 0,
        message: input.message(posts.length),
        createBranch: true,
        onProgress: (p) => input.onStep?.({ step: p.phase, attempt: p.attempt }),
      });
      // Throwing here keeps runExportJob from recording anything.
      if (!result.ok) throw new PublishFailure(result.errors[0] ?? { code: 'unknown', detail: 'no error' });
      report = result;
      for (const p of [...result.pushed, ...result.unchanged]) placed.set(p.requested, p.path);
      return input.repository.url;
    },
  };
  const job = await runExportJob({
    config: input.config,
    scope: input.scope,
    reader: input.reader,
    target,
    now: input.now,
    onProgress: (progress) => input.onStep?.({ step: 'render', progress }),
    async markExported(ids, names) {
      const kept: number[] = [];
      const pushedNames = new Map<number, ExportName>();
      for (const id of ids) {
        const name = names.get(id);
        if (!name) continue;
        const at = placed.get(toSitePath(name.path, presetFolder, postsFolder));
        if (at === undefined) continue; // not in the commit: never marked
        kept.push(id);
        pushedNames.set(id, { key: name.key, path: fromSitePath(at, presetFolder, postsFolder) });
      }
      if (kept.length) await input.markExported(kept, pushedNames);
    },
  });
  return { job, report };
}
