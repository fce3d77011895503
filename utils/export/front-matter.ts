// YAML front matter: written by the `yaml` library one entry per line, and read back before a post is written.
import { problem, ProblemError } from '../problem';
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
 * Characters that libyaml (Ruby's Psych, hence Jekyll) reads differently from the `yaml` package when they stand
 * raw: NEL, LS and PS are line breaks in YAML 1.1 (NEL folds to a space even inside double quotes), DEL, the C1
 * controls and U+FFFE/U+FFFF are refused ("control characters are not allowed"). The `yaml` package writes them
 * raw inside double quotes, so such strings are double-quoted and these characters escaped (rubyEscapes).
 */
export const RUBY_RAW_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/;
const RUBY_RAW_UNSAFE_ALL = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g;
const NAMED_ESCAPES: Record<string, string> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };

/** A line the `yaml` package wrote, with RUBY_RAW_UNSAFE characters (only ever inside double quotes) escaped. */
function rubyEscapes(line: string): string {
  return line.replace(RUBY_RAW_UNSAFE_ALL, (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** A lone surrogate has no UTF-8 form: Ruby refuses even its escape. It becomes U+FFFD, as a UTF-8 decoder would make it. */
function wellFormed(value: string): string {
  return value.replace(/\p{Surrogate}/gu, '\ufffd');
}

/**
 * A bare or flow-list string holding a line break would spill onto the next line; one that starts with `:` is a
 * Symbol to Ruby's YAML (`:ruby`), which Jekyll refuses or reads as another type. Such strings are double-quoted.
 */
const NEEDS_DOUBLE_QUOTES = /[\n\r\u0085\u2028\u2029]|^:/;

function stringNode(raw: string, style: StyledString['style'] | undefined): Scalar {
  const value = wellFormed(raw);
  const scalar = new Scalar(value);
  if (style === 'double-quoted' || NEEDS_DOUBLE_QUOTES.test(value) || RUBY_RAW_UNSAFE.test(value)) scalar.type = Scalar.QUOTE_DOUBLE;
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
  return rubyEscapes(doc.toString(WRITE_OPTIONS).replace(/\n$/, ''));
}

/** The lines between the `---` fences, one `key: value` line per entry, no trailing newline. */
export function renderFrontMatter(entries: readonly FrontMatterEntry[]): string {
  const seen = new Set<string>();
  const lines = entries.map((entry) => {
    if (seen.has(entry[0])) throw new ProblemError(problem('fm-key-twice', entry[0]), `front matter key "${entry[0]}" appears twice`);
    seen.add(entry[0]);
    const line = renderEntry(entry);
    if (line.includes('\n')) throw new ProblemError(problem('fm-not-one-line', entry[0]), `front matter entry "${entry[0]}" did not fit on one line: ${line}`);
    return line;
  });
  return lines.join('\n');
}
