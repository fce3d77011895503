// Publication-time cost: metadata reading plus the dateline search (all text forms), per dev page,
// next to plain Readability on the same parsed document, so its share of the 1.5× budget shows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { openDocument } from '../../cli/load-document';
import { readPageMetadata } from '../../utils/extract/page-metadata';
import { findPublishedAt } from '../../utils/extract/publish-time';
import { firstHeading } from '../../utils/extract/headline';
import { textAfter, textBefore } from '../../utils/extract/dom-text';

const devDir = resolve(import.meta.dirname, '../../../shared/eval/dev');
const REPS = Number(process.env.BENCH_REPS ?? 5);
const now = new Date('2026-11-27T00:00:00Z');

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

export default async function (): Promise<void> {
  if (!existsSync(devDir)) {
    console.log('no ../shared/eval/dev: nothing to measure');
    return;
  }
  const dates: number[] = [];
  const readability: number[] = [];
  for (const set of readdirSync(devDir).sort()) {
    const manifest = join(devDir, set, 'manifest.jsonl');
    if (!existsSync(manifest)) continue;
    for (const line of readFileSync(manifest, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as { file: string; url: string | null; lang?: string };
      const url = row.url ?? `https://example.invalid/${row.file}`;
      const { document: doc, close } = openDocument(readFileSync(join(devDir, set, row.file), 'utf8'), url);
      let best = Infinity;
      for (let i = 0; i < REPS; i++) {
        const t0 = performance.now();
        const meta = readPageMetadata(doc, url);
        const h1 = firstHeading(doc, []);
        findPublishedAt({
          metaTimes: meta.publishedTimes, modifiedTimes: meta.modifiedTimes,
          nearHeadline: h1 ? [textAfter(h1, 600), textBefore(h1, 200), (h1.textContent ?? '').slice(0, 300)] : [],
          articleText: (doc.body?.textContent ?? '').slice(0, 2000), zh: row.lang === 'zh', lang: row.lang, url,
          pageText: () => doc.body?.textContent ?? '',
        }, { now, offset: 480 });
        best = Math.min(best, performance.now() - t0);
      }
      dates.push(best);
      let rbest = Infinity;
      for (let i = 0; i < Math.min(REPS, 2); i++) {
        const clone = doc.cloneNode(true) as Document;
        const t0 = performance.now();
        new Readability(clone).parse();
        rbest = Math.min(rbest, performance.now() - t0);
      }
      readability.push(rbest);
      close();
    }
  }
  const share = dates.map((d, i) => d / readability[i]);
  console.log(`pages: ${dates.length}`);
  console.log(`publication time (metadata + datelines + fallbacks): median ${quantile(dates, 0.5).toFixed(2)} ms, p90 ${quantile(dates, 0.9).toFixed(2)} ms, max ${Math.max(...dates).toFixed(2)} ms`);
  console.log(`Readability alone: median ${quantile(readability, 0.5).toFixed(1)} ms, p90 ${quantile(readability, 0.9).toFixed(1)} ms`);
  console.log(`share of Readability's time: median ${(quantile(share, 0.5) * 100).toFixed(1)} %, p90 ${(quantile(share, 0.9) * 100).toFixed(1)} %`);
}
