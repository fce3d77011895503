// A small in-memory file system with the promise API isomorphic-git needs: a gitdir that lives as long as its holder.
//
// Publishing keeps only a bare gitdir (pack files, refs, shallow) and never a working tree, so memory is enough and
// nothing is left on a disk or in IndexedDB; the caller owns the instance (no module state) and drops it when done.

interface FileNode { kind: 'file'; data: Uint8Array; mtimeMs: number; mode: number }
interface DirNode { kind: 'dir'; mtimeMs: number }
interface LinkNode { kind: 'link'; target: string; mtimeMs: number }
type Node = FileNode | DirNode | LinkNode;

export interface MemoryStats {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  size: number;
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
  uid: number;
  gid: number;
  dev: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/**
 * An Error without a captured stack: isomorphic-git probes for a loose object before every packed read, so ENOENT
 * is the common answer (10 000 per import) and capturing stacks for it was a measurable share of the time.
 */
function fsError(code: string, op: string, path: string): Error {
  const err = Object.create(Error.prototype) as Error & { code: string; path: string };
  err.name = 'Error';
  err.message = `${code}: ${op} '${path}'`;
  err.code = code;
  err.path = path;
  return err;
}

// Paths as isomorphic-git builds them (`/site.git/objects/ab/cdef…`) are already normal: skip the split for them.
const NORMAL = /^\/(?:[^/.][^/]*|\.[^/.][^/]*)(?:\/(?:[^/.][^/]*|\.[^/.][^/]*))*$/;

function normalize(path: string): string {
  if (NORMAL.test(path) && !path.includes('/..')) return path;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type BufferView = (bytes: Uint8Array) => Uint8Array;
/**
 * isomorphic-git runs on a global Buffer (Node's, or the polyfill a page installs for it). Its pack reader calls
 * `pack.slice(offset)` per object: a Buffer's slice is a view, a Uint8Array's a copy of the rest of the pack
 * (measured: most of a 10 000-post import). So files are handed out as Buffer views where Buffer exists.
 */
function bufferView(): BufferView {
  const B = (globalThis as { Buffer?: { from(a: ArrayBufferLike, o: number, l: number): Uint8Array } }).Buffer;
  return B ? (bytes) => B.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : (bytes) => bytes;
}

/** The promise-style commands; isomorphic-git binds `readFile`, `writeFile`, `mkdir`, … from `fs.promises`. */
export class MemoryFsPromises {
  private nodes = new Map<string, Node>([['/', { kind: 'dir', mtimeMs: 0 }]]);
  private view = bufferView();

  /** Bytes held in files: what a publish keeps in memory besides isomorphic-git's own caches. */
  bytesStored(): number {
    let total = 0;
    for (const node of this.nodes.values()) if (node.kind === 'file') total += node.data.byteLength;
    return total;
  }

  private dirOf(path: string, op: string): void {
    const parent = this.nodes.get(parentOf(path));
    if (!parent) throw fsError('ENOENT', op, path);
    if (parent.kind !== 'dir') throw fsError('ENOTDIR', op, path);
  }

  async readFile(path: string, options?: string | { encoding?: string }): Promise<Uint8Array | string> {
    // isomorphic-git calls readFile() with no path on every command to see whether this fs returns promises.
    if (typeof path !== 'string') throw fsError('EINVAL', 'open', String(path));
    const p = normalize(path);
    const node = this.nodes.get(p);
    if (!node) throw fsError('ENOENT', 'open', p);
    if (node.kind !== 'file') throw fsError('EISDIR', 'read', p);
    const encoding = typeof options === 'string' ? options : options?.encoding;
    // No copy (a pack file is megabytes): writeFile stores a new array, so a reader's bytes never change under it.
    return encoding === 'utf8' || encoding === 'utf-8' ? decoder.decode(node.data) : this.view(node.data);
  }

  async writeFile(path: string, data: Uint8Array | string, options?: { mode?: number } | string): Promise<void> {
    const p = normalize(path);
    this.dirOf(p, 'open');
    const existing = this.nodes.get(p);
    if (existing && existing.kind === 'dir') throw fsError('EISDIR', 'open', p);
    const bytes = typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);
    const mode = typeof options === 'object' && options?.mode ? options.mode : 0o644;
    this.nodes.set(p, { kind: 'file', data: bytes, mtimeMs: Date.now(), mode });
  }

  async mkdir(path: string): Promise<void> {
    const p = normalize(path);
    if (this.nodes.has(p)) throw fsError('EEXIST', 'mkdir', p);
    this.dirOf(p, 'mkdir');
    this.nodes.set(p, { kind: 'dir', mtimeMs: Date.now() });
  }

  async rmdir(path: string): Promise<void> {
    const p = normalize(path);
    const node = this.nodes.get(p);
    if (!node) throw fsError('ENOENT', 'rmdir', p);
    if (node.kind !== 'dir') throw fsError('ENOTDIR', 'rmdir', p);
    if ((await this.readdir(p)).length) throw fsError('ENOTEMPTY', 'rmdir', p);
    this.nodes.delete(p);
  }

  async unlink(path: string): Promise<void> {
    const p = normalize(path);
    const node = this.nodes.get(p);
    if (!node) throw fsError('ENOENT', 'unlink', p);
    if (node.kind === 'dir') throw fsError('EISDIR', 'unlink', p);
    this.nodes.delete(p);
  }

  async readdir(path: string): Promise<string[]> {
    const p = normalize(path);
    const node = this.nodes.get(p);
    if (!node) throw fsError('ENOENT', 'scandir', p);
    if (node.kind !== 'dir') throw fsError('ENOTDIR', 'scandir', p);
    const prefix = p === '/' ? '/' : `${p}/`;
    const names: string[] = [];
    for (const key of this.nodes.keys()) {
      if (key !== p && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) names.push(key.slice(prefix.length));
    }
    return names.sort();
  }

  private statOf(p: string, node: Node): MemoryStats {
    const type = node.kind === 'link' ? 'symlink' : node.kind;
    const size = node.kind === 'file' ? node.data.byteLength : 0;
    const mode = node.kind === 'file' ? node.mode | 0o100000 : node.kind === 'dir' ? 0o40755 : 0o120000;
    return {
      type, mode, size, ino: 0, mtimeMs: node.mtimeMs, ctimeMs: node.mtimeMs, uid: 1, gid: 1, dev: 1,
      isFile: () => type === 'file', isDirectory: () => type === 'dir', isSymbolicLink: () => type === 'symlink',
    };
  }

  async lstat(path: string): Promise<MemoryStats> {
    const p = normalize(path);
    const node = this.nodes.get(p);
    if (!node) throw fsError('ENOENT', 'lstat', p);
    return this.statOf(p, node);
  }

  async stat(path: string): Promise<MemoryStats> {
    let p = normalize(path);
    for (let hops = 0; hops < 16; hops++) {
      const node = this.nodes.get(p);
      if (!node) throw fsError('ENOENT', 'stat', p);
      if (node.kind !== 'link') return this.statOf(p, node);
      p = normalize(node.target.startsWith('/') ? node.target : `${parentOf(p)}/${node.target}`);
    }
    throw fsError('ELOOP', 'stat', path);
  }

  async readlink(path: string): Promise<string> {
    const p = normalize(path);
    const node = this.nodes.get(p);
    if (!node || node.kind !== 'link') throw fsError(node ? 'EINVAL' : 'ENOENT', 'readlink', p);
    return node.target;
  }

  async symlink(target: string, path: string): Promise<void> {
    const p = normalize(path);
    if (this.nodes.has(p)) throw fsError('EEXIST', 'symlink', p);
    this.dirOf(p, 'symlink');
    this.nodes.set(p, { kind: 'link', target, mtimeMs: Date.now() });
  }

  async chmod(path: string, mode: number): Promise<void> {
    const node = this.nodes.get(normalize(path));
    if (!node) throw fsError('ENOENT', 'chmod', path);
    if (node.kind === 'file') node.mode = mode & 0o777;
  }
}

/** A file system for one publish or import: `{ promises }`, the shape isomorphic-git's `fs` option takes. */
export function createMemoryFs(): { promises: MemoryFsPromises } {
  return { promises: new MemoryFsPromises() };
}
