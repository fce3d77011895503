// The post files of the site's branch, read from a shallow fetch: for "Import the archive" and "Update from the site".
import { readBlob, readCommit, readTree } from 'isomorphic-git';
import { fetchBranch } from './fetch-branch';
import { isPostFile, type PostSource } from './import-posts';
import type { GitClients, PublishError, RepositoryTarget } from './publish-types';

export interface SitePost extends PostSource {
  /** The blob id: a later update reads only files whose id changed. */
  oid: string;
}

export type SitePosts =
  | { ok: true; head: string | null; posts: SitePost[]; unchanged: number; objectsFetched: number | null }
  | { ok: false; error: PublishError };

/**
 * Fetches the branch (depth 1) and reads every post under `folder` (sub-folders too, as Jekyll does). `known`:
 * path → blob id from an earlier read; those files are counted as `unchanged` and not decoded again.
 */
export async function readSitePosts(
  target: RepositoryTarget, clients: GitClients,
  options: { folder?: string; known?: ReadonlyMap<string, string> } = {},
): Promise<SitePosts> {
  const cache = {};
  const folder = (options.folder ?? '_posts').replace(/\/+$/, '');
  const fetched = await fetchBranch(target, clients, cache);
  if (!fetched.ok) return fetched;
  if (!fetched.head) return { ok: true, head: null, posts: [], unchanged: 0, objectsFetched: 0 };
  const { fs, gitdir } = clients;
  const posts: SitePost[] = [];
  let unchanged = 0;
  const decoder = new TextDecoder();
  const walk = async (oid: string, prefix: string): Promise<void> => {
    const { tree } = await readTree({ fs, gitdir, oid, cache });
    for (const entry of tree) {
      const path = `${prefix}/${entry.path}`;
      if (entry.type === 'tree') await walk(entry.oid, path);
      else if (entry.type === 'blob' && isPostFile(path)) {
        if (options.known?.get(path) === entry.oid) {
          unchanged++;
          continue;
        }
        const { blob } = await readBlob({ fs, gitdir, oid: entry.oid, cache });
        posts.push({ path, text: decoder.decode(blob), oid: entry.oid });
      }
    }
  };
  const root = (await readCommit({ fs, gitdir, oid: fetched.head, cache })).commit.tree;
  // Find the folder's tree one segment at a time: a site without `_posts/` has no posts, not an error.
  let oid: string | null = root;
  for (const segment of folder.split('/').filter(Boolean)) {
    const { tree }: { tree: { path: string; oid: string; type: string }[] } = await readTree({ fs, gitdir, oid: oid!, cache });
    const next = tree.find((e) => e.path === segment && e.type === 'tree');
    oid = next ? next.oid : null;
    if (!oid) break;
  }
  if (oid) await walk(oid, folder);
  return { ok: true, head: fetched.head, posts, unchanged, objectsFetched: fetched.objects };
}
