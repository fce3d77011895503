// The site's posts as library records for the background's restore-batch: one per URL, those the library does not
// have yet, each marked exported with its post's path as its export name (so the library knows it is on the site).
import { createRenderer, presetOf, type ExportConfig } from '../export/export-post';
import type { BackupRecord } from '../backup-format';
import { importPosts, type PostSource } from './import-posts';
import { fromSitePath } from './repository-settings';

export interface SiteRecords {
  records: BackupRecord[];
  /** Posts whose URL the library has already: left as they are (a library edit is never replaced by the site's). */
  alreadyThere: number;
  /** Files in the posts folder that could not be read as posts (no URL), and second files for one URL. */
  problems: number;
}

export function importSiteRecords(
  files: readonly PostSource[],
  options: { config: ExportConfig; postsFolder: string; now: Date; known: ReadonlySet<string> },
): SiteRecords {
  const renderer = createRenderer(options.config);
  const presetFolder = presetOf(options.config).folder;
  const result = importPosts(files, { settings: options.config, now: options.now, nameKey: renderer.nameKey });
  const records: BackupRecord[] = [];
  let alreadyThere = 0;
  for (const post of result.posts) {
    if (options.known.has(post.article.url)) {
      alreadyThere++;
      continue;
    }
    const exportName = { key: renderer.nameKey, path: fromSitePath(post.path, presetFolder, options.postsFolder) };
    records.push({ article: { ...post.article, exportName }, body: post.body });
  }
  return { records, alreadyThere, problems: result.problems.length + result.duplicates.length };
}
