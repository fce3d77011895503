// The branch's tip as a shallow (depth 1), single-branch fetch into a bare gitdir: the objects of one commit, no checkout.
import { addRemote, fetch, init, resolveRef, writeRef } from 'isomorphic-git';
import type { GitProgressEvent } from 'isomorphic-git';
import { publishErrorOf } from './git-errors';
import { tokenAuth } from './remote-auth';
import type { GitClients, PublishError, RepositoryTarget } from './publish-types';

export type FetchedBranch =
  /** `head` null: the repository has no branches yet. `objects`: what the host said it sent, when it said. */
  | { ok: true; head: string | null; objects: number | null }
  | { ok: false; error: PublishError };

/** The local ref that keeps the fetched tip: a later fetch names it as "have", so only new objects come. */
export function fetchedRef(branch: string): string {
  return `refs/heads/${branch}`;
}

/**
 * Fetches `target.branch` at depth 1 into `clients.gitdir` (made bare when new) and points the local branch ref
 * at it. A branch missing from a repository that has others is `not-found` unless `allowMissing` (then head null).
 */
export async function fetchBranch(
  target: RepositoryTarget, clients: GitClients, cache: object,
  options: { allowMissing?: boolean; onProgress?: (event: GitProgressEvent) => void } = {},
): Promise<FetchedBranch> {
  const { fs, http, gitdir } = clients;
  let objects: number | null = null;
  try {
    await init({ fs, gitdir, bare: true, defaultBranch: target.branch });
    // isomorphic-git writes the fetched refs through a remote's refspec; the URL in it is the target's (no token).
    await addRemote({ fs, gitdir, remote: 'origin', url: target.url, force: true });
    // A gitdir that holds an earlier tip asks for what came after it, without a depth: with `depth: 1` the host
    // sends the new tip's whole tree again (measured: 10 004 objects for one new post), as the shallow boundary moves.
    const known = await resolveRef({ fs, gitdir, ref: fetchedRef(target.branch) }).catch(() => null);
    const result = await fetch({
      fs, http, gitdir, cache, url: target.url, remote: 'origin', ref: target.branch, remoteRef: target.branch,
      singleBranch: true, ...(known ? {} : { depth: 1 }), tags: false, onAuth: tokenAuth(target),
      headers: { ...clients.headers }, corsProxy: clients.corsProxy,
      onProgress: (event) => {
        // "Receiving objects" / "Counting objects" carry the host's object count.
        if (/objects/i.test(event.phase) && event.total) objects = Math.max(objects ?? 0, event.total);
        options.onProgress?.(event);
      },
    });
    if (!result.fetchHead) return { ok: true, head: null, objects: 0 };
    await writeRef({ fs, gitdir, ref: fetchedRef(target.branch), value: result.fetchHead, force: true });
    return { ok: true, head: result.fetchHead, objects };
  } catch (err) {
    // The ref is missing from a repository that has refs: isomorphic-git's NotFoundError names it.
    if ((err as { code?: string }).code === 'NotFoundError') {
      return options.allowMissing ? { ok: true, head: null, objects: 0 } : { ok: false, error: { code: 'not-found', what: 'branch' } };
    }
    return { ok: false, error: publishErrorOf(err) };
  }
}
