// The connected repository as the options page keeps it: the address and folders in storage.local, the token beside
// them under its own key (storage.local only: never synced, left out of every backup, never logged).
import { storage } from 'wxt/utils/storage';
import type { RepositoryTarget } from './publish-types';

export interface RepositorySettings {
  /** HTTPS git URL (http only for a server on this machine). */
  url: string;
  branch: string;
  authorName: string;
  authorEmail: string;
  /** Where posts live in the site: `_posts`. */
  postsFolder: string;
  /** Where a post's images go in the site. */
  imageFolder: string;
}

export const REPOSITORY_DEFAULTS: RepositorySettings = {
  url: '', branch: 'main', authorName: '', authorEmail: '', postsFolder: '_posts', imageFolder: 'assets/images',
};

/** The storage.local key of the token. A backup reads storage.local whole: it must leave this key out. */
export const REPOSITORY_TOKEN_KEY = 'repositoryToken';

export const repositoryItem = storage.defineItem<RepositorySettings>('local:repository', { fallback: REPOSITORY_DEFAULTS });
export const repositoryTokenItem = storage.defineItem<string | null>(`local:${REPOSITORY_TOKEN_KEY}`, { fallback: null });

export async function loadRepository(): Promise<RepositorySettings> {
  return { ...REPOSITORY_DEFAULTS, ...(await repositoryItem.getValue()) };
}

/** storage.local as a backup may hold it: without the token (nor WXT's metadata key for it). */
export function withoutSecrets(local: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(local).filter(([key]) => key !== REPOSITORY_TOKEN_KEY && key !== `${REPOSITORY_TOKEN_KEY}$`));
}

export type UrlCheck =
  | { ok: true; origin: string; pattern: string }
  | { ok: false; reason: 'empty' | 'not-url' | 'not-https' | 'credentials' };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether `url` can be connected, and the host permission it needs. HTTPS only, but for a server on this machine;
 * no user:password in the URL (the token has its own field and must not end up in a setting that is backed up).
 * The permission is for the host (any port): Firefox's match patterns take no port.
 */
export function checkRepositoryUrl(url: string): UrlCheck {
  const text = url.trim();
  if (!text) return { ok: false, reason: 'empty' };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, reason: 'not-url' };
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname))) return { ok: false, reason: 'not-https' };
  if (parsed.username || parsed.password) return { ok: false, reason: 'credentials' };
  return { ok: true, origin: parsed.origin, pattern: `${parsed.protocol}//${parsed.hostname}/*` };
}

export function repositoryTarget(settings: RepositorySettings, token: string | null): RepositoryTarget {
  return { url: settings.url.trim(), branch: settings.branch.trim() || 'main', token: token || null };
}

function trimFolder(folder: string): string {
  return folder.trim().replace(/^\/+|\/+$/g, '');
}

/** A rendered post's path (under the preset's folder) as it goes in the site (under the posts folder). */
export function toSitePath(path: string, presetFolder: string, postsFolder: string): string {
  const from = trimFolder(presetFolder);
  const to = trimFolder(postsFolder) || from;
  if (from === to) return path;
  const rest = from && path.startsWith(`${from}/`) ? path.slice(from.length + 1) : path;
  return to ? `${to}/${rest}` : rest;
}

/** The other way: a site path as the renderer names it, so a later export writes the same file. */
export function fromSitePath(path: string, presetFolder: string, postsFolder: string): string {
  const from = trimFolder(postsFolder) || trimFolder(presetFolder);
  const to = trimFolder(presetFolder);
  if (from === to) return path;
  const rest = from && path.startsWith(`${from}/`) ? path.slice(from.length + 1) : path;
  return to ? `${to}/${rest}` : rest;
}
