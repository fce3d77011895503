// Save-anywhere bench: what the injected scripts cost on the golden pages (jsdom) — the article
// extractor, "save the whole page anyway", and "save selection" (which also reads the page's metadata
// through the article extractor, so it costs about one extraction more). Median of runs, ms.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../utils/extract/extract-article';
import { extractWholePage } from '../../utils/extract/whole-page';
import { extractSelection } from '../../utils/extract/selection';

const PAGES = path.join(import.meta.dirname, '../golden/pages');
const NOW = new Date('2026-11-27T12:00:00Z');
const RUNS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

export default async function (): Promise<void> {
  console.log('page                      elements  article  whole-page  selection (2 paragraphs)');
  for (const file of readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort()) {
    const url = `https://bench.example/${file}`;
    const doc = new JSDOM(readFileSync(path.join(PAGES, file), 'utf8'), { url }).window.document;
    const ps = Array.from(doc.querySelectorAll('p'));
    const selection = {
      rangeCount: ps.length ? 1 : 0,
      getRangeAt: () => {
        const r = doc.createRange();
        r.setStartBefore(ps[0]!);
        r.setEndAfter(ps[Math.min(1, ps.length - 1)]!);
        return r;
      },
    };
    const a = time(() => extractArticle(doc, url, { now: NOW }));
    const w = time(() => extractWholePage(doc, url, { now: NOW }));
    const s = time(() => extractSelection(doc, url, selection, { now: NOW }));
    const n = doc.getElementsByTagName('*').length;
    console.log(`${file.padEnd(26)}${String(n).padStart(8)}${a.toFixed(1).padStart(9)}${w.toFixed(1).padStart(12)}${s.toFixed(1).padStart(11)}`);
  }
}
