// `npm run -s clip -- <page.html> --url <url> [--now <ISO time>]`: a saved page to a post on stdout.
import { readFileSync } from 'node:fs';
import { parseArgs, fail } from './args';
import { loadDocument } from './load-document';
import { clipDocument } from '../utils/clip-document';
import { DEFAULT_EXPORT_SETTINGS } from '../utils/settings-defaults';

const { positional, options } = parseArgs(process.argv.slice(2));
const file = positional[0];
const url = options.get('url');
if (!file || !url) fail('usage: npm run -s clip -- <page.html> --url <url> [--now <ISO time>] [--time-zone +08:00]');
const now = options.has('now') ? new Date(options.get('now')!) : new Date();
if (Number.isNaN(now.getTime())) fail(`--now is not a time: ${options.get('now')}`);
const timeZone = options.get('time-zone') ?? DEFAULT_EXPORT_SETTINGS.timeZone;

let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (err) {
  fail(`cannot read ${file}: ${(err as Error).message}`);
}
const result = clipDocument(loadDocument(html, url), url, { ...DEFAULT_EXPORT_SETTINGS, timeZone }, now);
if (!result.ok) fail(`${file}: ${result.message}`, 1);
process.stdout.write(result.post.text);
