// Search snippets for the library list: the passage of an article's text around the first hit, hits marked.
import { queryTokens } from '@/utils/search';

export interface Piece { text: string; mark: boolean }

const BEFORE = 24;
const LENGTH = 110;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for what the query matches: its words as typed, and the index's terms (CJK bigrams), longest first,
 * so "经济发展" marks the whole phrase where it stands together and its halves where they do not.
 */
export function hitPattern(query: string): RegExp | null {
  const words = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  const terms = [...new Set([...words, ...queryTokens(query).map((q) => q.term)])].filter((s) => s.length > 0);
  if (terms.length === 0) return null;
  terms.sort((a, b) => b.length - a.length);
  return new RegExp(terms.map(escapeRe).join('|'), 'giu');
}

/** `text` cut into pieces with each hit marked. */
export function markHits(text: string, pattern: RegExp | null): Piece[] {
  if (!pattern) return [{ text, mark: false }];
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    if (m.index! > last) out.push({ text: text.slice(last, m.index), mark: false });
    out.push({ text: m[0], mark: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false });
  return out;
}

/** The passage around the first hit in `text` (null when there is none), with the hits marked. */
export function snippet(text: string, pattern: RegExp | null): Piece[] | null {
  if (!pattern) return null;
  pattern.lastIndex = 0;
  const first = pattern.exec(text);
  pattern.lastIndex = 0;
  if (!first) return null;
  const from = Math.max(0, first.index - BEFORE);
  const to = Math.min(text.length, from + LENGTH);
  const passage = text.slice(from, to).replace(/\s+/g, ' ');
  const pieces = markHits(passage, pattern);
  if (from > 0) pieces.unshift({ text: '…', mark: false });
  if (to < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}
