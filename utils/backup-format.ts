// The backup file, pure: a zip (fflate) of a versioned JSON manifest and JSON chunks of articles with their bodies.
import { problem, ProblemError, type Problem } from './problem';
import { Zip, ZipDeflate, unzipSync, strFromU8, strToU8 } from 'fflate';
import type { Article } from './types';
import { fnv1a32 } from './article-record';
import { SHARD } from './postings';

export const BACKUP_FORMAT = 'jianbao-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
/** Articles per chunk file: a restore writes one chunk per transaction. The index's shard size, so a
 * restore into an empty library writes each shard of postings once, without reading it. */
export const CHUNK_SIZE = SHARD;

/** One saved article and its body, as the backup carries it (the article keeps its id). */
export interface BackupRecord {
  article: Article;
  body: { html: string; text: string };
}

export interface BackupChunkInfo {
  name: string;
  count: number;
  /** FNV-1a of the chunk's JSON text: a damaged file is refused before anything is written. */
  hash: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  articleCount: number;
  chunks: BackupChunkInfo[];
  /** The extension's settings (storage areas by name), restored as they were. */
  settings: Record<string, unknown>;
}

export type BackupErrorCode = 'not-zip' | 'foreign' | 'newer-version' | 'corrupt';

export class BackupError extends ProblemError {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, reason: Problem, message: string) {
    super(reason, message);
    this.name = 'BackupError';
    this.code = code;
  }
}

/** Writes a backup chunk by chunk; the zip's bytes arrive in `parts` as they are compressed. */
export class BackupWriter {
  readonly parts: Uint8Array[] = [];
  private readonly zip: Zip;
  private readonly chunks: BackupChunkInfo[] = [];
  private count = 0;
  private error: Error | null = null;

  constructor() {
    this.zip = new Zip((err, data) => {
      if (err) this.error = err;
      else this.parts.push(data);
    });
  }

  private file(name: string, text: string): void {
    // Chunks are JSON already; level 6 is fflate's default trade of speed for size.
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    entry.push(strToU8(text), true);
    if (this.error) throw this.error;
  }

  addChunk(records: BackupRecord[]): void {
    if (records.length === 0) return;
    const name = `articles/${String(this.chunks.length + 1).padStart(5, '0')}.json`;
    const text = JSON.stringify(records);
    this.file(name, text);
    this.chunks.push({ name, count: records.length, hash: fnv1a32(text) });
    this.count += records.length;
  }

  /** Adds the manifest and closes the zip; returns the manifest written. */
  finish(createdAt: Date, settings: Record<string, unknown>): BackupManifest {
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: createdAt.toISOString(),
      articleCount: this.count, chunks: this.chunks, settings,
    };
    this.file(MANIFEST_NAME, JSON.stringify(manifest));
    this.zip.end();
    if (this.error) throw this.error;
    return manifest;
  }
}

function one(data: Uint8Array, name: string): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (f) => f.name === name });
  } catch {
    throw new BackupError('not-zip', problem('backup-not-zip'), 'This file is not a Jianbao backup: it is not a zip archive.');
  }
  const bytes = files[name];
  if (!bytes) {
    throw name === MANIFEST_NAME
      ? new BackupError('foreign', problem('backup-no-manifest'), 'This zip is not a Jianbao backup: it has no manifest.json.')
      : new BackupError('corrupt', problem('backup-missing-part', name), `The backup is damaged: ${name} is missing.`);
  }
  return strFromU8(bytes);
}

/** A chunk's records must be objects; what each holds is checked record by record (backup-validate.ts). */
function recordLike(r: unknown): r is BackupRecord {
  return !!r && typeof r === 'object' && !Array.isArray(r);
}

/** Reads and checks a backup's manifest: a zip that is not ours, or from a newer version, is refused. */
export function readManifest(data: Uint8Array): BackupManifest {
  let m: Partial<BackupManifest>;
  try {
    m = JSON.parse(one(data, MANIFEST_NAME)) as Partial<BackupManifest>;
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError('foreign', problem('backup-manifest-not-json'), 'This zip is not a Jianbao backup: its manifest is not JSON.');
  }
  if (!m || m.format !== BACKUP_FORMAT) throw new BackupError('foreign', problem('backup-foreign'), 'This zip is not a Jianbao backup.');
  if (typeof m.version !== 'number' || m.version > BACKUP_VERSION) {
    throw new BackupError('newer-version', problem('backup-newer', String(m.version)), `This backup was written by a newer Jianbao (format ${m.version}); update the extension first.`);
  }
  if (!Array.isArray(m.chunks) || typeof m.articleCount !== 'number') throw new BackupError('corrupt', problem('backup-manifest-incomplete'), 'The backup is damaged: its manifest is incomplete.');
  return m as BackupManifest;
}

/** Reads one chunk and checks it against the manifest: hash, count, records that are objects. */
export function readChunk(data: Uint8Array, info: BackupChunkInfo): BackupRecord[] {
  const text = one(data, info.name);
  if (fnv1a32(text) !== info.hash) throw new BackupError('corrupt', problem('backup-checksum', info.name), `The backup is damaged: ${info.name} does not match its checksum.`);
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch {
    throw new BackupError('corrupt', problem('backup-part-not-json', info.name), `The backup is damaged: ${info.name} is not JSON.`);
  }
  if (!Array.isArray(records) || records.length !== info.count || !records.every(recordLike)) {
    throw new BackupError('corrupt', problem('backup-part-shape', info.name), `The backup is damaged: ${info.name} holds records of the wrong shape.`);
  }
  return records;
}

/** Checks the whole file before a restore writes anything; returns its manifest. */
export function verifyBackup(data: Uint8Array, onChunk?: (done: number, total: number) => void): BackupManifest {
  const manifest = readManifest(data);
  let total = 0;
  manifest.chunks.forEach((info, i) => {
    total += readChunk(data, info).length;
    onChunk?.(i + 1, manifest.chunks.length);
  });
  if (total !== manifest.articleCount) throw new BackupError('corrupt', problem('backup-articles-missing'), 'The backup is damaged: articles are missing.');
  return manifest;
}

/** Concatenates the writer's parts (for Node and tests; the browser makes a Blob of them). */
export function joinParts(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
