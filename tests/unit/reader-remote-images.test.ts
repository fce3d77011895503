// The reader loads nothing from the original site until asked: `hold` moves every fetched address to data-jb-*.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { heldCount, readerSanitizer } from '../../utils/reader-html';

type Win = Parameters<typeof readerSanitizer>[0];
const win = () => new JSDOM('').window as unknown as Win;
const hold = readerSanitizer(win(), { remoteImages: 'hold' });
const load = readerSanitizer(win(), { remoteImages: 'load' });

/** Every attribute value of the sanitized HTML that would make the browser fetch something. */
function fetched(html: string): string[] {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  const out: string[] = [];
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      if (a.name.startsWith('data-')) continue;
      if (/^(src|srcset|poster|background|xlink:href)$/.test(a.name) || (a.name === 'href' && !/^(a|area)$/i.test(el.tagName))) out.push(`${el.tagName}.${a.name}=${a.value}`);
      if (/url\(/i.test(a.value)) out.push(`${el.tagName}.${a.name}=${a.value}`);
    }
  }
  return out;
}

const ARTICLE = [
  '<p>青山湖 <a href="https://a.example/x">链接</a></p>',
  '<img src="https://a.example/i.png" alt="图">',
  '<img src="//cdn.example/p.gif" width="1" height="1">',
  '<img src="https://a.example/s.jpg" srcset="https://a.example/s1.jpg 1x, https://a.example/s2.jpg 2x">',
  '<picture><source srcset="https://a.example/p.webp" type="image/webp"><img src="https://a.example/p.jpg"></picture>',
  '<video poster="https://a.example/poster.jpg" src="https://a.example/v.mp4"></video>',
  '<table background="https://a.example/bg.png"><tr><td background="https://a.example/td.png">x</td></tr></table>',
  '<p style="background:url(https://a.example/css.png)">styled</p>',
  '<svg><image href="https://a.example/svg.png"></image><rect fill="url(https://a.example/f.svg#p)"></rect></svg>',
  '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">',
].join('');

describe('readerSanitizer remoteImages: hold', () => {
  it('leaves nothing that would be fetched from another site, and counts what it held', () => {
    const out = hold(ARTICLE);
    expect(fetched(out).filter((f) => !f.includes('data:image'))).toEqual([]);
    expect(out).toContain('data-jb-src="https://a.example/i.png"');
    expect(out).toContain('data-jb-srcset="https://a.example/s1.jpg 1x, https://a.example/s2.jpg 2x"');
    expect(out).toContain('data-jb-srcset="https://a.example/p.webp"');
    expect(out).toContain('data-jb-poster="https://a.example/poster.jpg"');
    expect(out).toContain('data-jb-background="https://a.example/td.png"');
    expect(out).not.toContain('css.png');
    // Links still go to the original site, in a new tab; a data: image still shows.
    expect(out).toContain('<a href="https://a.example/x" target="_blank" rel="noopener noreferrer">链接</a>');
    expect(out).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(heldCount(out)).toBeGreaterThanOrEqual(9);
  });

  it('a page of 50 images holds all 50; `load` gives them back', () => {
    const html = Array.from({ length: 50 }, (_, i) => `<p>第${i}段</p><img src="https://img.example/${i}.jpg">`).join('');
    const held = hold(html);
    expect(heldCount(held)).toBe(50);
    expect(held).not.toMatch(/ src=/);
    const loaded = load(html);
    expect(heldCount(loaded)).toBe(0);
    expect(loaded.match(/ src="https:\/\/img\.example\//g)).toHaveLength(50);
  });

  it('the hold sanitizer still strips scripts and handlers', () => {
    const out = hold('<img src="https://a.example/x.png" onerror="alert(1)"><script>alert(2)</script>');
    expect(out).not.toMatch(/onerror|script|alert/);
    expect(out).toContain('data-jb-src="https://a.example/x.png"');
  });
});
