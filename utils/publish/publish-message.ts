// PublishError codes (and the pages' own checks) as catalog keys with their parameters: a page says them with t().
// No sentence is written here; locales/*/publish.json holds every `pub_err_*` key (tests/unit/publish-message.test.ts).
import type { PublishError } from './publish-types';
import type { UrlCheck } from './repository-settings';

export type MessageKey = [key: string, ...substitutions: string[]];

/** What the user is told about a failure talking to the repository. `branch`: the branch the user named. */
export function publishErrorKey(error: PublishError, branch = ''): MessageKey {
  switch (error.code) {
    case 'auth': return ['pub_err_auth', String(error.status)];
    case 'not-found': return error.what === 'branch' ? ['pub_err_noBranch', branch] : ['pub_err_noRepository'];
    case 'network': return ['pub_err_network'];
    // The host's own words (a hook's message) are the only text passed through: they are the reason.
    case 'rejected': return ['pub_err_rejected', error.reason];
    case 'moved': return ['pub_err_moved', String(error.attempts)];
    case 'not-git': return ['pub_err_notGit'];
    case 'http': return ['pub_err_http', String(error.status)];
    case 'bad-post': return error.problem === 'duplicate' ? ['pub_err_duplicate', error.path] : ['pub_err_badPath', error.path];
    case 'unknown': return ['pub_err_unknown', error.detail];
  }
}

export function urlProblemKey(reason: Extract<UrlCheck, { ok: false }>['reason']): MessageKey {
  return [{ empty: 'pub_err_urlEmpty', 'not-url': 'pub_err_urlBad', 'not-https': 'pub_err_urlNotHttps', credentials: 'pub_err_urlCredentials' }[reason]];
}

/** Every key these functions can give: the catalog test checks each is in every language. */
export const PUBLISH_ERROR_KEYS = [
  'pub_err_auth', 'pub_err_noBranch', 'pub_err_noRepository', 'pub_err_network', 'pub_err_rejected', 'pub_err_moved',
  'pub_err_notGit', 'pub_err_http', 'pub_err_duplicate', 'pub_err_badPath', 'pub_err_unknown',
  'pub_err_urlEmpty', 'pub_err_urlBad', 'pub_err_urlNotHttps', 'pub_err_urlCredentials',
] as const;
