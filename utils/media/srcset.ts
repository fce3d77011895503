// Reads a `srcset` and picks the one candidate worth keeping: a size that reads well, not the largest the CDN has.
//
// An archive wants a picture as sharp as an article column shows it on a good screen, not a 6000-pixel original
// that eats the per-article cap. So: the smallest `w` candidate at least the target width (1200 by default), else
// the widest there is; with density descriptors, 2x (else the densest below it, else the least dense above).

export interface SrcsetCandidate {
  /** As written (not yet resolved against the page). */
  url: string;
  /** `640w` */
  width?: number;
  /** `2x`; a candidate with no descriptor is 1x. */
  density?: number;
}

export const DEFAULT_TARGET_WIDTH = 1200;
export const DEFAULT_TARGET_DENSITY = 2;

const SPACE = /[ \t\n\f\r]/;

/**
 * The candidates of a srcset, following the HTML parsing rules: a URL may hold commas (`/img,w_640.jpg 640w`),
 * descriptors run to a comma outside parentheses, and a candidate with broken descriptors is left out.
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  const n = value.length;
  let i = 0;
  while (i < n) {
    while (i < n && (SPACE.test(value[i]!) || value[i] === ',')) i++;
    if (i >= n) break;
    const urlStart = i;
    while (i < n && !SPACE.test(value[i]!)) i++;
    let url = value.slice(urlStart, i);
    const descriptors: string[] = [];
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      let token = '';
      for (; i < n; i++) {
        const c = value[i]!;
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        if (depth === 0 && c === ',') {
          i++;
          break;
        }
        if (depth === 0 && SPACE.test(c)) {
          if (token) descriptors.push(token);
          token = '';
        } else token += c;
      }
      if (token) descriptors.push(token);
    }
    if (!url) continue;
    const candidate: SrcsetCandidate = { url };
    let broken = false;
    for (const d of descriptors) {
      const w = /^(\d+)w$/.exec(d);
      const x = /^(\d*\.?\d+(?:[eE][+-]?\d+)?)x$/.exec(d);
      if (w && candidate.width === undefined && candidate.density === undefined && Number(w[1]) > 0) candidate.width = Number(w[1]);
      else if (x && candidate.width === undefined && candidate.density === undefined && Number(x[1]) > 0) candidate.density = Number(x[1]);
      else if (/^\d+h$/.test(d)) continue; // a height alone says nothing we choose by
      else broken = true;
    }
    if (!broken) out.push(candidate);
  }
  return out;
}

/** The candidate to keep (see the file's comment); null for an empty list. */
export function pickCandidate(
  candidates: readonly SrcsetCandidate[], targetWidth = DEFAULT_TARGET_WIDTH, targetDensity = DEFAULT_TARGET_DENSITY,
): SrcsetCandidate | null {
  if (!candidates.length) return null;
  const widths = candidates.filter((c) => c.width !== undefined).sort((a, b) => a.width! - b.width!);
  if (widths.length) return widths.find((c) => c.width! >= targetWidth) ?? widths[widths.length - 1]!;
  const dense = [...candidates].sort((a, b) => (a.density ?? 1) - (b.density ?? 1));
  const atMost = dense.filter((c) => (c.density ?? 1) <= targetDensity);
  return atMost.length ? atMost[atMost.length - 1]! : dense[0]!;
}
