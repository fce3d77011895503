// Turns Readability's article HTML into the stored body: one block per line, clean attributes,
// absolute URLs, resolved lazy images, no full-width indents and no portal boilerplate.

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'FIGURE', 'HR', 'IMG', 'DL']);
const WRAPPERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'CENTER', 'SPAN', 'FONT', 'BODY']);
const KEEP_ATTRS: Record<string, string[]> = {
  A: ['href', 'title'], IMG: ['src', 'alt', 'title', 'width', 'height'], TD: ['colspan', 'rowspan'], TH: ['colspan', 'rowspan'],
  OL: ['start'], CODE: ['class'],
};
const LAZY_SRC = ['data-src', 'data-original', 'data-lazy-src', 'data-actualsrc', 'data-url', 'file'];
// Lines portals append to a republished article. The 来源 credit line is NOT here: it stays in the body.
const BOILERPLATE = [
  /^(?:责任编辑|责编|编辑|校对|审核|值班编辑|主编)\s*[：:]/,
  // "(责编：王某、李某)" closing people.cn-style articles.
  /^[（(【\[]\s*(?:责任编辑|责编|编辑|校对|审核|值班编辑|主编)\s*[：:][^）)】\]]{0,60}[）)】\]]$/,
  /^(?:相关新闻|相关阅读|延伸阅读|推荐阅读|热门推荐|更多精彩|猜你喜欢)\s*[：:]?$/,
  /版权所有|Copyright\s*©|未经授权.{0,10}(?:转载|使用)|本文为.{0,20}原创/i,
  /^(?:分享到|扫一扫|点击进入|打开APP|下载APP|点击查看|返回搜狐)/i,
  /^(?:【?纠错】?|举报|收藏|打印|关闭窗口)$/,
];
const INDENT = /^[\s\u3000\u00a0]+/;
const TRAIL = /[\s\u3000\u00a0]+$/;

function absolutize(value: string, base: string): string | null {
  try {
    const u = new URL(value.trim(), base);
    return /^(https?|mailto|data):$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

function cleanAttributes(el: Element, base: string): void {
  if (el.tagName === 'IMG') {
    const lazy = LAZY_SRC.map((a) => el.getAttribute(a)).find((v) => v && !/^data:/.test(v));
    const srcset = el.getAttribute('srcset') ?? el.getAttribute('data-srcset');
    const src = el.getAttribute('src');
    const fromSet = srcset?.split(',').map((s) => s.trim().split(/\s+/)[0]).filter(Boolean).pop();
    const best = lazy ?? (src && !/^data:/.test(src) ? src : fromSet ?? src);
    if (best) el.setAttribute('src', best);
  }
  const keep = KEEP_ATTRS[el.tagName] ?? [];
  for (const attr of Array.from(el.attributes)) {
    if (!keep.includes(attr.name)) el.removeAttribute(attr.name);
  }
  for (const name of ['href', 'src']) {
    const v = el.getAttribute(name);
    if (v === null) continue;
    const abs = absolutize(v, base);
    if (abs) el.setAttribute(name, abs);
    else el.removeAttribute(name);
  }
}

function trimIndent(el: Element): void {
  const first = firstText(el);
  if (first) first.nodeValue = (first.nodeValue ?? '').replace(INDENT, '');
  const last = lastText(el);
  if (last) last.nodeValue = (last.nodeValue ?? '').replace(TRAIL, '');
}

function firstText(n: Node): Node | null {
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      if ((c.nodeValue ?? '').replace(INDENT, '')) return c;
      c.nodeValue = '';
      continue;
    }
    const t = firstText(c);
    if (t) return t;
    if (c.nodeType === 1 && (c as Element).tagName === 'IMG') return null;
  }
  return null;
}

function lastText(n: Node): Node | null {
  for (let c = n.lastChild; c; c = c.previousSibling) {
    if (c.nodeType === 3) {
      if ((c.nodeValue ?? '').replace(TRAIL, '')) return c;
      c.nodeValue = '';
      continue;
    }
    const t = lastText(c);
    if (t) return t;
    if (c.nodeType === 1 && (c as Element).tagName === 'IMG') return null;
  }
  return null;
}

function isBoilerplate(text: string): boolean {
  return text.length < 80 && BOILERPLATE.some((re) => re.test(text));
}

// Controls and navigation are never article content, whatever Readability kept.
const DROP = new Set(['input', 'button', 'select', 'textarea', 'nav', 'script', 'style', 'noscript', 'iframe', 'object', 'embed']);
const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT; the global is missing in some Node DOMs.

/** An <svg> with no text of its own: an icon (or what sanitizing left of one), never something to read. */
function emptySvg(el: Element): boolean {
  return el.localName === 'svg' && !(el.textContent ?? '').trim() && !el.querySelector('image');
}

