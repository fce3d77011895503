// Turns what isomorphic-git and the HTTP client throw into PublishError codes, so no caller parses an English message.
import type { PublishError } from './publish-types';

interface CodedError {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  data?: { statusCode?: number; reason?: string; result?: { error?: string; refs?: Record<string, { ok: boolean; error: string }> } };
}

/** Node's socket errors (simple-get under isomorphic-git/http/node) and the Fetch API's TypeError in a page. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']);

/** The refusal words a receive-pack gives when the branch moved under the push: fetch again and re-apply. */
const MOVED_WORDS = /non-fast-forward|fetch first|stale info|failed to lock|cannot lock ref/i;

// git's receive-pack says only "failed to update ref" on the status line; the lock race is in its sideband text.
const LOCK_RACE = /cannot lock ref .* is at [0-9a-f]+ but expected [0-9a-f]+/i;

/**
 * True when a push failed only because the branch moved since the fetch: isomorphic-git's own check (the host's
 * tip is not our parent), or the host's (it moved between our ref listing and our pack). `remoteSaid`: sideband.
 */
export function isBranchMoved(err: unknown, remoteSaid = ''): boolean {
  const e = err as CodedError;
  if (e?.code === 'PushRejectedError') return e.data?.reason === 'not-fast-forward';
  if (e?.code === 'GitPushError') {
    const refs = Object.values(e.data?.result?.refs ?? {});
    return refs.length > 0 && refs.every((r) => r.ok || MOVED_WORDS.test(r.error) || LOCK_RACE.test(remoteSaid));
  }
  return false;
}

/** The code for an error thrown while talking to the host or writing the commit. `remoteSaid`: the host's sideband text. */
export function publishErrorOf(err: unknown, remoteSaid = ''): PublishError {
  const e = (err ?? {}) as CodedError;
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'HttpError') {
    const status = e.data?.statusCode ?? 0;
    if (status === 401 || status === 403 || status === 203) return { code: 'auth', status };
    if (status === 404) return { code: 'not-found', what: 'repository', status };
    return { code: 'http', status };
  }
  // onAuth said cancel: only when the caller has no token to offer for a host that wants one.
  if (code === 'UserCanceledError') return { code: 'auth', status: 401 };
  if (code === 'SmartHttpError' || code === 'EmptyServerResponseError' || code === 'ParseError' || code === 'UnknownTransportError' || code === 'UrlParseError') {
    return { code: 'not-git' };
  }
  if (code === 'PushRejectedError') return { code: 'rejected', reason: e.data?.reason ?? 'rejected' };
  if (code === 'GitPushError') {
    const result = e.data?.result;
    const refError = Object.values(result?.refs ?? {}).find((r) => !r.ok)?.error;
    const said = remoteSaid.trim().slice(0, 500);
    return { code: 'rejected', reason: [refError ?? result?.error ?? 'rejected', said].filter(Boolean).join('\n') };
  }
  // Only the Fetch API's own failure words: any other TypeError is a bug and must not read as "offline".
  if (NETWORK_CODES.has(code) || /fetch failed|Failed to fetch|NetworkError|socket hang up/i.test(String(e.message ?? ''))) {
    return { code: 'network', detail: code || String(e.name ?? 'error') };
  }
  return { code: 'unknown', detail: code || String(e.name ?? 'error') };
}
