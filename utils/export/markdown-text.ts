// Text as Markdown that every renderer (kramdown, goldmark, Obsidian) shows as the same text: nothing in it becomes markup.
//
// Turndown's own escapes (emphasis, code, links, headings, lists, quotes) plus what they leave open:
// `<` (an HTML tag, comment or autolink: kramdown and goldmark's unsafe mode pass raw HTML through),
// `&` before an entity name (`&lt;` quoted as words must not become `<`), and kramdown's `{:` / `{::`
// extensions (`{::nomarkdown}` would emit the rest raw).
const TURNDOWN_ESCAPES: readonly [RegExp, string][] = [
  [/\\/g, '\\\\'],
  [/\*/g, '\\*'],
  [/^-/g, '\\-'],
  [/^\+ /g, '\\+ '],
  [/^(=+)/g, '\\$1'],
  [/^(#{1,6}) /g, '\\$1 '],
  [/`/g, '\\`'],
  [/^~~~/g, '\\~~~'],
  [/\[/g, '\\['],
  [/\]/g, '\\]'],
  [/^>/g, '\\>'],
  [/_/g, '\\_'],
  [/^(\d+)\. /g, '$1\\. '],
];

const EXTRA_ESCAPES: readonly [RegExp, string][] = [
  [/</g, '\\<'],
  [/&(?=#?[A-Za-z0-9]+;)/g, '&amp;'],
  [/\{(?=:)/g, '\\{'],
];

/**
 * What any rule above needs: one of its characters anywhere, or a line-start rule's first character. A line with
 * neither (most page text, all of most Chinese text) is returned as it is, without the 16 passes.
 */
const MAY_NEED_ESCAPE = /[\\*`[\]_<&{]|^[-+=#~>0-9]/;

function escapeLine(line: string): string {
  if (!MAY_NEED_ESCAPE.test(line)) return line;
  let out = line;
  for (const [pattern, replacement] of TURNDOWN_ESCAPES) out = out.replace(pattern, replacement);
  for (const [pattern, replacement] of EXTRA_ESCAPES) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A text (a page's words, never markup) written so that a Markdown renderer shows exactly it. Line-start
 * rules apply to every line, since a value may span lines (an excerpt) or start one (`# {{ title }}`).
 */
export function escapeMarkdownText(text: string): string {
  return text.includes('\n') ? text.split('\n').map(escapeLine).join('\n') : escapeLine(text);
}

/** Turndown's `escape` hook: one text node at a time, where `^` is the node's start as in Turndown's own rules. */
export function escapeMarkdownTextNode(text: string): string {
  return escapeLine(text);
}