/** `el` and the elements inside it, in document order: a TreeWalker, not a selector query (slow in jsdom). */
function elementsOf(el: Element): Element[] {
  const out = [el];
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Element);
  return out;
}
const PROSE_TAGS = /^(P|BLOCKQUOTE|PRE|UL|OL|DL|TABLE|H\d)$/;

/** Text length in Latin-character units, white space left out: a CJK character carries about as much as three letters. */
export function textWeight(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0x3000 || c === 0xa0) continue;
    w += (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) ? 3 : 1;
  }
  return w;
}

export interface CleanBody {
  html: string;
  text: string;
  blocks: number;
  /** Weight of the prose paragraphs: how much of this is an article rather than a page of links. */
  prose: number;
  /** Weight of all text outside links, and of link text. */
  own: number;
  links: number;
}

/**
 * `container` holds the article (Readability's content parsed into an inert document);
 * it is consumed. Inline runs directly inside wrappers become paragraphs of their own.
 */
export function cleanBody(container: Element, baseUrl: string): CleanBody {
  const doc = container.ownerDocument;
  for (const el of elementsOf(container).slice(1)) if (DROP.has(el.localName) || emptySvg(el)) el.remove();
  // Whole ASP.NET pages sit in one <form>: keep what it holds, lose only its controls.
  for (const form of elementsOf(container).slice(1)) if (form.localName === 'form') form.replaceWith(...Array.from(form.childNodes));
  const blocks: Element[] = [];
  let inline: Node[] = [];
  const flush = () => {
    if (inline.some((n) => (n.textContent ?? '').trim() || (n.nodeType === 1 && (n as Element).querySelector?.('img')) || (n as Element).tagName === 'IMG')) {
      const p = doc.createElement('p');
      for (const n of inline) p.appendChild(n);
      blocks.push(p);
    }
    inline = [];
  };
  // Sibling pointers, not Array.from(childNodes/children): jsdom's live collections make that
  // quadratic on a long article.
  const kids = (parent: Node): Node[] => {
    const out: Node[] = [];
    for (let c = parent.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  };
  const hasBlockChild = (el: Element): boolean => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (BLOCKS.has(c.tagName) || WRAPPERS.has(c.tagName) || c.tagName === 'BR') return true;
    }
    return false;
  };
  const walk = (parent: Element) => {
    for (const child of kids(parent)) {
      if (child.nodeType === 3) {
        inline.push(child);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'BR') {
          flush();
        } else if (BLOCKS.has(el.tagName)) {
          flush();
          blocks.push(el);
        } else if (WRAPPERS.has(el.tagName) && hasBlockChild(el)) {
          flush();
          walk(el);
          flush();
        } else if (el.tagName === 'DIV' || el.tagName === 'SECTION') {
          flush();
          inline.push(...kids(el));
          flush();
        } else {
          inline.push(el);
        }
      }
    }
  };
  walk(container);
  flush();

  const kept: { html: string; text: string; linked: number; mine: number; prose: boolean }[] = [];
  for (const block of blocks) {
    const els = elementsOf(block);
    for (const el of els) cleanAttributes(el, baseUrl);
    if (block.tagName === 'P' || /^H\d$/.test(block.tagName)) trimIndent(block);
    const text = (block.textContent ?? '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
    if (!text && !els.some((el) => el.localName === 'img') && block.tagName !== 'HR') continue;
    if (text && isBoilerplate(text)) continue;
    const html = block.tagName === 'PRE' ? block.outerHTML : block.outerHTML.replace(/\s*\n\s*/g, ' ');
    // The block's own words, leaving out link text (menus and lists of links are not prose).
    let linked = 0;
    for (let i = 1; i < els.length; i++) if (els[i].localName === 'a') linked += textWeight(els[i].textContent ?? '');
    const mine = Math.max(0, textWeight(text) - linked);
    kept.push({ html: html.replace(/\n/g, '&#10;'), text, linked, mine, prose: PROSE_TAGS.test(block.tagName) && mine >= 40 });
  }
  // Lists of links before the first and after the last paragraph are portal navigation
  // ("相关报道", "热点推荐") that Readability left in: trim them from both ends.
  const linky = (k: (typeof kept)[number]) => !!k.text && k.linked > 0 && k.linked > k.mine;
  let start = 0, end = kept.length;
  while (start < end && linky(kept[start])) start++;
  while (end > start && linky(kept[end - 1])) end--;
  const body = start < end ? kept.slice(start, end) : kept;
  const out = body.map((k) => k.html);
  const texts = body.filter((k) => k.text).map((k) => k.text);
  let prose = 0, own = 0, links = 0;
  for (const k of body) {
    links += k.linked;
    own += k.mine;
    if (k.prose) prose += k.mine;
  }
  return { html: out.join('\n'), text: texts.join('\n\n'), blocks: out.length, prose, own, links };
}
