// `npm run bench:quality [-- --live] [-- --generic] [set…]`: our extractor over every dev set in ../shared/eval/dev,
// scored by ../shared/eval/score.mjs, next to plain Readability's baseline (from the eval README, or computed live).
// `--generic` also runs every set with the site-rule table switched off (what a site without a row gets) and
// prints those scores beside the normal ones.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, basename } from 'node:path';
import { openDocument } from '../../cli/load-document';
import { extractArticle } from '../../utils/extract/extract-article';

const root = resolve(import.meta.dirname, '../..');
const evalDir = resolve(root, '../shared/eval');
const args = process.argv.slice(2);
const live = args.includes('--live');
const generic = args.includes('--generic');
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

interface ManifestRow { id?: string; file: string; url: string | null }

/** Our extractor in this process (as cli/extract.ts runs it), with the site rules on or off. */
function extractSet(set: string, siteRules: boolean): string {
  const folder = join(evalDir, 'dev', set);
  const rows = readFileSync(join(folder, 'manifest.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ManifestRow);
  const lines: string[] = [];
  for (const row of rows) {
    const id = row.id ?? row.file;
    const url = row.url ?? `https://example.invalid/${row.file}`;
    let o: Record<string, unknown>;
    const page = openDocument(readFileSync(join(folder, row.file), 'utf8'), url);
    try {
      const r = extractArticle(page.document, url, { now: new Date(NOW), siteRules });
      o = r.ok
        ? { id, title: r.article.title, author: r.article.author, source: r.article.source, publishedAt: r.article.publishedAt, text: r.article.text, unsure: r.article.unsure }
        : { id, error: r.message };
    } catch (err) {
      o = { id, error: `${basename(row.file)}: ${(err as Error).message}` };
    } finally {
      page.close();
    }
    lines.push(JSON.stringify(o));
  }
  return `${lines.join('\n')}\n`;
}

type Engine = 'ours' | 'generic' | 'readability';

function run(set: string, engine: Engine): { line: string; seconds: number; table: string } {
  const manifest = join(evalDir, 'dev', set, 'manifest.jsonl');
  const started = performance.now();
  const results = engine === 'readability'
    ? execFileSync('npx', ['tsx', join(root, 'cli/extract.ts'), '--manifest', manifest, '--now', NOW, '--engine', engine], {
      cwd: root, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8',
    })
    : extractSet(set, engine === 'ours');
  const seconds = (performance.now() - started) / 1000;
  const file = join(out, `${set}-${engine}.jsonl`);
  writeFileSync(file, results);
  const table = execFileSync('node', [join(evalDir, 'score.mjs'), join(evalDir, 'dev', set), file], { encoding: 'utf8' });
  writeFileSync(join(out, `${set}-${engine}.txt`), execFileSync('node', [join(evalDir, 'score.mjs'), join(evalDir, 'dev', set), file, '--pages'], { encoding: 'utf8' }));
  const line = table.trim().split('\n').filter((l) => l.startsWith('score:')).pop() ?? '';
  return { line, seconds, table };
}

const readme = readFileSync(join(evalDir, 'README.md'), 'utf8');
const baselineLines = new Map(Array.from(readme.matchAll(/^score: (\S+) .*$/gm), (m) => [m[1], m[0]]));

const rows: string[] = [];
const genericRows: string[] = [];
for (const set of sets) {
  const ours = run(set, 'ours');
  const gen = generic ? run(set, 'generic') : null;
  const base = live ? run(set, 'readability') : { line: baselineLines.get(set) ?? '', seconds: NaN };
  const a = parseScore(ours.line), b = parseScore(base.line), g = gen ? parseScore(gen.line) : {};
  console.log(`\n${set}`);
  console.log(`  ours:        ${ours.line}   (${ours.seconds.toFixed(0)} s)`);
  if (gen) console.log(`  generic:     ${gen.line}   (${gen.seconds.toFixed(0)} s)`);
  console.log(`  readability: ${base.line || '(no baseline)'}${live ? `   (${base.seconds.toFixed(0)} s)` : '   (eval README)'}`);
  const fields = Object.keys(a);
  const cells = fields.map((f) => `${f} ${a[f].toFixed(3)} vs ${b[f] === undefined ? '–' : b[f].toFixed(3)}${b[f] !== undefined && a[f] < b[f] ? ' (below)' : ''}`);
  rows.push(`| ${set} | ${cells.join(' | ')} |`);
  if (gen) {
    // Every metric the scorer's table prints, rules on beside rules off.
    const metric = (t: string) => {
      const lines = t.split('\n');
      const start = lines.findIndex((l) => l.startsWith('--------'));
      const m = new Map<string, string>();
      for (const l of lines.slice(start + 1)) {
        if (!l.trim() || l.startsWith('score:')) break;
        m.set(l.slice(0, 42).replace(/\s+/g, ' ').trim(), l.slice(42).trim());
      }
      return m;
    };
    const on = metric(ours.table), off = metric(gen.table);
    console.log('  every metric: rules on | generic');
    for (const [k, v] of on) console.log(`    ${k.padEnd(40)} ${v.padEnd(28)} | ${off.get(k) ?? '–'}`);
    genericRows.push(`| ${set} | ${fields.map((f) => `${f} ${a[f].toFixed(3)} / ${g[f] === undefined ? '–' : g[f].toFixed(3)}`).join(' | ')} |`);
  }
}
console.log('\nours vs Readability');
for (const r of rows) console.log(r);
if (generic) {
  console.log('\nrules on / generic (site rules off)');
  for (const r of genericRows) console.log(r);
}
console.log(`\n(results in ${out})`);
