// Article text that quotes Liquid or Hugo shortcodes stays text: what the generator renders is the original, and no tag is left to run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keepLiquidAsText, keepShortcodesAsText } from '../../utils/export/generator-escape';

/** What Liquid makes of our escaped text: each `{{ "{" }}` outputs `{` (real Jekyll builds: tests/sites). */
const liquidRenders = (text: string) => text.replaceAll('{{ "{" }}', '{');
/** Liquid tags left in a text once our own `{{ "{" }}` outputs are taken out: none may remain. */
const liquidTags = (text: string) => text.replaceAll('{{ "{" }}', '').match(/\{[{%]/g) ?? [];

/** What Hugo makes of it: a shortcode comment renders as the shortcode's text; Markdown drops the `\` of `{\{`. */
const hugoRenders = (text: string) =>
  text.replace(/\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g, '{{$1$2$3}}').replace(/\{\\\{([<%])/g, '{{$1');
const shortcodesLeft = (text: string) => text.replace(/\{\{([<%])\/\*[\s\S]*?\*\/[>%]\}\}/g, '').match(/\{\{[<%]/g) ?? [];

const braces = fc.array(fc.constantFrom('{', '}', '%', '<', '>', '/', '*', '-', ' ', 'raw', 'endraw', 'x', '\n', '"', '站'), { maxLength: 40 }).map((p) => p.join(''));

describe('keepLiquidAsText (Jekyll)', () => {
  it.each([
    ['{{ site.title }}', '{{ "{" }}{ site.title }}'],
    ['{% include x.html %}', '{{ "{" }}% include x.html %}'],
    ['{%- if a -%}', '{{ "{" }}%- if a -%}'],
    ['{{{ triple }}}', '{{ "{" }}{{ "{" }}{ triple }}}'],
    ['{% endraw %}', '{{ "{" }}% endraw %}'],
  ])('%j → %j', (text, out) => {
    expect(keepLiquidAsText(text)).toBe(out);
  });

  it('leaves a text without Liquid byte for byte (the seed post stays exact)', () => {
    const seed = '<p>穿行青山湖大地，{ 单个括号 } 与 %} 不是标签</p>';
    expect(keepLiquidAsText(seed)).toBe(seed);
  });

  it('renders back to the original with no Liquid tag of the article left', () => {
    fc.assert(fc.property(braces, (text) => {
      const out = keepLiquidAsText(text);
      expect(liquidRenders(out)).toBe(text);
      expect(liquidTags(out)).toEqual([]);
    }), { numRuns: 500 });
  });
});

describe('keepShortcodesAsText (Hugo)', () => {
  it.each([
    ['{{< youtube abc >}}', '{{</* youtube abc */>}}'],
    ['{{% notice warning %}}', '{{%/* notice warning */%}}'],
    ['a {{< broken', 'a {\\{< broken'],
    ['{{</* x */>}}', '{{</*/* x */*/>}}'],
    ['{{< a {{< b >}}', '{{</* a {{< b */>}}'],
    ['plain {{ text }} and {{', 'plain {{ text }} and {{'],
  ])('%j → %j', (text, out) => {
    expect(keepShortcodesAsText(text)).toBe(out);
  });

  it('renders back to the original with no shortcode of the article left', () => {
    fc.assert(fc.property(braces, (text) => {
      const out = keepShortcodesAsText(text);
      expect(hugoRenders(out)).toBe(text);
      expect(shortcodesLeft(out)).toEqual([]);
    }), { numRuns: 500 });
  });
});
