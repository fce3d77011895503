// Old table-layout pages: Readability's container is often a whole layout row (the article's column with the
// sidebar's beside it) and keeps link lists inside the column (related articles, a portal's "recommended").
// Two general rules, on the container before it is cleaned (extract-article.ts):
// - a layout row's cells are columns: when one cell holds most of the row's own (non-link) text, the others are
//   sidebars and go;
// - a block that is mostly links (several of them, at least half its text) and is not most of the article is a
//   link list and goes.

/** Text without whitespace: what the rules weigh (CJK text has no spaces to count words by). */
function chars(text: string | null): number {
  return (text ?? '').replace(/\s+/g, '').length;
}

function linkChars(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) n += chars(a.textContent);
  return n;
}

/** Non-link characters of an element. */
function ownText(el: Element): number {
  return chars(el.textContent) - linkChars(el);
}

/** At least this share of a row's non-link text makes a cell the article's column. */
const COLUMN_SHARE = 0.65;
/** …and at least this many characters of its own. */
const COLUMN_MIN = 200;
/** A table with more text-holding rows than this holds data, not a layout. */
const LAYOUT_ROWS = 3;

function cellsOf(tr: Element): Element[] {
  return Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
}

function textRows(table: Element): number {
  let rows = 0;
  for (const tr of Array.from(table.querySelectorAll(':scope > tbody > tr, :scope > tr'))) if (chars(tr.textContent) > 0) rows++;
  return rows;
}

function dropSideColumns(container: Element): void {
  for (const tr of Array.from(container.getElementsByTagName('tr'))) {
    if (!container.contains(tr)) continue;
    const cells = cellsOf(tr);
    if (cells.length < 2) continue;
    const table = tr.closest('table');
    // Readability may hand back the row without its table: a lone row is a layout row.
    if (table && container.contains(table) && textRows(table) > LAYOUT_ROWS) continue;
    const weights = cells.map(ownText);
    const total = weights.reduce((s, w) => s + w, 0);
    const best = weights.indexOf(Math.max(...weights));
    if (weights[best]! < COLUMN_MIN || weights[best]! < COLUMN_SHARE * total) continue;
    cells.forEach((c, i) => { if (i !== best && chars(c.textContent) > 0) c.remove(); });
  }
}

/** A link list: this many links or more… */
const LIST_LINKS = 6;
/** …making up at least this share of its text… */
const LIST_DENSITY = 0.5;
/** …and holding less than this share of the container's text. */
const LIST_SHARE = 0.5;

const LIST_TAGS = new Set(['DIV', 'UL', 'OL', 'TABLE', 'TD', 'P', 'DL', 'SECTION', 'ASIDE', 'CENTER']);

function dropLinkLists(container: Element): void {
  const all = chars(container.textContent);
  if (all === 0) return;
  for (const el of Array.from(container.getElementsByTagName('*'))) {
    if (!LIST_TAGS.has(el.tagName) || !container.contains(el)) continue;
    const links = el.getElementsByTagName('a').length;
    if (links < LIST_LINKS) continue;
    const text = chars(el.textContent);
    if (text === 0 || text >= LIST_SHARE * all) continue;
    if (linkChars(el) >= LIST_DENSITY * text) el.remove();
  }
}

export function narrowLayout(container: Element): void {
  dropSideColumns(container);
  dropLinkLists(container);
}
