// Chinese search quality on the dev pages (../shared/eval/dev gne + cwce): character bigrams (what the
// library indexes) against Intl.Segmenter words, with titles, title fragments and body phrases as queries.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { loadDocument } from '../../cli/load-document';
import { extractArticle } from '../../utils/extract/extract-article';
import { articleTerms, queryTokens, TITLE_MARK, type QueryToken } from '../../utils/search';

interface Doc { title: string; text: string }
interface Method { name: string; index(d: Doc): string[]; query(q: string): QueryToken[] }

const EVAL = path.resolve(import.meta.dirname, '../../../shared/eval/dev');
const CJK_RUN = /[\p{Script=Han}]+/gu;

function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  for (const set of ['gne', 'cwce']) {
    const lines = readFileSync(path.join(EVAL, set, 'manifest.jsonl'), 'utf8').trim().split('\n');
    for (const line of lines) {
      const m = JSON.parse(line) as { file: string; url: string | null; ref: { title?: string; text?: string } };
      const url = m.url ?? `https://example.invalid/${set}/${m.file}`;
      const r = extractArticle(loadDocument(readFileSync(path.join(EVAL, set, m.file), 'utf8'), url), url, { now: new Date('2026-01-01T00:00:00Z') });
      const title = m.ref.title ?? (r.ok ? r.article.title : '');
      const text = m.ref.text ?? (r.ok ? r.article.text : '');
      if (title && text) docs.push({ title, text });
    }
  }
  return docs;
}

const zhSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const words = (s: string) => [...zhSegmenter.segment(s.normalize('NFKC').toLowerCase())].filter((x) => x.isWordLike).map((x) => x.segment);

const METHODS: Method[] = [
  { name: 'bigrams', index: (d) => articleTerms({ title: d.title, source: null, author: null, text: d.text }), query: queryTokens },
  {
    name: 'Intl.Segmenter',
    index: (d) => [...new Set(words(`${d.title}\n${d.text}`))].concat([...new Set(words(d.title))].map((w) => TITLE_MARK + w)),
    query: (q) => {
      const ws = [...new Set(words(q))];
      return ws.map((term, i) => ({ term, prefix: i === ws.length - 1 }));
    },
  },
];

function search(index: Map<string, Set<number>>, terms: string[], tokens: QueryToken[]): number[] {
  const match = (t: QueryToken, mark = '') => {
    const key = mark + t.term;
    if (!t.prefix) return index.get(key) ?? new Set<number>();
    const out = new Set<number>();
    for (const term of terms) if (term.startsWith(key)) for (const id of index.get(term)!) out.add(id);
    return out;
  };
  if (tokens.length === 0) return [];
  let hits = match(tokens[0]!);
  for (const t of tokens.slice(1)) hits = new Set([...hits].filter((id) => match(t).has(id)));
  let inTitle = match(tokens[0]!, TITLE_MARK);
  for (const t of tokens.slice(1)) inTitle = new Set([...inTitle].filter((id) => match(t, TITLE_MARK).has(id)));
  return [...hits].sort((a, b) => Number(inTitle.has(b)) - Number(inTitle.has(a)) || a - b);
}

/** Deterministic pieces of CJK runs: what a reader remembers of a title or a sentence. */
function fragments(text: string, count: number, min: number, max: number, seed: number): string[] {
  const runs = (text.match(CJK_RUN) ?? []).filter((r) => r.length >= min);
  const out: string[] = [];
  let s = seed;
  const rnd = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  for (let i = 0; i < count && runs.length; i++) {
    const run = runs[Math.floor(rnd() * runs.length)]!;
    const len = Math.min(run.length, min + Math.floor(rnd() * (max - min + 1)));
    const at = Math.floor(rnd() * (run.length - len + 1));
    out.push(run.slice(at, at + len));
  }
  return out;
}

export default async function (): Promise<void> {
  if (!existsSync(EVAL)) {
    console.log(`skipped: ${EVAL} not found`);
    return;
  }
  const docs = loadDocs();
  const queries = {
    'full titles': docs.map((d, i) => ({ q: d.title, target: i })),
    'title fragments (2-4 chars)': docs.flatMap((d, i) => fragments(d.title, 3, 2, 4, i + 1).map((q) => ({ q, target: i }))),
    'body phrases (3-6 chars)': docs.flatMap((d, i) => fragments(d.text, 3, 3, 6, i + 101).map((q) => ({ q, target: i }))),
  };
  console.log(`${docs.length} Chinese pages (gne + cwce), ${Object.values(queries).reduce((n, q) => n + q.length, 0)} queries`);
  console.log('| method | queries | found (recall) | in top 3 | MRR | mean hits | terms/page |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const m of METHODS) {
    const index = new Map<string, Set<number>>();
    let termCount = 0;
    docs.forEach((d, id) => {
      const terms = m.index(d);
      termCount += terms.length;
      for (const t of terms) (index.get(t) ?? index.set(t, new Set()).get(t)!).add(id);
    });
    const terms = [...index.keys()];
    for (const [kind, qs] of Object.entries(queries)) {
      let found = 0, top3 = 0, rr = 0, hits = 0;
      for (const { q, target } of qs) {
        const r = search(index, terms, m.query(q));
        const rank = r.indexOf(target);
        hits += r.length;
        if (rank >= 0) { found++; rr += 1 / (rank + 1); if (rank < 3) top3++; }
      }
      const pct = (x: number) => `${((100 * x) / qs.length).toFixed(1)}%`;
      console.log(`| ${m.name} | ${kind} (${qs.length}) | ${pct(found)} | ${pct(top3)} | ${(rr / qs.length).toFixed(3)} | ${(hits / qs.length).toFixed(1)} | ${(termCount / docs.length).toFixed(0)} |`);
    }
  }
}
