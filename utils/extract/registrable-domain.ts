// "Is this URL on the same site as that one?" — the registrable domain (eTLD+1) of a host, approximated
// without the Public Suffix List.
//
// Why an approximation, and why this one: the full list (~10 000 rules, tldts/psl) is a dependency of
// 40–100 KB in every bundle and needs updating; what we need it for is narrow — deciding whether a page's
// <link rel=canonical>/og:url may name the article's key, and whether a save may update a saved row.
// There the two ways of being wrong are not alike:
//   - taking a public suffix for a registrable name ("a.gov.cn" and "b.gov.cn" one site) lets one site
//     claim another's article: unsafe;
//   - taking a registrable name for a public suffix ("x.co.ca" alone) only makes us ignore a canonical
//     and key the article on the page's own URL, which is always true: a duplicate at worst.
// So the rules below err toward "public suffix": every two-letter country TLD whose second level is one
// of the generic names registries use (com, net, org, gov, edu, ac, co, or, ne, go, …) is a suffix of two
// labels (.com.cn, .gov.cn, .co.uk, .com.hk, .com.tw, .co.jp, .co.kr, .com.au, …), so are China's
// provincial second levels (bj.cn, sh.cn, …) and Australia's state governments (nsw.gov.au), and so are the
// shared hosting domains where each subdomain is somebody else's site (github.io, blogspot.com, …).
// Not covered: rarer PSL rules (Japanese prefectures such as tokyo.jp, private registries such as
// uk.com); a site on one of those is only protected as far as "same host" goes.
//
// IP addresses and single-label hosts (localhost) are their own site: only the same host matches.

/** Second-level names that, under a two-letter (country) TLD, are registries' public suffixes. */
const GENERIC_SECOND_LEVEL = new Set([
  'com', 'net', 'org', 'gov', 'edu', 'ac', 'co', 'or', 'ne', 'go', 'mil', 'gen', 'ltd', 'plc', 'nom',
  'sch', 'info', 'biz', 'gob', 'gouv', 'int', 'idv', 'me', 'nhs', 'police', 'lg', 'ed', 'gr', 'ad',
  're', 'pe', 'hs', 'ms', 'es', 'kg', 'asn', 'id', 'firm', 'ind', 'web', 'per', 'tm', 'club', 'game', 'ebiz',
]);

/** China's provincial second-level domains (bj.cn, sh.cn, …): public suffixes in the PSL. */
const CN_PROVINCES = new Set([
  'ah', 'bj', 'cq', 'fj', 'gd', 'gs', 'gz', 'gx', 'ha', 'hb', 'he', 'hi', 'hl', 'hn', 'jl', 'js', 'jx',
  'ln', 'nm', 'nx', 'qh', 'sc', 'sd', 'sh', 'sn', 'sx', 'tj', 'xj', 'xz', 'yn', 'zj', 'hk', 'mo', 'tw',
]);

/** Australian states and territories: act.gov.au, nsw.edu.au, … are suffixes of three labels. */
const AU_STATES = new Set(['act', 'nsw', 'nt', 'qld', 'sa', 'tas', 'vic', 'wa']);

/** Shared hosting: every subdomain is its own site (PSL private section; the ones news and blogs live on). */
const SHARED_HOSTING = new Set([
  'github.io', 'gitlab.io', 'blogspot.com', 'wordpress.com', 'herokuapp.com', 'appspot.com', 'netlify.app',
  'vercel.app', 'pages.dev', 'workers.dev', 'web.app', 'firebaseapp.com', 'azurewebsites.net',
  'cloudfront.net', 'fly.dev', 'onrender.com', 'substack.com', 'tumblr.com', 'livejournal.com', 'neocities.org',
  'glitch.me', 'repl.co', 'readthedocs.io', 'gitee.io', 'myshopify.com',
]);

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** How many labels at the end of `labels` are a public suffix (at least 1: the TLD). */
function suffixLength(labels: string[]): number {
  const n = labels.length;
  const tld = labels[n - 1]!;
  const last = (k: number) => labels.slice(n - k).join('.');
  if (n >= 3 && SHARED_HOSTING.has(last(3))) return 3;
  if (n >= 2 && SHARED_HOSTING.has(last(2))) return 2;
  if (n >= 2 && /^[a-z]{2}$/.test(tld)) {
    const second = labels[n - 2]!;
    if (tld === 'au' && n >= 3 && (second === 'gov' || second === 'edu') && AU_STATES.has(labels[n - 3]!)) return 3;
    if (GENERIC_SECOND_LEVEL.has(second) || (tld === 'cn' && CN_PROVINCES.has(second))) return 2;
  }
  return 1;
}

/**
 * The registrable domain of `host` (lower case, no port): `finance.eastmoney.com` → `eastmoney.com`,
 * `news.sina.com.cn` → `sina.com.cn`, `a.gov.cn` → `a.gov.cn`. An IP address, a single label or a host that
 * is itself a public suffix comes back whole.
 */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h || IPV4.test(h) || h.includes(':') || h.startsWith('[')) return h;
  const labels = h.split('.');
  if (labels.length < 2) return h;
  const take = suffixLength(labels) + 1;
  return labels.length <= take ? h : labels.slice(-take).join('.');
}

/** Whether `url` parses and is http: or https: — the only URLs an article may be stored or linked under. */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
  } catch {
    return false;
  }
}

/** The registrable domain of an http(s) URL, or null when it is not one. */
export function siteOfUrl(url: string | null | undefined): string | null {
  if (!isWebUrl(url)) return null;
  return registrableDomain(new URL(url).hostname);
}

/** Whether two http(s) URLs are on one site (same registrable domain; scheme and port aside). */
export function sameSite(a: string | null | undefined, b: string | null | undefined): boolean {
  const sa = siteOfUrl(a);
  return sa !== null && sa === siteOfUrl(b);
}
