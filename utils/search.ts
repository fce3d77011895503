// Search-index terms and query terms: CJK as bigrams (no dictionary), other scripts as words.

/** Terms kept per article; the text is read in order, so title and lead survive the cap. */
export const MAX_TERMS = 2000;
// Long tokens (URLs, hashes) would bloat the index for no useful query; index and query clip alike.
const MAX_TERM_LENGTH = 64;

// Han, kana, Hangul and the katakana length mark (Script=Common) are indexed per character.
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]+/gu;
const WORD_FALLBACK = /[\p{L}\p{M}\p{N}]+/gu;
const ENDS_IN_WORD = /[\p{L}\p{M}\p{N}]$/u;

/** A term a query requires; `prefix` when the user may still be typing it. */
export interface QueryToken {
  term: string;
  prefix: boolean;
}

interface Piece {
  cjk: boolean;
  text: string;
}

const segmenter: Intl.Segmenter | null =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'word' })
    : null;

function normalize(text: string): string {
  // NFKC first so full-width Latin (ＡＢＣ) and digits fold to the forms queries are typed in.
  return text.normalize('NFKC').toLowerCase();
}

function clip(term: string): string {
  return term.length <= MAX_TERM_LENGTH ? term : Array.from(term).slice(0, MAX_TERM_LENGTH).join('');
}

function* pieces(text: string): Generator<Piece> {
  let last = 0;
  for (const m of text.matchAll(CJK_RUN)) {
    if (m.index > last) yield { cjk: false, text: text.slice(last, m.index) };
    yield { cjk: true, text: m[0] };
    last = m.index + m[0].length;
  }
  if (last < text.length) yield { cjk: false, text: text.slice(last) };
}

function words(text: string): string[] {
  if (!segmenter) return text.match(WORD_FALLBACK) ?? [];
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

// Bigrams, and the run's last character (which starts no bigram): a one-character query is a prefix
// search over these, so single characters need no entries of their own. That halves the index.
function* cjkIndexTerms(run: string): Generator<string> {
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) yield chars[i]! + chars[i + 1]!;
  yield chars[chars.length - 1]!;
}

/** Terms to index for `text`: NFKC, lower-cased, deduplicated, at most `max`. */
export function searchTokens(text: string, max: number = MAX_TERMS): string[] {
  const out = new Set<string>();
  for (const piece of pieces(normalize(text))) {
    const terms = piece.cjk ? cjkIndexTerms(piece.text) : words(piece.text);
    for (const t of terms) {
      out.add(clip(t));
      if (out.size >= max) return [...out];
    }
  }
  return [...out];
}

/**
 * Terms a document must all contain to match `query`. A CJK run needs its
 * bigrams (the index holds every bigram, so any substring of a run matches);
 * a lone CJK character is a prefix of the bigrams it starts. The last word is a prefix unless the
 * query ends after it (space, punctuation): search-as-you-type.
 */
export function queryTokens(query: string): QueryToken[] {
  const norm = normalize(query);
  const raw: QueryToken[] = [];
  let lastIsWord = false;
  for (const piece of pieces(norm)) {
    if (piece.cjk) {
      const chars = Array.from(piece.text);
      // A lone character matches the bigrams it starts (and a one-character run indexed as itself).
      if (chars.length === 1) raw.push({ term: chars[0]!, prefix: true });
      for (let i = 0; i + 1 < chars.length; i++) raw.push({ term: chars[i]! + chars[i + 1]!, prefix: false });
      lastIsWord = false;
    } else {
      const ws = words(piece.text);
      for (const w of ws) raw.push({ term: clip(w), prefix: false });
      if (ws.length > 0) lastIsWord = true;
    }
  }
  if (lastIsWord && ENDS_IN_WORD.test(norm)) raw[raw.length - 1]!.prefix = true;
  // An exact requirement implies the prefix one, so a repeated word keeps only the exact.
  const exact = new Set(raw.filter((t) => !t.prefix).map((t) => t.term));
  const seen = new Set<string>();
  return raw.filter((t) => {
    if (t.prefix && exact.has(t.term)) return false;
    if (seen.has(t.term)) return false;
    seen.add(t.term);
    return true;
  });
}

/** Marks a title term in the index, so a title hit can be ranked above a body hit with one small lookup. */
export const TITLE_MARK = '\u0001';

/** The fields of an article the index covers. */
export interface IndexedFields {
  title: string;
  source: string | null;
  author: string | null;
  text: string;
}

/** Index terms of one article: title, source, author and body, plus the title's terms marked with TITLE_MARK. */
export function articleTerms(f: IndexedFields): string[] {
  const all = searchTokens([f.title, f.source ?? '', f.author ?? '', f.text].join('\n'));
  const title = searchTokens(f.title, 200).map((t) => TITLE_MARK + t);
  return all.concat(title);
}
