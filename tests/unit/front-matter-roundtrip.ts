// Test helper: a front matter block written by utils/export/front-matter.ts reads back, line by line and whole,
// as exactly its entries under the `yaml` package's YAML 1.1 and 1.2 (Ruby's own reading: ruby-yaml.test.ts).
import { parseDocument } from 'yaml';
import type { FrontMatterEntry, FrontMatterValue, StyledString } from '../../utils/export/front-matter';

function isStyled(value: FrontMatterValue): value is StyledString {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What an entry must read back as: a lone surrogate (no UTF-8 form) is written as U+FFFD. */
function expectedValue(value: FrontMatterValue): unknown {
  const v = isStyled(value) ? value.value : value;
  const fix = (x: unknown) => (typeof x === 'string' ? x.replace(/\p{Surrogate}/gu, '\ufffd') : x);
  return Array.isArray(v) ? v.map(fix) : fix(v);
}

function schemaVersion(value: FrontMatterValue): '1.1' | '1.2' {
  return isStyled(value) && value.style === 'plain' ? '1.2' : '1.1';
}

function parseStrict(text: string, version: '1.1' | '1.2'): unknown {
  const doc = parseDocument(text, { version, uniqueKeys: true, prettyErrors: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new Error(`front matter is not valid YAML ${version}: ${problem.message}`);
  return doc.toJS();
}

/** Reads a rendered block (without fences) the way a YAML 1.2 core-schema reader does. */
export function parseFrontMatterBack(block: string): Record<string, unknown> {
  const data = parseStrict(block, '1.2');
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('front matter is not a YAML mapping');
  return data as Record<string, unknown>;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return Object.is(a, b);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * Throws unless `block` reads back, line by line and as a whole, as exactly `entries`. Values that
 * are not bare dates must also survive a YAML 1.1 reader, since that is what Jekyll uses.
 */
export function assertFrontMatterRoundTrip(entries: readonly FrontMatterEntry[], block: string): void {
  const lines = block === '' ? [] : block.split('\n');
  if (lines.length !== entries.length) {
    throw new Error(`front matter has ${lines.length} lines for ${entries.length} entries`);
  }
  entries.forEach(([key, value], i) => {
    const line = lines[i]!;
    const fail = (why: string) => new Error(`front matter line ${i + 1} (${key}) ${why}: ${line}`);
    const versions: ('1.1' | '1.2')[] = schemaVersion(value) === '1.2' ? ['1.2'] : ['1.2', '1.1'];
    for (const version of versions) {
      let data: unknown;
      try {
        data = parseStrict(line, version);
      } catch (err) {
        throw fail(`is not valid YAML ${version} (${(err as Error).message})`);
      }
      const record = (data ?? {}) as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length !== 1 || keys[0] !== key) throw fail(`reads back as keys ${show(keys)} under YAML ${version}`);
      if (!sameValue(record[key], expectedValue(value))) {
        throw fail(`reads back as ${show(record[key])} instead of ${show(expectedValue(value))} under YAML ${version}`);
      }
    }
  });
  const whole = parseFrontMatterBack(block);
  entries.forEach(([key, value], i) => {
    if (!sameValue(whole[key], expectedValue(value))) {
      throw new Error(`front matter line ${i + 1} (${key}) changes meaning inside the block: ${lines[i]}`);
    }
  });
}
