// `npm run -s clip -- <page.html> --url <url> [--preset id] [--out dir] [--now ISO] [--time-zone +08:00]`: a saved page to a post.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, fail } from './args';
import { loadDocument } from './load-document';
import { writeUnder } from './write-under';
import { clipDocument } from '../utils/clip-document';
import { DEFAULT_EXPORT_CONFIG, withPreset } from '../utils/export/export-config';
import { PRESET_IDS, isPresetId } from '../utils/export/presets';
import { offsetMinutes } from '../utils/dates';

const USAGE = `usage: npm run -s clip -- <page.html> --url <url> [--preset ${PRESET_IDS.join('|')}] [--out <dir>] [--now <ISO time>] [--time-zone +08:00]`;
const { positional, options } = parseArgs(process.argv.slice(2));
const file = positional[0];
const url = options.get('url');
if (!file || !url || url === 'true') fail(USAGE);
const now = options.has('now') ? new Date(options.get('now')!) : new Date();
if (Number.isNaN(now.getTime())) fail(`--now is not a time: ${options.get('now')}`);
const timeZone = options.get('time-zone') ?? DEFAULT_EXPORT_CONFIG.timeZone;
if (offsetMinutes(timeZone) === null) fail(`--time-zone is not an offset like +08:00: ${timeZone}`);
const preset = options.get('preset') ?? DEFAULT_EXPORT_CONFIG.preset;
if (!isPresetId(preset)) fail(`unknown preset "${preset}"; one of ${PRESET_IDS.join(', ')}`);
const out = options.get('out');
if (out === 'true') fail(USAGE);

let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (err) {
  fail(`cannot read ${file}: ${(err as Error).message}`);
}
const config = { ...withPreset(DEFAULT_EXPORT_CONFIG, preset), timeZone };
const result = clipDocument(loadDocument(html, url), url, config, now);
if (!result.ok) fail(`${file}: ${result.message}`, 1);
if (out === undefined) process.stdout.write(result.post.text);
else {
  writeUnder(out, result.post.path, result.post.text);
  process.stdout.write(`${join(out, result.post.path)}\n`);
}
