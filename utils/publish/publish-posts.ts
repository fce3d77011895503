// Publish: rendered posts and their images as ONE commit on the site's branch, pushed; re-applied if the branch moved.
//
// Shallow single-branch fetch, the new tree built from the fetched tree objects (tree-edit.ts), a commit written
// directly (no index, no working tree), a push of only the new objects. Nothing is reported as pushed unless the
// host accepted the push; a push refused because someone else pushed first is retried on the new tip, where posts
// are again files added or replaced by name, so both publishers' posts survive.
import { hashBlob, push, readCommit, writeBlob, writeCommit, writeRef } from 'isomorphic-git';
import { fetchBranch } from './fetch-branch';
import { isBranchMoved, publishErrorOf } from './git-errors';
import { placePosts, validSitePath, type Placement } from './place-posts';
import { tokenAuth } from './remote-auth';
import { TreeShapeError, editTree, listFolder, type TreeChange, type TreeEditStats } from './tree-edit';
import type { CommitIdentity, GitClients, PublishError, PublishReport, RenderedPost, RepositoryTarget } from './publish-types';

export interface PublishRequest {
  target: RepositoryTarget;
  clients: GitClients;
  posts: readonly RenderedPost[];
  author: CommitIdentity;
  /** The commit's time. */
  now: Date;
  /** Minutes east of UTC for the commit's time (the user's zone setting): +480 for +08:00. */
  offsetMinutes?: number;
  /** The commit message (the caller words it, in the user's language). */
  message: string;
  /** Fetch-and-apply rounds before giving up with `moved`. Default 3. */
  maxAttempts?: number;
  /** Make the branch when the repository does not have it (an empty repository always gets it). */
  createBranch?: boolean;
  onProgress?: (event: PublishProgress) => void;
}

export type PublishProgress =
  | { phase: 'fetch'; attempt: number; loaded?: number; total?: number }
  | { phase: 'apply'; attempt: number }
  | { phase: 'push'; attempt: number };

/** Numbers for the benchmark and the report's details. */
export interface PublishStats {
  objectsFetched: number | null;
  trees: TreeEditStats;
}

/** The local ref the outgoing commit is pushed from; the fetched tip stays on the branch's own ref (fetch-branch.ts). */
const OUTGOING = 'refs/jianbao/outgoing';

function emptyReport(attempts: number, errors: PublishError[]): PublishReport {
  return { ok: false, commit: null, base: null, pushed: [], unchanged: [], renamed: [], files: [], errors, attempts };
}

function asPublished(p: Placement) {
  return { requested: p.requested, path: p.path, status: p.status, oid: p.oid };
}

