// "Connect a repository": are the URL, the token and the branch good for a push, asked the way `git ls-remote` asks.
import { getRemoteInfo2 } from 'isomorphic-git';
import type { HttpClient } from 'isomorphic-git';
import { publishErrorOf } from './git-errors';
import { tokenAuth } from './remote-auth';
import type { PublishError, RepositoryTarget } from './publish-types';

export type ConnectionCheck =
  /** `head`: the branch's commit, null when the repository is empty (the first publish creates the branch). */
  | { ok: true; head: string | null; empty: boolean; defaultBranch: string | null }
  | { ok: false; error: PublishError };

/**
 * One request to the receive-pack service (what a push needs: a read-only token fails here, not at the first
 * publish), listing the branches. A missing branch in a repository that has others is `not-found` (a typo in
 * the branch name should not create a stray branch); an empty repository is fine.
 */
export async function checkConnection(
  target: RepositoryTarget,
  clients: { http: HttpClient; headers?: Record<string, string>; corsProxy?: string },
): Promise<ConnectionCheck> {
  let refs: { ref: string; oid: string; target?: string }[];
  try {
    const info = await getRemoteInfo2({
      http: clients.http, url: target.url, onAuth: tokenAuth(target), forPush: true, protocolVersion: 1,
      headers: { ...clients.headers }, corsProxy: clients.corsProxy,
    });
    refs = info.refs ?? [];
  } catch (err) {
    return { ok: false, error: publishErrorOf(err) };
  }
  const branches = refs.filter((r) => r.ref.startsWith('refs/heads/'));
  const head = branches.find((r) => r.ref === `refs/heads/${target.branch}`)?.oid ?? null;
  const headRef = refs.find((r) => r.ref === 'HEAD');
  const defaultBranch = headRef?.target?.replace(/^refs\/heads\//, '') ?? null;
  if (!head && branches.length > 0) return { ok: false, error: { code: 'not-found', what: 'branch' } };
  return { ok: true, head, empty: branches.length === 0, defaultBranch };
}
