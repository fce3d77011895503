// The reader's sanitizer against jsdom: scripts, event handlers and javascript: links never reach the page.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readerSanitizer } from '../../utils/reader-html';

const sanitize = readerSanitizer(new JSDOM('').window as unknown as Parameters<typeof readerSanitizer>[0]);

describe('readerSanitizer', () => {
  it('keeps paragraphs, links and images', () => {
    const out = sanitize('<p>青山湖 <a href="https://a.example/x">链接</a></p><img src="https://a.example/i.png" alt="图">');
    expect(out).toBe('<p>青山湖 <a href="https://a.example/x" target="_blank" rel="noopener noreferrer">链接</a></p><img src="https://a.example/i.png" alt="图">');
  });

  it('drops scripts, handlers, javascript: links, styles and forms', () => {
    const out = sanitize([
      '<p onclick="alert(1)" style="color:red">a</p><script>alert(2)</script>',
      '<a href="javascript:alert(3)">x</a><a href=" JaVaScRiPt:alert(4)">y</a>',
      '<img src=x onerror="alert(5)"><svg><script>alert(6)</script></svg>',
      '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name=q></form>',
      '<style>body{display:none}</style><math><mi xlink:href="javascript:alert(7)">m</mi></math>',
    ].join(''));
    expect(out).not.toMatch(/script|onclick|onerror|javascript|alert|iframe|<form|<input|<style|color:red/i);
    expect(out).toContain('<p>a</p>');
  });
});
