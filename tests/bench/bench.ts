// `npm run bench`: runs every tests/bench/*.bench.ts in turn (or those named on the command line).
// Each bench module exports `default async function (): Promise<void>` and prints its own numbers.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const folder = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

for (const file of files) {
  console.log(`\n## ${file}`);
  const started = performance.now();
  const mod = (await import(pathToFileURL(join(folder, file)).href)) as { default: () => Promise<void> };
  await mod.default();
  console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
