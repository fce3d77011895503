// Chooses the headline by agreement of <h1>, og:title, JSON-LD and <title>, stripping site suffixes.
import { squash } from './dom-text';

export interface TitleCandidates {
  h1: string | null;
  og: string | null;
  jsonLd: string | null;
  docTitle: string;
  /** Names a suffix may repeat: the site name, the host's labels. */
  siteNames: string[];
  /** The <h1> is the page's only headline-like <h1> (not one of several). */
  soleH1?: boolean;
  /** The <h1>'s child texts when it has several (kicker + headline, headline + subtitle). */
  h1Parts?: string[];
  /** A schema.org itemprop="headline" in the body. */
  microdata?: string | null;
}

// Separators sites put between a headline and their own name. "-" and "—" unspaced only count
// when what follows is a known site name, so "COVID-19" or "——副标题" survive.
const SEPARATORS: { re: RegExp; kind: 'hard' | 'spaced' | 'named' }[] = [
  { re: /\s*[_|｜]\s*/g, kind: 'hard' },
  { re: /\s+[-–—·•]\s+/g, kind: 'spaced' },
  { re: /-{1,2}|——|—/g, kind: 'named' },
];
const MAX_TAIL = { hard: 20, spaced: 30, named: 0 };

function norm(s: string): string {
  return squash(s).toLowerCase();
}

function isSiteName(part: string, siteNames: string[]): boolean {
  const p = norm(part);
  if (!p) return false;
  return siteNames.some((n) => {
    const name = norm(n);
    return name.length > 1 && (p === name || p.includes(name) || name.includes(p));
  });
}

/** The last separator in the title, with what stands before and after it. */
function lastSeparator(title: string): { head: string; tail: string; kind: 'hard' | 'spaced' | 'named' } | null {
  let best: { index: number; length: number; kind: 'hard' | 'spaced' | 'named' } | null = null;
  for (const { re, kind } of SEPARATORS) {
    re.lastIndex = 0;
    for (let m = re.exec(title); m; m = re.exec(title)) {
      if (m.index > 0 && (!best || m.index > best.index)) best = { index: m.index, length: m[0].length, kind };
    }
  }
  if (!best) return null;
  return { head: title.slice(0, best.index).trim(), tail: title.slice(best.index + best.length).trim(), kind: best.kind };
}

/** Removes trailing "_频道_网站" / " | Site" / "-新华网" parts that name the site or a channel. */
export function stripTitleSuffix(title: string, siteNames: string[]): string {
  let t = squash(title);
  for (let i = 0; i < 4; i++) {
    const sep = lastSeparator(t);
    if (!sep || sep.head.length < 4) break;
    if (!isSiteName(sep.tail, siteNames) && sep.tail.length > MAX_TAIL[sep.kind]) break;
    t = sep.head;
  }
  // "标题 某某区办事处": a name the page gives itself elsewhere, glued on with a plain space.
  for (const n of siteNames) {
    const name = squash(n);
    if (name.length >= 2 && t.length >= name.length + 5 && t.toLowerCase().endsWith(` ${name.toLowerCase()}`)) t = t.slice(0, -name.length - 1).trim();
  }
  return t;
}

const STARTS_SEPARATOR = /^\s*(?:[_|｜»:]|[-–—·•]\s|-{1,2}|——|—)/;

/**
 * A metadata title without its site suffix. When another candidate is this title plus a
 * separator and more ("Titel – ein Projekt" beside "Titel – ein Projekt | Blog"), it is already
 * bare: only unconfirmed tails are cut.
 */
function bareTitle(m: string, all: string[], siteNames: string[]): string {
  const t = squash(m);
  const confirmed = all.some((o) => {
    const s = squash(o);
    return s.length > t.length && s.startsWith(t) && STARTS_SEPARATOR.test(s.slice(t.length));
  });
  return confirmed ? t : stripTitleSuffix(t, siteNames);
}

/** The headline: an <h1> that the other sources agree with, else the best stripped metadata title. */
export function chooseTitle(c: TitleCandidates): string {
  const meta = [c.microdata, c.jsonLd, c.og, c.docTitle].filter((s): s is string => !!s && !!squash(s));
  const bare = meta.map((m) => bareTitle(m, meta, c.siteNames)).filter(Boolean);
  // "Dachzeile" + headline in one <h1>: the part the metadata names is the headline.
  for (const part of c.h1Parts ?? []) {
    const p = norm(part);
    if (p.length >= 4 && bare.some((m) => norm(m) === p)) return squash(part);
  }
  const h1 = c.h1 ? squash(c.h1) : '';
  if (h1 && h1.length <= 300) {
    const h = norm(h1);
    if (meta.some((m) => norm(m).includes(h) || h.includes(norm(stripTitleSuffix(m, c.siteNames))))) return h1;
  }
  // A declared headline beats an <h1> nothing confirms (a section name, a teaser line).
  if (c.microdata && squash(c.microdata)) return squash(c.microdata);
  // A lone <h1> that no metadata confirms is still what the reader sees as the headline.
  if (h1 && c.soleH1) return h1;
  return bare[0] || h1;
}
