// `npm run -s extract -- --manifest <manifest.jsonl> [--engine readability]`: one JSON line per page, for ../shared/eval/score.mjs.
import { readFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { parseArgs, fail } from './args';
import { loadDocument } from './load-document';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../utils/extract/extract-article';

interface ManifestRow {
  id?: string;
  file: string;
  url: string | null;
  lang?: string;
}

const { options } = parseArgs(process.argv.slice(2));
const manifest = options.get('manifest');
if (!manifest) fail('usage: npm run -s extract -- --manifest <manifest.jsonl> [--now <ISO time>] [--engine ours|readability]');
// `readability`: plain Readability with default options, the baseline we are measured against.
const engine = options.get('engine') ?? 'ours';
if (engine !== 'ours' && engine !== 'readability') fail(`unknown engine: ${engine}`);
const now = options.has('now') ? new Date(options.get('now')!) : new Date();
const folder = dirname(manifest);

let lines: string[];
try {
  lines = readFileSync(manifest, 'utf8').split('\n').filter((l) => l.trim());
} catch (err) {
  fail(`cannot read ${manifest}: ${(err as Error).message}`);
}

for (const line of lines) {
  let row: ManifestRow;
  try {
    row = JSON.parse(line) as ManifestRow;
  } catch {
    process.stdout.write(`${JSON.stringify({ id: null, error: `bad manifest line: ${line.slice(0, 80)}` })}\n`);
    continue;
  }
  const id = row.id ?? row.file;
  const url = row.url ?? `https://example.invalid/${row.file}`;
  let out: Record<string, unknown>;
  try {
    const html = readFileSync(join(folder, row.file), 'utf8');
    const doc = loadDocument(html, url);
    if (engine === 'readability') {
      const a = new Readability(doc).parse();
      out = a
        ? { id, title: a.title, author: a.byline, source: a.siteName, publishedAt: a.publishedTime, text: a.textContent }
        : { id, error: 'Readability found no article' };
      process.stdout.write(`${JSON.stringify(out)}\n`);
      continue;
    }
    const r = extractArticle(doc, url, { now });
    out = r.ok
      ? { id, title: r.article.title, author: r.article.author, source: r.article.source, publishedAt: r.article.publishedAt, text: r.article.text }
      : { id, error: r.message };
  } catch (err) {
    out = { id, error: `${basename(row.file)}: ${(err as Error).message}` };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
