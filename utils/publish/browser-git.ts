// The git clients an extension page uses: an in-memory gitdir (dropped with the page) and the Fetch API.
import './buffer-global';
import web from 'isomorphic-git/http/web';
import type { HttpClient } from 'isomorphic-git';
import { createMemoryFs } from './memory-fs';
import type { GitClients } from './publish-types';

/**
 * isomorphic-git's Fetch client with `credentials: 'omit'`. An extension page's request to a host it holds a
 * permission for otherwise counts as credentialed, and a 401 with `WWW-Authenticate: Basic` (GitHub, Gitea, every
 * git host asking for the token) opens the browser's own login dialog and the fetch waits on it (headless: for
 * ever). Omitted credentials hand the 401 back, and isomorphic-git answers it with the token (onAuth).
 */
export const pageHttp: HttpClient = {
  request: (req) => web.request({ ...req, fetchOptions: { credentials: 'omit', cache: 'no-store' } } as Parameters<HttpClient['request']>[0]),
};

/** Fresh clients for one operation: nothing of the site is kept on disk or in IndexedDB. */
export function browserGitClients(): GitClients {
  return { fs: createMemoryFs(), http: pageHttp, gitdir: '/site.git' };
}
