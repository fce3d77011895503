// Page text written into a Markdown post stays text: no tag, entity, link, emphasis or kramdown extension can open.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeMarkdownText } from '../../utils/export/markdown-text';
import { createHtmlToMarkdown } from '../../utils/export/markdown';

describe('escapeMarkdownText', () => {
  it.each([
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['<img src=x onerror=alert(2)>', '\\<img src=x onerror=alert(2)>'],
    ['&lt;b&gt; as words', '&amp;lt;b&amp;gt; as words'],
    ['AT&T & co', 'AT&T & co'],
    ['[link](javascript:alert(4))', '\\[link\\](javascript:alert(4))'],
    ['{::nomarkdown}<b>{:/}', '\\{::nomarkdown}\\<b>\\{:/}'],
    ['# not a heading\n> not a quote', '\\# not a heading\n\\> not a quote'],
    ['a_b*c`d', 'a\\_b\\*c\\`d'],
    ['南昌日报', '南昌日报'],
  ])('%j → %j', (text, out) => {
    expect(escapeMarkdownText(text)).toBe(out);
  });

  it('leaves no raw `<` and no entity in any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
      const out = escapeMarkdownText(text);
      expect(out.replace(/\\</g, '')).not.toContain('<');
      expect(out).not.toMatch(/(?<!&amp;)&#?[A-Za-z0-9]+;/.source.includes('') ? /&(?!amp;)#?[A-Za-z0-9]+;/ : /$^/);
    }), { numRuns: 300 });
  });
});

describe('article HTML to Markdown', () => {
  const toMarkdown = createHtmlToMarkdown();
  it('writes markup quoted as text as text, and keeps only http(s) links', () => {
    const html = '<p>&lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;b&amp;gt;</p><p><a href="javascript:alert(3)">click</a> <a href="/a">rel</a></p><p><code>&lt;img onerror&gt;</code></p>';
    expect(toMarkdown(html, 'https://example.com/news/1.html')).toBe(
      '\\<script>alert(1)\\</script> and &amp;lt;b&amp;gt;\n\nclick [rel](https://example.com/a)\n\n`<img onerror>`',
    );
  });
});
