// `npm run -s export -- <backup.zip> --out <dir> [--preset id] [--now ISO]`: a library backup turned into posts, for a site's build scripts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, fail } from './args';
import { writeUnder } from './write-under';
import { BackupError, readChunk, verifyBackup, type BackupManifest, type BackupRecord } from '../utils/backup-format';
import { PRESET_IDS, isPresetId, type PresetSettings } from '../utils/export/presets';
import { exportConfig, withPreset } from '../utils/export/export-config';
import { createRenderer, type ExportConfig } from '../utils/export/export-post';
import { runBatch } from '../utils/export/batch';
import { recordedIn } from '../utils/export/post-names';
import { legacyNames } from '../utils/export/legacy-names';
import type { Article, ArticleBody, ExportSettings } from '../utils/types';

const USAGE = `usage: npm run -s export -- <backup.zip> --out <dir> [--preset ${PRESET_IDS.join('|')}] [--now <ISO time>]`;
const { positional, options } = parseArgs(process.argv.slice(2));
const file = positional[0];
const out = options.get('out');
if (!file || !out || out === 'true') fail(USAGE);
const now = options.has('now') ? new Date(options.get('now')!) : new Date();
if (Number.isNaN(now.getTime())) fail(`--now is not a time: ${options.get('now')}`);

let data: Uint8Array;
try {
  data = readFileSync(file);
} catch (err) {
  fail(`cannot read ${file}: ${(err as Error).message}`);
}

let manifest: BackupManifest;
try {
  manifest = verifyBackup(data);
} catch (err) {
  if (err instanceof BackupError) fail(`${file}: ${err.message}`, 1);
  throw err;
}

// The backup carries the extension's settings: the posts come out as the extension would write them.
const stored = (manifest.settings as { sync?: Record<string, unknown>; local?: Record<string, unknown> });
let config: ExportConfig = exportConfig(
  stored.sync?.exportSettings as Partial<ExportSettings> | undefined,
  stored.sync?.presetSettings as Partial<PresetSettings> | undefined,
  (stored.local?.customTemplate as string | null | undefined) ?? null,
);
const preset = options.get('preset');
if (preset !== undefined) {
  if (!isPresetId(preset)) fail(`unknown preset "${preset}"; one of ${PRESET_IDS.join(', ')}`);
  config = withPreset(config, preset);
}

// Rows first (for stable names across the library), bodies chunk by chunk as the batch reaches them.
const chunkOf = new Map<number, number>();
const library: Article[] = [];
manifest.chunks.forEach((info, i) => {
  for (const r of readChunk(data, info)) {
    library.push(r.article);
    chunkOf.set(r.article.id!, i);
  }
});
let cached: { index: number; byId: Map<number, BackupRecord> } | null = null;
function body(id: number): ArticleBody | undefined {
  const index = chunkOf.get(id);
  if (index === undefined) return undefined;
  if (cached?.index !== index) {
    cached = { index, byId: new Map(readChunk(data, manifest.chunks[index]!).map((r) => [r.article.id!, r])) };
  }
  const r = cached.byId.get(id);
  return r ? { articleId: id, ...r.body } : undefined;
}

const renderer = createRenderer(config);
// Articles exported by an older version keep the names they were written under (legacy-names.ts).
const legacy = legacyNames(library, renderer);
const articles = library.map((a) => (legacy.has(a.id!) ? { ...a, exportName: legacy.get(a.id!)! } : a)).sort((a, b) => a.id! - b.id!);
const report = await runBatch({
  articles,
  renderer,
  recorded: recordedIn(articles),
  loadBodies: async (ids) => ids.map(body),
  sink: { write: (path, text) => void writeUnder(out, path, text) },
  now,
});
for (const f of report.failed) process.stderr.write(`skipped "${f.title}": ${f.reason}\n`);
process.stdout.write(`${report.written.length} posts written to ${join(out)}${report.failed.length ? `, ${report.failed.length} skipped` : ''}\n`);
if (report.failed.length) process.exitCode = 1;