/** Publishes `request.posts` in one commit. Always resolves: failures are in `errors` as codes. */
export async function publishPosts(request: PublishRequest): Promise<PublishReport & { stats: PublishStats }> {
  const { target, clients, posts } = request;
  const { fs, gitdir } = clients;
  const maxAttempts = Math.max(1, request.maxAttempts ?? 3);
  const stats: PublishStats = { objectsFetched: null, trees: { treesRead: 0, treesWritten: 0 } };
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    // One cache per round: the pack of a new fetch must be seen.
    const cache = {};
    const store = { fs, gitdir, cache };
    request.onProgress?.({ phase: 'fetch', attempt });
    const fetched = await fetchBranch(target, clients, cache, {
      allowMissing: request.createBranch,
      onProgress: (e) => request.onProgress?.({ phase: 'fetch', attempt, loaded: e.loaded, total: e.total }),
    });
    if (!fetched.ok) return { ...emptyReport(attempt, [fetched.error]), stats };
    stats.objectsFetched = (stats.objectsFetched ?? 0) + (fetched.objects ?? 0);
    const head = fetched.head;

    request.onProgress?.({ phase: 'apply', attempt });
    const baseTree = head ? (await readCommit({ fs, gitdir, oid: head, cache })).commit.tree : null;
    const { placements, errors } = await placePosts(store, baseTree, posts);
    const changes = new Map<string, TreeChange>();
    for (const p of placements) {
      if (p.status === 'unchanged') continue;
      await writeBlob({ fs, gitdir, blob: new TextEncoder().encode(p.post.text) });
      changes.set(p.path, { oid: p.oid });
    }
    // Images: by path, written when new or different; two posts sharing one image path must agree on its bytes.
    const files: string[] = [];
    const fileOids = new Map<string, string>();
    const folderCache = new Map<string, Map<string, string>>();
    for (const p of placements) {
      for (const file of p.post.files ?? []) {
        if (!validSitePath(file.path)) {
          errors.push({ code: 'bad-post', path: file.path, problem: 'path' });
          continue;
        }
        const { oid } = await hashBlob({ object: file.bytes });
        const seen = fileOids.get(file.path);
        if (seen !== undefined) {
          if (seen !== oid) errors.push({ code: 'bad-post', path: file.path, problem: 'duplicate' });
          continue;
        }
        fileOids.set(file.path, oid);
        const slash = file.path.lastIndexOf('/');
        const dir = slash < 0 ? '' : file.path.slice(0, slash);
        let entries = folderCache.get(dir);
        if (!entries) folderCache.set(dir, (entries = new Map((await listFolder(store, baseTree, dir)).map((e) => [e.path, e.oid]))));
        if (entries.get(file.path.slice(slash + 1)) === oid) continue;
        await writeBlob({ fs, gitdir, blob: file.bytes });
        changes.set(file.path, { oid });
        files.push(file.path);
      }
    }
    const unchanged = placements.filter((p) => p.status === 'unchanged').map(asPublished);
    const renamed = placements.filter((p) => p.renamedFrom).map((p) => ({ requested: p.requested, path: p.path, heldBy: p.renamedFrom!.heldBy }));
    if (errors.length) return { ...emptyReport(attempt, errors), base: head, renamed, stats };
    if (changes.size === 0) {
      // Everything is on the branch already: a success with no commit.
      return { ok: true, commit: null, base: head, pushed: [], unchanged, renamed, files: [], errors: [], attempts: attempt, stats };
    }

    let tree: string;
    try {
      const edited = await editTree(store, baseTree, changes);
      tree = edited.tree;
      stats.trees.treesRead += edited.stats.treesRead;
      stats.trees.treesWritten += edited.stats.treesWritten;
    } catch (err) {
      if (err instanceof TreeShapeError) return { ...emptyReport(attempt, [{ code: 'bad-post', path: err.path, problem: 'path' }]), stats };
      throw err;
    }
    const offset = request.offsetMinutes ?? 0;
    const who = {
      name: request.author.name, email: request.author.email,
      timestamp: Math.floor(request.now.getTime() / 1000),
      // isomorphic-git takes the offset as Date#getTimezoneOffset does: minutes WEST of UTC.
      timezoneOffset: -offset,
    };
    const commit = await writeCommit({ fs, gitdir, commit: { message: request.message, tree, parent: head ? [head] : [], author: who, committer: who } });
    await writeRef({ fs, gitdir, ref: OUTGOING, value: commit, force: true });

    request.onProgress?.({ phase: 'push', attempt });
    let remoteSaid = '';
    try {
      await push({
        fs, http: clients.http, gitdir, cache, url: target.url, ref: OUTGOING, remoteRef: `refs/heads/${target.branch}`,
        onAuth: tokenAuth(target), headers: { ...clients.headers }, corsProxy: clients.corsProxy,
        onMessage: (m) => { remoteSaid += m; },
      });
    } catch (err) {
      if (isBranchMoved(err, remoteSaid)) continue; // someone pushed since our fetch: fetch again and re-apply
      return { ...emptyReport(attempt, [publishErrorOf(err, remoteSaid)]), base: head, stats };
    }
    const pushed = placements.filter((p) => p.status !== 'unchanged').map(asPublished);
    return { ok: true, commit, base: head, pushed, unchanged, renamed, files, errors: [], attempts: attempt, stats };
  }
  return { ...emptyReport(maxAttempts, [{ code: 'moved', attempts: maxAttempts }]), stats };
}
