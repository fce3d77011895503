// Extraction speed: ours against plain Readability on the same parsed documents (the dev pages in
// ../shared/eval/dev), per page, median and p90 over pages, and the ratio. Target: ours ≤ 1.5×.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { openDocument } from '../../cli/load-document';
import { extractArticle } from '../../utils/extract/extract-article';

const devDir = resolve(import.meta.dirname, '../../../shared/eval/dev');
const REPS = Number(process.env.BENCH_REPS ?? 3);
// BENCH_SETS=gne,cwce limits the sets (all by default).
const SETS = process.env.BENCH_SETS?.split(',').filter(Boolean);
const now = new Date('2026-11-27T00:00:00Z');

interface Page { id: string; url: string; html: string }

function pages(): Page[] {
  if (!existsSync(devDir)) return [];
  const out: Page[] = [];
  for (const set of readdirSync(devDir).sort()) {
    const manifest = join(devDir, set, 'manifest.jsonl');
    if (!existsSync(manifest) || (SETS && !SETS.includes(set))) continue;
    for (const line of readFileSync(manifest, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as { id: string; file: string; url: string | null };
      out.push({ id: `${set}/${row.id}`, url: row.url ?? `https://example.invalid/${row.file}`, html: readFileSync(join(devDir, set, row.file), 'utf8') });
    }
  }
  return out;
}

/** Fastest of REPS runs: the least disturbed by GC and by other processes on the machine. */
function best(fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

export default async function (): Promise<void> {
  const all = pages();
  if (all.length === 0) {
    console.log(`no dev pages at ${devDir}: skipped`);
    return;
  }
  const ra: number[] = [], ours: number[] = [], ratios: number[] = [];
  for (const p of all) {
    const { document: doc, close } = openDocument(p.html, p.url);
    // Readability mutates its document, so both sides pay for one clone of the parsed page.
    const a = best(() => new Readability(doc.cloneNode(true) as Document).parse());
    const b = best(() => extractArticle(doc, p.url, { now }));
    ra.push(a);
    ours.push(b);
    ratios.push(b / a);
    close();
  }
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(`pages: ${all.length}, best of ${REPS} runs each (ms per page)`);
  console.log(`                 median      p90`);
  console.log(`readability   ${f(quantile(ra, 0.5))}  ${f(quantile(ra, 0.9))}`);
  console.log(`ours          ${f(quantile(ours, 0.5))}  ${f(quantile(ours, 0.9))}`);
  console.log(`ratio         ${f(quantile(ours, 0.5) / quantile(ra, 0.5))}× ${f(quantile(ours, 0.9) / quantile(ra, 0.9))}×   (of the medians / of the p90s; target ≤ 1.5×)`);
  console.log(`per-page ratio median ${quantile(ratios, 0.5).toFixed(2)}×, p90 ${quantile(ratios, 0.9).toFixed(2)}×`);
}
