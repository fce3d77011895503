// Where each post goes on the branch: its own name, the same article's file, or the next free `-N` name.
//
// A file at the post's path that holds another article (another `<url>`) is never overwritten: the site keeps the
// post it had and the new one is renamed, as post-names.ts does for names recorded in the library. Names compare
// case-insensitively, since the site is also checked out on NTFS and APFS.
import { hashBlob, readBlob } from 'isomorphic-git';
import type { TreeEntry } from 'isomorphic-git';
import { suffixedPath } from '../export/filename-pattern';
import { postIdentity } from './post-identity';
import { listFolder, type TreeStore } from './tree-edit';
import type { PublishError, RenderedPost } from './publish-types';

export interface Placement {
  post: RenderedPost;
  requested: string;
  path: string;
  oid: string;
  status: 'added' | 'replaced' | 'unchanged';
  /** Set when `path` is not `requested`: the identity of what holds `requested`. */
  renamedFrom?: { heldBy: string | null };
}

/** The most `-N` names tried before a post is refused: thousands of same-named different articles is a bug. */
const MAX_SUFFIX = 500;

/** A path git and every checkout accept: relative, no empty, `.` or `..` segment, no `.git`, no backslash or NUL. */
export function validSitePath(path: string): boolean {
  if (!path || path.startsWith('/') || path.endsWith('/') || /[\\\u0000]/.test(path)) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && seg.toLowerCase() !== '.git');
}

function split(path: string): [dir: string, name: string] {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? ['', path] : [path.slice(0, slash), path.slice(slash + 1)];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Places `posts` (in order: an earlier post keeps a contested name) against the tree of commit `base`. */
export async function placePosts(
  store: TreeStore, base: string | null, posts: readonly RenderedPost[],
): Promise<{ placements: Placement[]; errors: PublishError[] }> {
  // One listing per folder (a site has one `_posts/`), keyed by lower-cased name.
  const folders = new Map<string, Map<string, TreeEntry>>();
  const folder = async (dir: string) => {
    let entries = folders.get(dir);
    if (!entries) {
      entries = new Map((await listFolder(store, base, dir)).map((e) => [e.path.toLowerCase(), e]));
      folders.set(dir, entries);
    }
    return entries;
  };
  const identities = new Map<string, string | null>();
  const identityOf = async (oid: string) => {
    if (!identities.has(oid)) {
      const { blob } = await readBlob({ fs: store.fs, gitdir: store.gitdir, oid, cache: store.cache });
      identities.set(oid, postIdentity(decoder.decode(blob)));
    }
    return identities.get(oid)!;
  };
  // Paths this publish writes (lower-cased) and the identity written there.
  const claimed = new Map<string, string | null>();
  const placements: Placement[] = [];
  const errors: PublishError[] = [];

  for (const post of posts) {
    if (!validSitePath(post.path)) {
      errors.push({ code: 'bad-post', path: post.path, problem: 'path' });
      continue;
    }
    const { oid } = await hashBlob({ object: encoder.encode(post.text) });
    const identity = postIdentity(post.text);
    let placed: Placement | null = null;
    let heldBy: string | null | undefined;
    for (let n = 1; n <= MAX_SUFFIX && !placed; n++) {
      const candidate = n === 1 ? post.path : suffixedPath(post.path, n);
      const lower = candidate.toLowerCase();
      if (claimed.has(lower)) {
        // Two posts of one publish for one article and one name: the caller sent a duplicate.
        if (identity !== null && claimed.get(lower) === identity) {
          errors.push({ code: 'bad-post', path: post.path, problem: 'duplicate' });
          break;
        }
        heldBy ??= claimed.get(lower) ?? null;
        continue;
      }
      const [dir] = split(candidate);
      const existing = (await folder(dir)).get(split(lower)[1]);
      if (!existing) {
        placed = { post, requested: post.path, path: candidate, oid, status: 'added' };
      } else if (existing.type !== 'blob') {
        heldBy ??= null; // a folder of that name: never replaced by a post
      } else if (existing.oid === oid) {
        placed = { post, requested: post.path, path: `${dir ? `${dir}/` : ''}${existing.path}`, oid, status: 'unchanged' };
      } else {
        const held = await identityOf(existing.oid);
        if (identity !== null && held === identity) {
          // Same article: replace it under the name the site has (its case), so no case-twin appears.
          placed = { post, requested: post.path, path: `${dir ? `${dir}/` : ''}${existing.path}`, oid, status: 'replaced' };
        } else heldBy ??= held;
      }
    }
    if (!placed) {
      if (!errors.some((e) => e.code === 'bad-post' && e.path === post.path)) errors.push({ code: 'bad-post', path: post.path, problem: 'duplicate' });
      continue;
    }
    if (placed.path.toLowerCase() !== post.path.toLowerCase()) placed.renamedFrom = { heldBy: heldBy ?? null };
    claimed.set(placed.path.toLowerCase(), identity);
    placements.push(placed);
  }
  return { placements, errors };
}
