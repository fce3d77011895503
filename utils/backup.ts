// Backup and restore runs over any record source and sink (the library, the background, a test): checks first, writes in batches.
import type { Problem } from './problem';
import { BackupWriter, CHUNK_SIZE, joinParts, readChunk, verifyBackup, type BackupManifest, type BackupRecord } from './backup-format';
import { checkRecord } from './backup-validate';
import { fnv1a32 } from './article-record';
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
  // The file must restore: read it back as a restore would (checksums, counts, records) before it is offered.
  verifyBackup(joinParts(writer.parts));
  return { parts: writer.parts, manifest };
}

/** Where a restore stands, kept by the library with each batch it writes, so an interrupted restore can resume. */
export interface RestorePosition {
  /** Identifies the backup file (its manifest): a resume only skips what this same file already gave. */
  file: string;
  /** Records of the file, in file order, handled so far (written, merged or refused). */
  done: number;
  total: number;
}

export interface RestoreReport {
  manifest: BackupManifest;
  counts: MergeCounts;
  /** Records this version does not take as they are: refused with the reason (first 50), and how many in all. */
  refused: { title: string; reason: Problem }[];
  refusedCount: number;
  /** Records whose id was unusable or repeated: restored under a fresh id. */
  freshIds: number;
  /** Records skipped because an interrupted restore of this file had handled them already. */
  resumedFrom: number;
}

/**
 * A message between the page and the background is capped (Chrome: 64 MiB of JSON); a batch stays far below,
 * whatever the articles' length. Measured as UTF-16 code units × 3, an upper bound of the UTF-8 bytes.
 */
export const RESTORE_BATCH_BYTES = 8 * 1024 * 1024;
const RESTORE_BATCH_RECORDS = 1024;

/** The backup file's identity for resuming: its manifest's time, size and chunk checksums. */
export function backupFileId(manifest: BackupManifest): string {
  return fnv1a32(`${manifest.createdAt}|${manifest.articleCount}|${manifest.chunks.map((c) => c.hash).join(',')}`);
}

/**
 * Restores a backup: the whole file is checked before anything is written (a corrupt or foreign file throws a
 * BackupError and changes nothing); then every record is checked on its own (backup-validate.ts: refused ones are
 * listed, never stored), and batches small enough for a message are `apply`-ed, each one transaction that also
 * records the position. `resume` (a position of this same file) skips the records handled before.
 */
export async function restoreBackup(
  data: Uint8Array, apply: (records: BackupRecord[], position: RestorePosition) => Promise<MergeCounts>,
  onProgress?: (p: Progress) => void, resume?: RestorePosition | null,
): Promise<RestoreReport> {
  const manifest = verifyBackup(data, (done, total) => onProgress?.({ phase: 'check', done, total }));
  const file = backupFileId(manifest);
  const skip = resume && resume.file === file ? resume.done : 0;
  const total = manifest.articleCount;
  const report: RestoreReport = { manifest, counts: emptyCounts(), refused: [], refusedCount: 0, freshIds: 0, resumedFrom: skip };
  const taken = new Set<number>();
  let seen = 0;
  let batch: BackupRecord[] = [];
  let bytes = 0;
  /** Writes the batch with the position after it: `done` records of the file handled once it commits. */
  const flush = async (done: number) => {
    report.counts = addCounts(report.counts, await apply(batch, { file, done, total }));
    batch = [];
    bytes = 0;
    onProgress?.({ phase: 'restore', done, total });
  };
  for (const info of manifest.chunks) {
    for (const raw of readChunk(data, info)) {
      // Ids are settled in file order on every run, so a resumed restore gives the same ids as an unbroken one.
      const checked = checkRecord(raw, taken);
      seen++;
      if (seen <= skip) continue;
      if (!checked.ok) {
        report.refusedCount++;
        if (report.refused.length < 50) report.refused.push({ title: String((raw as { article?: { title?: unknown } }).article?.title ?? '').slice(0, 120), reason: checked.reason });
        continue;
      }
      if (checked.freshId) report.freshIds++;
      const size = (checked.record.body.html.length + checked.record.body.text.length + 2000) * 3;
      if (batch.length > 0 && (bytes + size > RESTORE_BATCH_BYTES || batch.length >= RESTORE_BATCH_RECORDS)) await flush(seen - 1);
      batch.push(checked.record);
      bytes += size;
    }
  }
  // The last apply always runs, even with nothing left to write: it records the restore as finished.
  await flush(seen);
  return report;
}
