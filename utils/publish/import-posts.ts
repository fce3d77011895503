// Many post files (a repository's `_posts/`, a picked folder, a zip) to importable articles, one per URL.
import type { PostRenderer } from '../export/export-post';
import { importPost, isImported, type ImportOptions, type ImportProblem, type ImportedPost } from './import-post';

export interface PostSource {
  path: string;
  text: string;
}

export interface ImportedEntry extends ImportedPost {
  /** With `verify`: the renderer writes this post's text again byte for byte (seed-format posts should). */
  exact?: boolean;
}

export interface ImportResult {
  posts: ImportedEntry[];
  /** A second file for a URL already read: left out, with the file that was kept. */
  duplicates: { path: string; url: string; keptPath: string }[];
  problems: ImportProblem[];
}

/** Jekyll's post files: Markdown or HTML; `_posts/` also holds drafts' images and READMEs that are not posts. */
export function isPostFile(path: string): boolean {
  return /\.(md|markdown|html?)$/i.test(path) && !/(^|\/)readme\.md$/i.test(path);
}

/** `a.md` before `a-2.md` before `a-10.md` (plain code-unit order puts `a-2.md` first: '-' < '.'). */
function nameKey(path: string): [string, number] {
  const m = /^(.*)-(\d{1,4})(\.[^./]+)$/.exec(path);
  return m ? [m[1]! + m[3]!, Number(m[2])] : [path, 1];
}

function byPostName(a: PostSource, b: PostSource): number {
  const [ka, na] = nameKey(a.path);
  const [kb, nb] = nameKey(b.path);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return na - nb || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * Reads `files` in path order (so a site's `-2` file comes after the name it was renamed from and a second import
 * keeps the same choice) and keeps the first post of each URL. With `verify` (the default preset's renderer for
 * the same settings), each post is rendered again and marked `exact` when it comes out byte for byte.
 */
export function importPosts(files: readonly PostSource[], options: ImportOptions & { verify?: PostRenderer }): ImportResult {
  const posts: ImportedEntry[] = [];
  const duplicates: ImportResult['duplicates'] = [];
  const problems: ImportProblem[] = [];
  const byUrl = new Map<string, string>();
  const sorted = [...files].filter((f) => isPostFile(f.path)).sort(byPostName);
  for (const file of sorted) {
    const result = importPost(file.path, file.text, options);
    if (!isImported(result)) {
      problems.push(result);
      continue;
    }
    const kept = byUrl.get(result.article.url);
    if (kept !== undefined) {
      duplicates.push({ path: file.path, url: result.article.url, keptPath: kept });
      continue;
    }
    byUrl.set(result.article.url, file.path);
    const entry: ImportedEntry = result;
    if (options.verify) {
      try {
        entry.exact = options.verify.renderText(result.article, { articleId: 0, ...result.body }, options.now) === file.text;
      } catch {
        entry.exact = false;
      }
    }
    posts.push(entry);
  }
  return { posts, duplicates, problems };
}
