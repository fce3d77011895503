// Keeps an article's text from running as the site generator's own syntax: Liquid for Jekyll, shortcodes for Hugo.
//
// Jekyll renders every post through Liquid before Markdown, so `{{ … }}` and `{% … %}` quoted by an article
// would run (or stop the build). Jekyll documents `{% raw %}…{% endraw %}` for this; we do not wrap, because a
// raw block cannot hold the text `{% endraw %}` and a block opened in the first paragraph and closed later is
// cut by Jekyll's excerpt. Instead every `{` that opens a Liquid tag is written as the Liquid output `{{ "{" }}`:
// self-contained, valid in code blocks and HTML attributes alike, and each one renders back as the `{`.
//
// Hugo runs shortcodes (`{{< … >}}`, `{{% … %}}`) in content. Its documented escape is the comment form
// `{{</* … */>}}`, which renders as the original; an opener with no closer (a build error in Hugo) has no such
// form, so its second brace is backslash-escaped: Markdown shows `{{<` again (inside code, the backslash shows).
export type SiteGenerator = 'jekyll' | 'hugo';

const LIQUID_OPENER = /\{(?=[{%])/g;
const LIQUID_BRACE = '{{ "{" }}';

/** Jekyll: no Liquid tag left in the text; a text without `{{` or `{%` comes back unchanged. */
export function keepLiquidAsText(text: string): string {
  return text.includes('{') ? text.replace(LIQUID_OPENER, LIQUID_BRACE) : text;
}

/** Hugo: every shortcode delimiter in the text becomes a shortcode comment (or an escaped brace); others unchanged. */
export function keepShortcodesAsText(text: string): string {
  if (!text.includes('{{')) return text;
  let out = '';
  let from = 0;
  const opener = /\{\{([<%])/g;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const delim = m[1]!;
    const closer = delim === '<' ? '>' : '%';
    const start = m.index;
    const close = text.indexOf(`${closer}}}`, start + 3);
    out += text.slice(from, start);
    if (close < 0) {
      out += `{\\{${delim}`;
      from = start + 3;
    } else {
      // `{{<` + inner + `>}}` → `{{</*` + inner + `*/>}}`: Hugo drops exactly the /* and */ it added.
      out += `{{${delim}/*${text.slice(start + 3, close)}*/${closer}}}`;
      from = close + 3;
    }
    opener.lastIndex = from;
  }
  return out + text.slice(from);
}

/** The escape for a generator's posts; text for other targets (Obsidian, plain Markdown) is left as it is. */
export function generatorEscape(generator: SiteGenerator | null): (text: string) => string {
  if (generator === 'jekyll') return keepLiquidAsText;
  if (generator === 'hugo') return keepShortcodesAsText;
  return (text) => text;
}
