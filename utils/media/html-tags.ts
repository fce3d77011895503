// Finds the tags of serialized HTML (a DOM's innerHTML, as the library stores bodies) with their offsets.
//
// Image tags are read and rewritten as strings, not through a DOM: the service worker and the command line have
// none, and a parse-and-serialize round trip would change bytes the seed's default preset must keep exactly.
// The scanner follows the HTML tokenizer's rules for the parts that matter here (quoted and unquoted attribute
// values, comments, raw-text elements whose content is not markup); it is not a tree builder.

export interface TagAttr {
  /** Lower-cased, as an HTML parser stores it. */
  name: string;
  /** Character references decoded. */
  value: string;
}

export interface HtmlTag {
  /** Lower-cased tag name. */
  name: string;
  /** `</name>` */
  closing: boolean;
  /** Written `<name … />`. */
  selfClosing: boolean;
  attrs: TagAttr[];
  /** Offsets of the tag's `<` and just past its `>`. */
  start: number;
  end: number;
}

/** Elements whose content the HTML tokenizer reads as text: an `<img` inside them is not a tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references a serializer writes (`&amp;` `&quot;` `&nbsp;` `&lt;` `&gt;`) and numeric ones. */
export function decodeAttr(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (m, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? m;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    // Out of range and surrogates decode to U+FFFD in HTML; keeping the text is as good for a URL.
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

/** Escapes an attribute value the way the HTML serializer does (with `<` and `>`, as current browsers write them). */
export function encodeAttr(value: string): string {
  return value.replace(/[&"\u00a0<>]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
}

/** `<name a="v" …>` from a tag's parts: used only for tags that change, so every other tag keeps its bytes. */
export function serializeStartTag(name: string, attrs: readonly TagAttr[], selfClosing = false): string {
  return `<${name}${attrs.map((a) => ` ${a.name}="${encodeAttr(a.value)}"`).join('')}${selfClosing ? ' /' : ''}>`;
}

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\f' || c === '\r';
const isAlpha = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** Parses the start tag whose `<` is at `lt`; null when the input ends inside it (the tokenizer drops such a tag). */
function startTag(html: string, lt: number): HtmlTag | null {
  const n = html.length;
  let i = lt + 1;
  while (i < n && !isSpace(html[i]!) && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(lt + 1, i).toLowerCase();
  const attrs: TagAttr[] = [];
  let selfClosing = false;
  while (i < n) {
    const c = html[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '>') return { name, closing: false, selfClosing, attrs, start: lt, end: i + 1 };
    if (c === '/') {
      selfClosing = true;
      i++;
      continue;
    }
    selfClosing = false;
    // An attribute name: its first character may be `=`; it runs to white space, `/`, `>` or `=`.
    const nameStart = i++;
    while (i < n && !isSpace(html[i]!) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    const attrName = html.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < n && isSpace(html[j]!)) j++;
    let value = '';
    if (html[j] === '=') {
      j++;
      while (j < n && isSpace(html[j]!)) j++;
      const q = html[j];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, j + 1);
        if (close < 0) return null;
        value = html.slice(j + 1, close);
        i = close + 1;
      } else {
        const vs = j;
        while (j < n && !isSpace(html[j]!) && html[j] !== '>') j++;
        value = html.slice(vs, j);
        i = j;
      }
    }
    // A repeated attribute is ignored by the parser: the first one counts.
    if (!attrs.some((a) => a.name === attrName)) attrs.push({ name: attrName, value: decodeAttr(value) });
  }
  return null;
}

/** Every start and end tag of `html`, in order. */
export function* scanTags(html: string): Generator<HtmlTag> {
  const n = html.length;
  let pos = 0;
  while (pos < n) {
    const lt = html.indexOf('<', pos);
    if (lt < 0 || lt + 1 >= n) return;
    const next = html[lt + 1]!;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      if (close < 0) return;
      pos = close + 3;
    } else if (next === '!' || next === '?') {
      const close = html.indexOf('>', lt + 2);
      if (close < 0) return;
      pos = close + 1;
    } else if (next === '/') {
      const close = html.indexOf('>', lt + 2);
      if (close < 0) return;
      if (lt + 2 < n && isAlpha(html[lt + 2]!)) {
        let e = lt + 2;
        while (e < close && !isSpace(html[e]!) && html[e] !== '/') e++;
        yield { name: html.slice(lt + 2, e).toLowerCase(), closing: true, selfClosing: false, attrs: [], start: lt, end: close + 1 };
      }
      pos = close + 1;
    } else if (isAlpha(next)) {
      const tag = startTag(html, lt);
      if (!tag) return;
      yield tag;
      pos = tag.end;
      if (RAW_TEXT.has(tag.name)) {
        // Raw text runs to the matching end tag (any case).
        const re = new RegExp(`</${tag.name}[\\s/>]`, 'gi');
        re.lastIndex = pos;
        const m = re.exec(html);
        if (!m) return;
        pos = m.index;
      }
    } else {
      pos = lt + 1;
    }
  }
}

/** The value of a tag's attribute, or null. */
export function attr(tag: Pick<HtmlTag, 'attrs'>, name: string): string | null {
  for (const a of tag.attrs) if (a.name === name) return a.value;
  return null;
}
