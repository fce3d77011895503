// `npm run -s export -- <backup.zip> --out <dir> [--preset id] [--now ISO]`: a library backup turned into posts, for a site's build scripts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, fail } from './args';
import { writeUnder } from './write-under';
import { createEnglish } from './english';
import { BackupError, readChunk, verifyBackup, type BackupManifest, type BackupRecord } from '../utils/backup-format';
import { checkRecord, checkSettings } from '../utils/backup-validate';
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

// The backup carries the extension's settings: the posts come out as the extension would write them, as far as
// this version accepts them (backup-validate.ts: what it leaves out is said on stderr).
const settings = checkSettings(manifest.settings);
const english = createEnglish();
for (const p of settings.problems) process.stderr.write(`setting left out: ${english(p)}\n`);
let config: ExportConfig = exportConfig(
  settings.sync.exportSettings as Partial<ExportSettings> | undefined,
  settings.sync.presetSettings as Partial<PresetSettings> | undefined,
  (settings.local.customTemplate as string | undefined) ?? null,
);
const preset = options.get('preset');
if (preset !== undefined) {
  if (!isPresetId(preset)) fail(`unknown preset "${preset}"; one of ${PRESET_IDS.join(', ')}`);
  config = withPreset(config, preset);
}

// Rows first (for stable names across the library), bodies chunk by chunk as the batch reaches them. Every record
// is checked as a restore checks it: refused ones are named, a repeated or unusable id gets a fresh one.
const where = new Map<number, { chunk: number; index: number }>();
const library: Article[] = [];
const taken = new Set<number>();
const fresh: { article: Article; chunk: number; index: number }[] = [];
let refused = 0;
manifest.chunks.forEach((info, chunk) => {
  readChunk(data, info).forEach((raw, index) => {
    const checked = checkRecord(raw, taken);
    if (!checked.ok) {
      refused++;
      process.stderr.write(`refused record ${index + 1} of ${info.name}: ${english(checked.reason)}\n`);
      return;
    }
    if (checked.record.article.id === undefined) fresh.push({ article: checked.record.article, chunk, index });
    else {
      library.push(checked.record.article);
      where.set(checked.record.article.id, { chunk, index });
    }
  });
});
let nextId = Math.max(0, ...taken) + 1;
for (const f of fresh) {
  f.article.id = nextId++;
  library.push(f.article);
  where.set(f.article.id, { chunk: f.chunk, index: f.index });
}
let cached: { chunk: number; records: BackupRecord[] } | null = null;
function body(id: number): ArticleBody | undefined {
  const at = where.get(id);
  if (!at) return undefined;
  if (cached?.chunk !== at.chunk) cached = { chunk: at.chunk, records: readChunk(data, manifest.chunks[at.chunk]!) };
  const r = cached.records[at.index];
  return r ? { articleId: id, html: String(r.body.html), text: String(r.body.text) } : undefined;
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
for (const f of report.failed) process.stderr.write(`skipped "${f.title}": ${english(f.reason)}\n`);
// Files, not posts: two posts under one name would be one file, and the count says what is on disk.
const files = new Set(report.written.map((w) => w.path)).size;
const notes = [report.failed.length ? `${report.failed.length} skipped` : '', refused ? `${refused} records refused` : '', fresh.length ? `${fresh.length} given a fresh id` : ''].filter(Boolean);
process.stdout.write(`${files} posts written to ${join(out)}${notes.length ? `; ${notes.join(', ')}` : ''}\n`);
if (report.failed.length || refused) process.exitCode = 1;
