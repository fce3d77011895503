// The shapes the site-repository modules share: what they are given (repository, posts) and the coded results they give.
//
// Results carry codes with parameters, never sentences: the UI and the CLI translate codes (locales/), and a test
// compares codes, so a reworded message breaks nothing.
import type { FsClient, HttpClient } from 'isomorphic-git';

/** The user's repository as the options page connects it: any host speaking git's smart HTTP protocol. */
export interface RepositoryTarget {
  /** HTTPS (or, in tests, http://127.0.0.1) git URL, e.g. `https://codeberg.org/me/site.git`. */
  url: string;
  /** The branch the site builds from, e.g. `main` or `gh-pages`. */
  branch: string;
  /** An access token, or null for a repository that needs none. Sent as Basic auth, never logged, never in a result. */
  token: string | null;
  /** The Basic-auth user name sent with the token; hosts ignore it or want a fixed word. Default `x-access-token`. */
  username?: string;
}

/** What every operation that talks to the host needs besides the target: the git client's fs and http. */
export interface GitClients {
  /** A fresh or reused gitdir store; `createMemoryFs()` in the extension, a Node fs in a CLI that keeps a cache. */
  fs: FsClient;
  /** `isomorphic-git/http/web` in a page, `isomorphic-git/http/node` in Node. */
  http: HttpClient;
  /** Where the bare gitdir lives inside `fs`. */
  gitdir: string;
  /** Extra request headers (a CORS proxy's, a host's); not for the token. */
  headers?: Record<string, string>;
  corsProxy?: string;
}

/**
 * Why an operation failed. `auth`: the host refused the token (401/403); `not-found`: no repository at the URL
 * (404) or, with `what: 'branch'`, no such branch; `network`: the host did not answer; `rejected`: the host
 * refused the push (a hook, a protected branch), with the host's own words in `reason`; `moved`: the branch kept
 * moving through every retry; `not-git`: the URL answers but is not a git smart-HTTP server; `bad-post`: an input
 * post that cannot be written (its path); `unknown`: anything else, with the client's error code for a bug report.
 */
export type PublishError =
  | { code: 'auth'; status: number }
  | { code: 'not-found'; what: 'repository' | 'branch'; status?: number }
  | { code: 'network'; detail: string }
  | { code: 'rejected'; reason: string }
  | { code: 'moved'; attempts: number }
  | { code: 'not-git' }
  | { code: 'http'; status: number }
  | { code: 'bad-post'; path: string; problem: 'path' | 'duplicate' }
  | { code: 'unknown'; detail: string };

/** One binary file a post needs (an image), by its path in the site. */
export interface PostFile {
  path: string;
  bytes: Uint8Array;
}

/** A rendered post, as every export destination takes it (utils/export: `{ path, text, files }`). */
export interface RenderedPost {
  path: string;
  text: string;
  files?: readonly PostFile[];
}

/** The commit's author (and committer), and its time: the clock is an argument like everything else. */
export interface CommitIdentity {
  name: string;
  email: string;
}

/** How a post ended up in the commit. */
export interface PublishedPost {
  /** The path the post was given. */
  requested: string;
  /** The path it was written at: `requested`, or another name when that one holds a different article. */
  path: string;
  /** `added`: a new file; `replaced`: the same article's older text; `unchanged`: already there byte for byte. */
  status: 'added' | 'replaced' | 'unchanged';
  /** The blob id, to remember what the site holds without asking again. */
  oid: string;
}

export interface RenamedPost {
  requested: string;
  path: string;
  /** The identity (`<url>` line) of the article that holds `requested` on the branch. */
  heldBy: string | null;
}

/** What a publish did. `commit` is null when it pushed nothing (failure, or nothing changed). */
export interface PublishReport {
  ok: boolean;
  commit: string | null;
  /** The commit the branch was at when the posts were applied (the new commit's parent), null for a new branch. */
  base: string | null;
  /** Posts in the pushed commit (added or replaced). Empty unless the push succeeded. */
  pushed: PublishedPost[];
  /** Posts already on the branch byte for byte: nothing to push for them. */
  unchanged: PublishedPost[];
  renamed: RenamedPost[];
  /** Image files written (new or changed) in the pushed commit. */
  files: string[];
  errors: PublishError[];
  /** Fetches done (1, or more when the branch moved during the push). */
  attempts: number;
}
