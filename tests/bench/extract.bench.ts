// Extraction speed: ours against plain Readability on the same parsed documents (the dev pages in
// ../shared/eval/dev), per page, median and p90 over pages, and the ratio. Target: ours ≤ 1.5×.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readability } from '@mozilla/readability';
import { openDocument } from '../../cli/load-document';
import { extractArticle } from '../../utils/extract/extract-article';

const devDir = resolve(import.meta.dirname, '../../../shared/eval/dev');
const REPS = Number(process.env.BENCH_REPS ?? 3);
// BENCH_SETS=gne,cwce limits the sets (all by default); JIANBAO_BENCH_PAGES=40 takes that many
// pages spread evenly over them, for a quicker run; JIANBAO_BENCH_VERBOSE=1 lists the worst pages.
const SETS = process.env.BENCH_SETS?.split(',').filter(Boolean);
const PAGES = Number(process.env.JIANBAO_BENCH_PAGES ?? 0);
const VERBOSE = !!process.env.JIANBAO_BENCH_VERBOSE;
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
  if (!(PAGES > 0 && PAGES < out.length)) return out;
  return Array.from({ length: PAGES }, (_, i) => out[Math.floor((i * out.length) / PAGES)]);
}

// For the heap figure: a full collection between pages (never inside a timed run, where it would
// slow down what follows it).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * Fastest of REPS runs of each, taken in turns (a, b, a, b, …) so that a burst of load from other
 * processes on the machine falls on both sides rather than on one.
 */
function bestOfEach(a: () => void, b: () => void): [number, number] {
  let ma = Infinity, mb = Infinity;
  for (let i = 0; i < REPS; i++) {
    ma = Math.min(ma, time(a));
    mb = Math.min(mb, time(b));
  }
  return [ma, mb];
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
  let heap = 0;
  for (const p of all) {
    const { document: doc, close } = openDocument(p.html, p.url);
    // Readability mutates its document, so both sides pay for one clone of the parsed page.
    const [a, b] = bestOfEach(() => new Readability(doc.cloneNode(true) as Document).parse(), () => extractArticle(doc, p.url, { now }));
    ra.push(a);
    ours.push(b);
    ratios.push(b / a);
    close();
    // Each JSDOM queues a process.nextTick (its load event) that holds its window: in one synchronous
    // loop none of them runs, and every page's window and documents stay on the heap.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(`pages: ${all.length}, best of ${REPS} runs each, taken in turns (ms per page)`);
  console.log(`                 median      p90`);
  console.log(`readability   ${f(quantile(ra, 0.5))}  ${f(quantile(ra, 0.9))}`);
  console.log(`ours          ${f(quantile(ours, 0.5))}  ${f(quantile(ours, 0.9))}`);
  console.log(`ratio         ${f(quantile(ours, 0.5) / quantile(ra, 0.5))}× ${f(quantile(ours, 0.9) / quantile(ra, 0.9))}×   (of the medians / of the p90s; target ≤ 1.5×)`);
  console.log(`per-page ratio median ${quantile(ratios, 0.5).toFixed(2)}×, p90 ${quantile(ratios, 0.9).toFixed(2)}×`);
  console.log(`heap between pages: at most ${(heap / 1e6).toFixed(0)} MB`);
  if (VERBOSE) {
    const worst = all.map((p, i) => ({ id: p.id, a: ra[i], b: ours[i], r: ratios[i] })).sort((x, y) => y.r - x.r).slice(0, 15);
    for (const w of worst) console.log(`  ${w.r.toFixed(2)}×  readability ${w.a.toFixed(1)} ms, ours ${w.b.toFixed(1)} ms  ${w.id}`);
  }
}
