// The restore merge rule, pure: which of two versions of the same URL a restore keeps.
import type { Article } from './types';

export type MergeDecision = 'add' | 'replace' | 'skip';

/**
 * Same URL: the newer edit (`updatedAt`) wins; a tie keeps what is there, so restoring the
 * same backup twice changes nothing. No row with that URL: add.
 */
export function mergeDecision(existing: Pick<Article, 'updatedAt'> | undefined, incoming: Pick<Article, 'updatedAt'>): MergeDecision {
  if (!existing) return 'add';
  return incoming.updatedAt > existing.updatedAt ? 'replace' : 'skip';
}

export interface MergeCounts {
  added: number;
  replaced: number;
  skipped: number;
}

export function emptyCounts(): MergeCounts {
  return { added: 0, replaced: 0, skipped: 0 };
}

export function addCounts(a: MergeCounts, b: MergeCounts): MergeCounts {
  return { added: a.added + b.added, replaced: a.replaced + b.replaced, skipped: a.skipped + b.skipped };
}
