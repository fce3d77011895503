// `npm run bench:quality [-- --live] [set…]`: our extractor over every dev set in ../shared/eval/dev, scored by
// ../shared/eval/score.mjs, next to plain Readability's baseline (from the eval README, or computed live).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const evalDir = resolve(root, '../shared/eval');
const args = process.argv.slice(2);
const live = args.includes('--live');
const wanted = args.filter((a) => !a.startsWith('--'));
// Relative days ("昨天") resolve against this clock, so runs are comparable.
const NOW = '2026-11-27T00:00:00Z';

if (!existsSync(join(evalDir, 'score.mjs'))) {
  console.error(`no evaluation kit at ${evalDir}`);
  process.exit(2);
}
const sets = readdirSync(join(evalDir, 'dev'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(evalDir, 'dev', d.name, 'manifest.jsonl')))
  .map((d) => d.name)
  .filter((s) => wanted.length === 0 || wanted.includes(s));
const out = mkdtempSync(join(tmpdir(), 'jianbao-quality-'));

/** "score: gne title=0.80 date=0.47" → { title: 0.8, date: 0.47 } */
function parseScore(line: string): Record<string, number> {
  return Object.fromEntries(Array.from(line.matchAll(/(\w+)=([\d.]+)/g), (m) => [m[1], Number(m[2])]));
}

function run(set: string, engine: 'ours' | 'readability'): { line: string; seconds: number } {
  const manifest = join(evalDir, 'dev', set, 'manifest.jsonl');
  const started = performance.now();
  const results = execFileSync('npx', ['tsx', join(root, 'cli/extract.ts'), '--manifest', manifest, '--now', NOW, '--engine', engine], {
    cwd: root, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  const file = join(out, `${set}-${engine}.jsonl`);
  writeFileSync(file, results);
  const table = execFileSync('node', [join(evalDir, 'score.mjs'), join(evalDir, 'dev', set), file], { encoding: 'utf8' });
  const line = table.trim().split('\n').filter((l) => l.startsWith('score:')).pop() ?? '';
  return { line, seconds };
}

const readme = readFileSync(join(evalDir, 'README.md'), 'utf8');
const baselineLines = new Map(Array.from(readme.matchAll(/^score: (\S+) .*$/gm), (m) => [m[1], m[0]]));

const rows: string[] = [];
for (const set of sets) {
  const ours = run(set, 'ours');
  const base = live ? run(set, 'readability') : { line: baselineLines.get(set) ?? '', seconds: NaN };
  const a = parseScore(ours.line), b = parseScore(base.line);
  console.log(`\n${set}`);
  console.log(`  ours:        ${ours.line}   (${ours.seconds.toFixed(0)} s)`);
  console.log(`  readability: ${base.line || '(no baseline)'}${live ? `   (${base.seconds.toFixed(0)} s)` : '   (eval README)'}`);
  const fields = Object.keys(a);
  const cells = fields.map((f) => `${f} ${a[f].toFixed(3)} vs ${b[f] === undefined ? "–" : b[f].toFixed(3)}${b[f] !== undefined && a[f] < b[f] ? ' (below)' : ''}`);
  rows.push(`| ${set} | ${cells.join(' | ')} |`);
}
console.log('\nours vs Readability');
for (const r of rows) console.log(r);
console.log(`\n(results in ${out})`);
