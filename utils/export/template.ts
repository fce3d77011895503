// The post template engine: `{{ name | filter arg }}` and `{{#if name}}…{{else}}…{{/if}}`, pure, with a YAML check.
import { problem, problemOf, ProblemError, type Problem } from '../problem';
import { FILTERS, FILTER_KINDS, type TemplateValue } from './template-filters';

export type TemplateVars = Record<string, TemplateValue>;

/** A template the engine refuses, or a post it yields that is not valid; `line` is 1-based in the output or template. */
export class TemplateError extends ProblemError {
  readonly line: number | null;

  constructor(problem: Problem, message: string, line: number | null = null) {
    super(problem, message);
    this.name = 'TemplateError';
    this.line = line;
  }
}

interface Filter { name: string; args: string[] }
export type Node =
  | { kind: 'text'; text: string }
  /** `body`: the expression stands after the front matter, in the post's Markdown, where its text is escaped. */
  | { kind: 'expr'; name: string; filters: Filter[]; line: number; body: boolean }
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
    throw new TemplateError(problem('tpl-unknown-filter', String(line), name ?? '', Object.keys(FILTERS).join(', ')), `template line ${line}: unknown filter "${name ?? ''}" (known: ${Object.keys(FILTERS).join(', ')})`, line);
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

/**
 * Where the template's front matter ends (the index after its closing `---` line), or 0 when it has none: what
 * follows is the post's Markdown. Only the template's own text counts, so tags are blanked out first.
 */
function frontMatterEnd(source: string): number {
  const text = source.replace(TAG, (tag) => ' '.repeat(tag.length));
  if (!text.startsWith('---\n')) return 0;
  const close = /\n---[ \t]*(?:\n|$)/g;
  close.lastIndex = 3;
  const m = close.exec(text);
  return m ? m.index + m[0].length : source.length;
}

/** Parses a template into a tree; throws TemplateError naming the template line of the problem. */
export function compileTemplate(source: string): Node[] {
  const bodyFrom = frontMatterEnd(source);
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
      if (!top.node || top.inElse) throw new TemplateError(problem('tpl-else-outside', String(line)), `template line ${line}: {{else}} outside an {{#if}}`, line);
      top.into = top.node.else;
      top.inElse = true;
    } else if (inner === '/if' || inner === '/unless') {
      if (!top.node) throw new TemplateError(problem('tpl-close-without-if', String(line), `{{${inner}}}`), `template line ${line}: {{${inner}}} without its {{#if}}`, line);
      stack.pop();
    } else {
      const [name = '', ...filters] = splitPipes(inner);
      if (!NAME.test(name)) throw new TemplateError(problem('tpl-not-variable', String(line), `{{${inner}}}`), `template line ${line}: "{{${inner}}}" is not a variable name`, line);
      top.into.push({ kind: 'expr', name, filters: filters.map((f) => parseFilter(f, line)), line, body: m.index >= bodyFrom });
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1]!.node!;
    throw new TemplateError(problem('tpl-if-unclosed', String(open.line), `{{#if ${open.name}}}`), `template line ${open.line}: {{#if ${open.name}}} is never closed with {{/if}}`, open.line);
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

/**
 * How expressions in the post's Markdown are written. A value is page text until it is markup: a variable in
 * `markupVars` (the sanitized article HTML, its Markdown), or the output of a filter that makes markup
 * (FILTER_KINDS). Page text is escaped with `text`, and every expression's output then goes through `site`
 * (the generator's escape). Front matter values are never touched here: their filters write YAML.
 */
export interface BodyEscape {
  markupVars: ReadonlySet<string>;
  text(value: string): string;
  site(value: string): string;
}

function renderExpr(node: Extract<Node, { kind: 'expr' }>, vars: TemplateVars, escape: BodyEscape | undefined): string {
  if (!Object.hasOwn(vars, node.name)) {
    throw new TemplateError(problem('tpl-unknown-variable', String(node.line), node.name), `template line ${node.line}: unknown variable "${node.name}"`, node.line);
  }
  const escaping = node.body && escape ? escape : undefined;
  let value: TemplateValue = vars[node.name] ?? null;
  let markup = !escaping || escaping.markupVars.has(node.name);
  for (const f of node.filters) {
    const kind = FILTER_KINDS[f.name];
    // A filter that wraps text in markup (a quote) gets the text escaped first, so only its own syntax is markup.
    if (kind === 'wraps-text' && !markup) {
      value = escaping!.text(show(value));
      markup = true;
    }
    try {
      value = FILTERS[f.name]!(value, f.args);
    } catch (err) {
      throw new TemplateError(problem('tpl-filter', String(node.line), f.name, problemOf(err)), `template line ${node.line}: filter ${f.name}: ${(err as Error).message}`, node.line);
    }
    if (kind === 'markup') markup = true;
  }
  if (!escaping) return show(value);
  const out = markup ? show(value) : escaping.text(show(value));
  return escaping.site(out);
}

function renderNodes(nodes: Node[], vars: TemplateVars, out: string[], escape: BodyEscape | undefined): void {
  for (const node of nodes) {
    if (node.kind === 'text') out.push(node.text);
    else if (node.kind === 'if') {
      const value = Object.hasOwn(vars, node.name) ? vars[node.name] : null;
      renderNodes(truthy(value ?? null) !== node.negate ? node.then : node.else, vars, out, escape);
    } else out.push(renderExpr(node, vars, escape));
  }
}

/** The text of a compiled template for these variables; with `escape`, the post's Markdown keeps page text as text. */
export function renderTemplate(compiled: Node[], vars: TemplateVars, escape?: BodyEscape): string {
  const out: string[] = [];
  renderNodes(compiled, vars, out, escape);
  return out.join('');
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
