// YAML front matter: written by the `yaml` library one entry per line, and read back before a post is written.
import { Document, Scalar, YAMLSeq, parseDocument, type ToStringOptions } from 'yaml';

export type FrontMatterScalar = string | number | boolean | null;

/** A string whose YAML style the post format fixes (the seed's title is double-quoted, its date bare). */
export interface StyledString {
  readonly value: string;
  readonly style: 'double-quoted' | 'plain';
}

export type FrontMatterValue = FrontMatterScalar | readonly FrontMatterScalar[] | StyledString;
export type FrontMatterEntry = readonly [key: string, value: FrontMatterValue];

/** Always written in double quotes, whatever the text holds. */
export function doubleQuoted(value: string): StyledString {
  return { value, style: 'double-quoted' };
}

/**
 * Written bare whenever YAML 1.2 reads it back as the same string (Jekyll wants its date unquoted);
 * the library still quotes it when bare text would not survive.
 */
export function plain(value: string): StyledString {
  return { value, style: 'plain' };
}

// Unlimited width, no block scalars and no multi-line double quotes keep every entry on one line, so
// no line of the block can be mistaken for the `---` / `...` fence that ends Jekyll's front matter.
const WRITE_OPTIONS: ToStringOptions = {
  lineWidth: 0,
  blockQuote: false,
  doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY,
  singleQuote: false,
  flowCollectionPadding: false,
};

function isStyled(value: FrontMatterValue): value is StyledString {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plain JavaScript value an entry must read back as. */
function expectedValue(value: FrontMatterValue): unknown {
  return isStyled(value) ? value.value : value;
}

/**
 * Jekyll reads front matter with Psych, a YAML 1.1 parser, where `yes`, `on`, `1:20` are not strings;
 * writing under the 1.1 schema makes the library quote them. A bare date is written under 1.2, whose
 * core schema has no timestamps, so the library never quotes it for looking like one.
 */
function schemaVersion(value: FrontMatterValue): '1.1' | '1.2' {
  return isStyled(value) && value.style === 'plain' ? '1.2' : '1.1';
}

/**
 * YAML 1.1 (Psych, hence Jekyll) also breaks lines at NEL, LS and PS; a bare or flow-list string
 * holding any line break would spill onto the next line, so such strings are double-quoted.
 */
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

function stringNode(value: string, style: StyledString['style'] | undefined): Scalar {
  const scalar = new Scalar(value);
  if (style === 'double-quoted' || LINE_BREAK.test(value)) scalar.type = Scalar.QUOTE_DOUBLE;
  else if (style === 'plain') scalar.type = Scalar.PLAIN;
  return scalar;
}

function renderEntry([key, value]: FrontMatterEntry): string {
  const doc = new Document({}, { version: schemaVersion(value) });
  let node: unknown;
  if (isStyled(value)) node = stringNode(value.value, value.style);
  else if (typeof value === 'string') node = stringNode(value, undefined);
  else if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.flow = true;
    for (const item of value) seq.items.push(typeof item === 'string' ? stringNode(item, undefined) : doc.createNode(item));
    node = seq;
  } else node = doc.createNode(value);
  doc.set(key, node);
  return doc.toString(WRITE_OPTIONS).replace(/\n$/, '');
}

/** The lines between the `---` fences, one `key: value` line per entry, no trailing newline. */
export function renderFrontMatter(entries: readonly FrontMatterEntry[]): string {
  const seen = new Set<string>();
  const lines = entries.map((entry) => {
    if (seen.has(entry[0])) throw new Error(`front matter key "${entry[0]}" appears twice`);
    seen.add(entry[0]);
    const line = renderEntry(entry);
    if (line.includes('\n')) throw new Error(`front matter entry "${entry[0]}" did not fit on one line: ${line}`);
    return line;
  });
  return lines.join('\n');
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
