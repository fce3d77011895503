// A new root tree from a commit's tree with some paths added or replaced, reading only the trees on those paths.
//
// This is what lets a site of 10 000 posts take a publish without a checkout: `_posts/` is one tree object read
// and one written; every untouched entry keeps its oid, so its blob is never read, unpacked or sent.
import { readTree, writeTree } from 'isomorphic-git';
import type { FsClient, TreeEntry } from 'isomorphic-git';

export interface TreeStore {
  fs: FsClient;
  gitdir: string;
  /** isomorphic-git's object cache for one operation: pack indexes are read once. */
  cache: object;
}

/** A blob to put at a path: its oid (already written) and mode. */
export interface TreeChange {
  oid: string;
  mode?: '100644' | '100755';
}

export interface TreeEditStats {
  treesRead: number;
  treesWritten: number;
}

/** Thrown when a change needs a folder where the tree has a file, or a file where it has a folder. */
export class TreeShapeError extends Error {
  constructor(readonly path: string) {
    super(`path crosses a file/folder: ${path}`);
  }
}

async function editLevel(
  store: TreeStore, base: string | null, changes: Map<string, TreeChange>, prefix: string, stats: TreeEditStats,
): Promise<string> {
  let entries: TreeEntry[] = [];
  if (base) {
    entries = (await readTree({ fs: store.fs, gitdir: store.gitdir, oid: base, cache: store.cache })).tree;
    stats.treesRead++;
  }
  const byName = new Map(entries.map((e) => [e.path, e]));
  // Group the changes by their first segment: a file here, or a sub-tree to edit.
  const files = new Map<string, TreeChange>();
  const subtrees = new Map<string, Map<string, TreeChange>>();
  for (const [path, change] of changes) {
    const slash = path.indexOf('/');
    if (slash < 0) files.set(path, change);
    else {
      const name = path.slice(0, slash);
      let sub = subtrees.get(name);
      if (!sub) subtrees.set(name, (sub = new Map()));
      sub.set(path.slice(slash + 1), change);
    }
  }
  for (const [name, change] of files) {
    const old = byName.get(name);
    if (old && old.type !== 'blob') throw new TreeShapeError(prefix + name);
    byName.set(name, { mode: change.mode ?? '100644', path: name, oid: change.oid, type: 'blob' });
  }
  for (const [name, sub] of subtrees) {
    const old = byName.get(name);
    if (old && old.type !== 'tree') throw new TreeShapeError(prefix + name);
    const oid = await editLevel(store, old?.oid ?? null, sub, `${prefix}${name}/`, stats);
    byName.set(name, { mode: '040000', path: name, oid, type: 'tree' });
  }
  // writeTree sorts the entries in git's order (folders compare as `name/`).
  const oid = await writeTree({ fs: store.fs, gitdir: store.gitdir, tree: [...byName.values()] });
  stats.treesWritten++;
  return oid;
}

/** The root tree `base` (null: an empty tree) with `changes` (site path → blob) applied. */
export async function editTree(store: TreeStore, base: string | null, changes: ReadonlyMap<string, TreeChange>): Promise<{ tree: string; stats: TreeEditStats }> {
  const stats: TreeEditStats = { treesRead: 0, treesWritten: 0 };
  const tree = await editLevel(store, base, new Map(changes), '', stats);
  return { tree, stats };
}

/** The entries of the folder `dir` ('' for the top) of `base`, or none when the folder is not there. */
export async function listFolder(store: TreeStore, base: string | null, dir: string): Promise<TreeEntry[]> {
  if (!base) return [];
  try {
    const { tree } = await readTree({ fs: store.fs, gitdir: store.gitdir, oid: base, cache: store.cache, ...(dir ? { filepath: dir } : {}) });
    return tree;
  } catch (err) {
    if ((err as { code?: string }).code === 'NotFoundError' || (err as { code?: string }).code === 'ObjectTypeError') return [];
    throw err;
  }
}
