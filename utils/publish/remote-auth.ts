// The token as isomorphic-git's onAuth: given only when the host asks (a 401), never put in a URL or a result.
import type { AuthCallback } from 'isomorphic-git';
import type { RepositoryTarget } from './publish-types';

/**
 * Basic auth with the token as the password: GitHub, GitLab (`oauth2`), Gitea/Forgejo and Bitbucket all take a
 * token so, with any or a fixed user name. Without a token a host that asks gets a cancel, which reads as `auth`.
 */
export function tokenAuth(target: Pick<RepositoryTarget, 'token' | 'username'>): AuthCallback {
  return () => (target.token ? { username: target.username ?? 'x-access-token', password: target.token } : { cancel: true });
}
