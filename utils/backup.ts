// Backup and restore runs over any record source and sink (the library, the background, a test): checks first, writes in batches.
import { BackupWriter, CHUNK_SIZE, readChunk, verifyBackup, type BackupManifest, type BackupRecord } from './backup-format';
import { addCounts, emptyCounts, type MergeCounts } from './restore-merge';

export interface Progress {
  phase: 'backup' | 'check' | 'restore';
  done: number;
  total: number;
}

export interface BackupSource {
  count(): Promise<number>;
  readRecords(afterId: number, limit: number): Promise<BackupRecord[]>;
}

/** Writes every article with its body, chunk by chunk; returns the zip's parts (make a Blob of them). */
export async function writeBackup(
  source: BackupSource, settings: Record<string, unknown>, now: Date, onProgress?: (p: Progress) => void,
): Promise<{ parts: Uint8Array[]; manifest: BackupManifest }> {
  const total = await source.count();
  const writer = new BackupWriter();
  let afterId = 0;
  let done = 0;
  for (;;) {
    const records = await source.readRecords(afterId, CHUNK_SIZE);
    if (records.length === 0) break;
    writer.addChunk(records);
    afterId = records.at(-1)!.article.id!;
    done += records.length;
    onProgress?.({ phase: 'backup', done, total });
  }
  const manifest = writer.finish(now, settings);
  return { parts: writer.parts, manifest };
}

/**
 * Restores a backup: the whole file is checked before anything is written (a corrupt or foreign
 * file throws a BackupError and changes nothing); then each chunk is one `apply` call, one transaction.
 */
export async function restoreBackup(
  data: Uint8Array, apply: (records: BackupRecord[]) => Promise<MergeCounts>, onProgress?: (p: Progress) => void,
): Promise<{ manifest: BackupManifest; counts: MergeCounts }> {
  const manifest = verifyBackup(data, (done, total) => onProgress?.({ phase: 'check', done, total }));
  let counts = emptyCounts();
  let done = 0;
  for (const info of manifest.chunks) {
    const records = readChunk(data, info);
    counts = addCounts(counts, await apply(records));
    done += records.length;
    onProgress?.({ phase: 'restore', done, total: manifest.articleCount });
  }
  return { manifest, counts };
}
