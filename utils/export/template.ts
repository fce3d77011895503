// The post template engine: `{{ name | filter arg }}` and `{{#if name}}…{{else}}…{{/if}}`, pure, with a YAML check.
import { parseDocument } from 'yaml';
import { FILTERS, type TemplateValue } from './template-filters';

export type TemplateVars = Record<string, TemplateValue>;

/** A template the engine refuses, or a post it yields that is not valid; `line` is 1-based in the output or template. */
export class TemplateError extends Error {
  readonly line: number | null;

  constructor(message: string, line: number | null = null) {
    super(message);
    this.name = 'TemplateError';
    this.line = line;
  }
}

interface Filter { name: string; args: string[] }
export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'expr'; name: string; filters: Filter[]; line: number }
  | { kind: 'if'; name: string; negate: boolean; then: Node[]; else: Node[]; line: number };

const TAG = /\{\{\s*([\s\S]*?)\s*\}\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Splits `filter "a b" 3` into its name and arguments; quoted arguments may hold spaces and `|`. */
function parseFilter(text: string, line: number): Filter {
  const parts = [...text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) =>
    m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!),
  );
  const [name, ...args] = parts;
  if (!name || !Object.hasOwn(FILTERS, name)) {
    throw new TemplateError(`template line ${line}: unknown filter "${name ?? ''}" (known: ${Object.keys(FILTERS).join(', ')})`, line);
  }
  return { name, args };
}

/** Splits on `|` outside quotes. */
function splitPipes(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') { cur += c + (text[++i] ?? ''); continue; }
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '|') { out.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** Parses a template into a tree; throws TemplateError naming the template line of the problem. */
export function compileTemplate(source: string): Node[] {
  const root: Node[] = [];
  const stack: { node: Extract<Node, { kind: 'if' }> | null; into: Node[]; inElse: boolean }[] = [{ node: null, into: root, inElse: false }];
  let last = 0;
  for (const m of source.matchAll(TAG)) {
    const top = stack[stack.length - 1]!;
    if (m.index > last) top.into.push({ kind: 'text', text: source.slice(last, m.index) });
    last = m.index + m[0].length;
    const line = lineAt(source, m.index);
    const inner = m[1]!;
    const ifMatch = /^#(if|unless)\s+([A-Za-z_][A-Za-z0-9_]*)$/.exec(inner);
    if (ifMatch) {
      const node: Extract<Node, { kind: 'if' }> = { kind: 'if', name: ifMatch[2]!, negate: ifMatch[1] === 'unless', then: [], else: [], line };
      top.into.push(node);
      stack.push({ node, into: node.then, inElse: false });
    } else if (inner === 'else') {
      if (!top.node || top.inElse) throw new TemplateError(`template line ${line}: {{else}} outside an {{#if}}`, line);
      top.into = top.node.else;
      top.inElse = true;
    } else if (inner === '/if' || inner === '/unless') {
      if (!top.node) throw new TemplateError(`template line ${line}: {{${inner}}} without its {{#if}}`, line);
      stack.pop();
    } else {
      const [name = '', ...filters] = splitPipes(inner);
      if (!NAME.test(name)) throw new TemplateError(`template line ${line}: "{{${inner}}}" is not a variable name`, line);
      top.into.push({ kind: 'expr', name, filters: filters.map((f) => parseFilter(f, line)), line });
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1]!.node!;
    throw new TemplateError(`template line ${open.line}: {{#if ${open.name}}} is never closed with {{/if}}`, open.line);
  }
  if (last < source.length) root.push({ kind: 'text', text: source.slice(last) });
  return root;
}

function truthy(value: TemplateValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== undefined && value !== '' && value !== false;
}

function show(value: TemplateValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function renderNodes(nodes: Node[], vars: TemplateVars, out: string[]): void {
  for (const node of nodes) {
    if (node.kind === 'text') out.push(node.text);
    else if (node.kind === 'if') {
      const value = Object.hasOwn(vars, node.name) ? vars[node.name] : null;
      renderNodes(truthy(value ?? null) !== node.negate ? node.then : node.else, vars, out);
    } else {
      if (!Object.hasOwn(vars, node.name)) {
        throw new TemplateError(`template line ${node.line}: unknown variable "${node.name}"`, node.line);
      }
      let value: TemplateValue = vars[node.name] ?? null;
      for (const f of node.filters) {
        try {
          value = FILTERS[f.name]!(value, f.args);
        } catch (err) {
          throw new TemplateError(`template line ${node.line}: filter ${f.name}: ${(err as Error).message}`, node.line);
        }
      }
      out.push(show(value));
    }
  }
}

/** The text of a compiled template for these variables. */
export function renderTemplate(compiled: Node[], vars: TemplateVars): string {
  const out: string[] = [];
  renderNodes(compiled, vars, out);
  return out.join('');
}

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
// a bare run of letters, digits, inner spaces and - _ ., a Jekyll or ISO date, or a flow list of those.
const KEY = '[A-Za-z_][A-Za-z0-9_-]*';
const QUOTED = '"(?:[\\u0020\\u0021\\u0023-\\u005b\\u005d-\\u007e\\u00a1-\\u00ff\\u2010-\\u2027\\u3000-\\u9fff\\uff01-\\uffef]|\\\\["\\\\])*"';
const BARE = '[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]| (?=[\\p{L}\\p{N}_.-]))*';
const DATE = '\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}:\\d{2}(?: ?[+-]\\d{2}:?\\d{2}|Z)?)?';
const ITEM = `(?:${QUOTED}|${BARE})`;
const SIMPLE_LINE = new RegExp(`^(${KEY}): (?:${QUOTED}|${BARE}|${DATE}|\\[(?:${ITEM}(?:, ${ITEM})*)?\\])$`, 'u');

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

/**
 * Refuses a post whose front matter is not a valid YAML mapping (1.2, and 1.1 as Jekyll reads it),
 * naming the line of the post where the problem is.
 */
export function checkPostYaml(text: string): void {
  if (!text.startsWith('---')) return; // a template without front matter (plain Markdown) has nothing to check
  const split = splitFrontMatter(text);
  if (!split) throw new TemplateError('line 1: front matter opens with --- but is never closed by a --- line', 1);
  if (split.block.trim() === '') return;
  if (plainlyValid(split.block)) return;
  for (const version of ['1.2', '1.1'] as const) {
    const doc = parseDocument(split.block, { version, uniqueKeys: true, prettyErrors: true });
    const problem = doc.errors[0];
    if (problem) {
      // +1 for the opening fence line.
      const line = (problem.linePos?.[0]?.line ?? 1) + 1;
      // yaml counts lines inside the block; the line named is the post's, so its own position is dropped.
      const first = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new TemplateError(`line ${line}: front matter is not valid YAML ${version}: ${first}`, line);
    }
    const data = doc.toJS() as unknown;
    if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
      throw new TemplateError('line 2: front matter is not a YAML mapping of keys to values', 2);
    }
  }
}

/** The variable names a compiled template reads, to skip costly ones (Markdown) it never uses. */
export function usedNames(nodes: Node[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (node.kind === 'expr') into.add(node.name);
    else if (node.kind === 'if') {
      into.add(node.name);
      usedNames(node.then, into);
      usedNames(node.else, into);
    }
  }
  return into;
}
