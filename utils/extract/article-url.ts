// The article's own URL: the page's URL (or its canonical, on the same site only) without fragment and tracking parameters.
//
// One article, one URL: `?utm_source=wechat&from=timeline` must not make a second article of a page.
// The query is filtered as text, never re-serialized: kept parameters (infoCode=NW…, id, aid, WeChat's
// __biz/mid/idx/sn) survive byte for byte, in their order. An unknown parameter is kept: saving a page
// twice is a nuisance the user can undo, merging two different pages into one is not.
// Every name that site-article-id.ts reads (infoCode, id, aid, articleId, docid, contid, p, …) is kept.
import { isWebUrl, sameSite } from './registrable-domain';

/** Removed on every host (names compared without case). */
const TRACKING = new Set([
  // Analytics and ad click ids.
  'spm', 'scm', 'fbclid', 'gclid', 'gclsrc', 'gbraid', 'wbraid', 'dclid', 'msclkid', 'yclid', 'twclid',
  'ttclid', 'li_fat_id', 'igshid', '_ga', '_gl', 'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi',
  'oly_enc_id', 'oly_anon_id', 'vero_id',
  // Where the reader came from. `ref` is the referral convention (?ref=hn, ?ref=twitter); it does not name
  // a news article anywhere we know of, so it goes everywhere, like `from`.
  'from', 'ref', 'ref_src', 'ref_url', 'tt_from',
  // App share sheets (WeChat, QQ, Toutiao): "was the app installed", "shared from WeChat".
  'isappinstalled', 'wxfrom', 'wxshare_count',
]);

/** Removed on every host by prefix: utm_source…, share/share_token/shareId/sharer_…, wechat_…, wx_…. */
const TRACKING_PREFIXES = ['utm_', 'share', 'wechat', 'wx_'];

/**
 * Removed on these hosts only (the host or a subdomain of it). WeChat's share and client parameters:
 * on other hosts `version`, `lang` or `scene` may well pick the page, so they stay there. `key`/`uin`
 * are the reader's own WeChat session: never worth keeping in a library, and never the article's.
 * (`wx_header` and the other wx_… names go on every host, by prefix.)
 */
const SITE_TRACKING: Array<[host: string, names: Set<string>]> = [
  ['mp.weixin.qq.com', new Set([
    'scene', 'chksm', 'sessionid', 'subscene', 'clicktime', 'enterid', 'ascene', 'devicetype', 'version',
    'nettype', 'lang', 'exportkey', 'pass_ticket', 'abtest_cookie', 'fontscale', 'poc_token',
    'key', 'uin', 'srcid', 'mpshare', 'exptype', 'ranksessionid', 'realreporttime', 'winzoom', 'countrycode',
  ])],
  // NetEase's share source (spss=adap_pc, spss=newsapp): its article id is in the path.
  ['163.com', new Set(['spss'])],
];

/**
 * `t`, `timestamp` and jQuery's `_` go only when their value is a Unix time (10 digits: seconds, 13:
 * milliseconds, 2001–2065): then they stamp the moment of sharing or bust a cache (Toutiao's
 * `timestamp=1700000000`, `?t=1700000000000`). Other values stay: phpBB's `viewtopic.php?t=12345`
 * names the topic, a video's `t=90` its start.
 */
const TIME_STAMPS = new Set(['t', 'timestamp', '_']);
const UNIX_TIME = /^[12]\d{9}(?:\d{3})?$/;

function decoded(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Whether the query part `param` ("name=value", "name" or "name=") is tracking on `host`. */
function isTracking(param: string, host: string): boolean {
  const eq = param.indexOf('=');
  const name = decoded(eq < 0 ? param : param.slice(0, eq)).toLowerCase();
  if (TRACKING.has(name) || TRACKING_PREFIXES.some((p) => name.startsWith(p))) return true;
  if (TIME_STAMPS.has(name)) return eq >= 0 && UNIX_TIME.test(decoded(param.slice(eq + 1)));
  return SITE_TRACKING.some(([h, names]) => (host === h || host.endsWith(`.${h}`)) && names.has(name));
}

/**
 * `url` without its fragment and its tracking parameters; what is left of the query keeps its order and
 * its bytes, empty pieces (`a=1&&b=2`) go, and so does a `?` left with nothing. A URL that is not
 * http(s), or not a URL at all, comes back untouched.
 */
export function cleanArticleUrl(url: string): string {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return url;
    host = u.hostname.toLowerCase();
  } catch {
    return url;
  }
  const hash = url.indexOf('#');
  const bare = hash < 0 ? url : url.slice(0, hash);
  const q = bare.indexOf('?');
  if (q < 0) return bare;
  const kept = bare.slice(q + 1).split('&').filter((p) => p !== '' && !isTracking(p, host));
  return kept.length ? `${bare.slice(0, q)}?${kept.join('&')}` : bare.slice(0, q);
}

/** Longer declared URLs are not recorded: no page needs them, and a row should stay small. */
const MAX_DECLARED = 2048;

export interface ArticleKey {
  /** What the library keys the article on: a declared URL on the page's own site, else the page's URL; cleaned. */
  url: string;
  /** The page's own URL, cleaned. */
  pageUrl: string;
  /** The first declared URL on another site, as declared: recorded, never the key, never linked. */
  declaredCanonical?: string;
}

/**
 * The article's URL from the page's own `pageUrl` (http(s): the extractors refuse other pages) and the URLs
 * the page declares for itself, best first (link rel=canonical, og:url). A declared URL is trusted only on
 * the page's own site (registrable-domain.ts): any page can write any canonical, and one naming an article
 * of another site must not become that article's key (a save would overwrite it) nor the saved link (a
 * phishing page would become "the original page"). A declared URL that is not http(s) is ignored.
 */
export function chooseArticleUrl(pageUrl: string, declared: readonly (string | null | undefined)[]): ArticleKey {
  const own = cleanArticleUrl(pageUrl);
  const web = declared.filter(isWebUrl);
  const trusted = web.find((u) => sameSite(u, pageUrl));
  const foreign = web.find((u) => !sameSite(u, pageUrl) && u.length <= MAX_DECLARED);
  return {
    url: trusted ? cleanArticleUrl(trusted) : own,
    pageUrl: own,
    ...(foreign ? { declaredCanonical: foreign } : {}),
  };
}

/** The refusal of a page whose own URL is not http(s), or null when it is one. */
export function notWebPage(pageUrl: string): { ok: false; code: 'not-http'; message: string } | null {
  return isWebUrl(pageUrl) ? null : { ok: false, code: 'not-http', message: 'Only web pages (http or https) can be saved.' };
}
