// The one check a post passes before it is written: its front matter is a YAML mapping that Ruby's YAML (Jekyll),
// Go's (Hugo) and the `yaml` package all read alike; refused with the post line that is wrong.
import { problem, type Problem } from '../problem';
import { parseDocument } from 'yaml';
import { TemplateError } from './template';
import { RUBY_RAW_UNSAFE } from './front-matter';

/** The front matter of a rendered post: the lines between a first `---` line and the next `---` line. */
export function splitFrontMatter(text: string): { block: string; bodyStart: number } | null {
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---\n', 3);
  const endAtEof = text.endsWith('\n---') ? text.length - 4 : -1;
  const close = end >= 0 ? end : endAtEof;
  if (close < 0) return null;
  return { block: text.slice(4, close), bodyStart: close + 5 };
}

// One `key: value` line whose value is, in YAML 1.1 and 1.2 alike, a double-quoted string escaping at most \" and \\,
// a bare run of letters, digits, inner spaces and - _ ., a Jekyll or ISO date, a bare http(s) URL of the characters
// below (no space, `#`, `:` after the scheme, quote or flow indicator: a plain scalar in any reader), or a flow list
// of quoted or bare strings.
const KEY = '[A-Za-z_][A-Za-z0-9_-]*';
const QUOTED = '"(?:[\\u0020\\u0021\\u0023-\\u005b\\u005d-\\u007e\\u00a1-\\u00ff\\u2010-\\u2027\\u3000-\\u9fff\\uff01-\\uffef]|\\\\["\\\\])*"';
const BARE = '[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]| (?=[\\p{L}\\p{N}_.-]))*';
const DATE = '\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}:\\d{2}(?: ?[+-]\\d{2}:?\\d{2}|Z)?)?';
const WEB_URL = 'https?://[A-Za-z0-9._~/?&=%+-]+';
const ITEM = `(?:${QUOTED}|${BARE})`;
const SIMPLE_LINE = new RegExp(`^(${KEY}): (?:${QUOTED}|${BARE}|${DATE}|${WEB_URL}|\\[(?:${ITEM}(?:, ${ITEM})*)?\\])$`, 'u');

/**
 * True when every line is a simple entry (see SIMPLE_LINE) and no key repeats: such a block is a valid mapping
 * for any YAML reader, and the full parse below (0.4 ms a post) can be skipped. Anything else gets the full parse.
 */
export function plainlyValid(block: string): boolean {
  const keys = new Set<string>();
  for (const line of block.split('\n')) {
    const m = SIMPLE_LINE.exec(line);
    if (!m || keys.has(m[1]!)) return false;
    keys.add(m[1]!);
  }
  return true;
}

// Raw C0 controls (tab aside) are refused by libyaml and by the `yaml` package alike; RUBY_RAW_UNSAFE ones only by
// libyaml, or read there as line breaks (NEL folds to a space inside quotes): the `yaml` package cannot see those.
const RAW_REFUSED = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f]|${RUBY_RAW_UNSAFE.source}|\\p{Surrogate}`, 'u');

/** The yaml package's error code, as a problem a screen can say (the common ones by name, the others by code). */
function yamlReason(code: string): Problem {
  if (code === 'DUPLICATE_KEY') return problem('yaml-duplicate-key');
  if (code === 'BAD_INDENT' || code === 'TAB_AS_INDENT') return problem('yaml-bad-indent');
  if (code === 'IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'BLOCK_AS_IMPLICIT_KEY') return problem('yaml-map-value');
  return problem('yaml-syntax', code);
}

function rawCharacterCheck(block: string): void {
  block.split('\n').forEach((line, i) => {
    const bad = RAW_REFUSED.exec(line);
    if (!bad) return;
    const code = `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    // +2: the opening fence is line 1 of the post.
    throw new TemplateError(problem('fm-raw-char', String(i + 2), code), `line ${i + 2}: front matter holds the raw character ${code}, which Jekyll's YAML reads differently; write it escaped`, i + 2);
  });
}

/** The front matter as this check reads it (YAML 1.1, as Jekyll does), for comparing with what a generator reads. */
export function readFrontMatter(text: string): Record<string, unknown> | null {
  const split = splitFrontMatter(text);
  if (!split) return null;
  const data = parseDocument(split.block, { version: '1.1', uniqueKeys: true }).toJS() as unknown;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/**
 * Refuses a post whose front matter is not a valid YAML mapping (1.2, and 1.1 as Jekyll reads it),
 * naming the line of the post where the problem is.
 */
export function checkPostYaml(text: string): void {
  if (!text.startsWith('---')) return; // a template without front matter (plain Markdown) has nothing to check
  const split = splitFrontMatter(text);
  if (!split) throw new TemplateError(problem('fm-unclosed'), 'line 1: front matter opens with --- but is never closed by a --- line', 1);
  if (split.block.trim() === '') return;
  if (plainlyValid(split.block)) return;
  rawCharacterCheck(split.block);
  for (const version of ['1.2', '1.1'] as const) {
    const doc = parseDocument(split.block, { version, uniqueKeys: true, prettyErrors: true });
    const error = doc.errors[0];
    if (error) {
      // +1 for the opening fence line.
      const line = (error.linePos?.[0]?.line ?? 1) + 1;
      // yaml counts lines inside the block; the line named is the post's, so its own position is dropped.
      const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new TemplateError(problem('fm-invalid-yaml', String(line), version, yamlReason(error.code)), `line ${line}: front matter is not valid YAML ${version}: ${first}`, line);
    }
    const data = doc.toJS() as unknown;
    if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
      throw new TemplateError(problem('fm-not-mapping'), 'line 2: front matter is not a YAML mapping of keys to values', 2);
    }
  }
}

