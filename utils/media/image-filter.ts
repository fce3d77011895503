// Tells a picture worth keeping from a tracking pixel or an icon, by declared size, address and file name alone.
//
// Nothing is fetched to decide: a pixel is skipped before any request, so saving an article never reports the
// user's reading to a counter the reader view has held back (utils/reader-html.ts).

export type SkipReason = 'pixel' | 'icon' | 'tracker' | 'inline' | 'not-http';

/** Hosts that only count visits; their images are beacons whatever their size. */
const TRACKER_HOSTS = [
  'google-analytics.com', 'googletagmanager.com', 'doubleclick.net', 'googlesyndication.com', 'googleadservices.com',
  'scorecardresearch.com', 'quantserve.com', 'facebook.com/tr', 'bat.bing.com', 'analytics.twitter.com', 't.co/i/adsct',
  'mc.yandex.ru', 'hm.baidu.com', 'cnzz.com', 'c.cnzz.com', 'tajs.qq.com', 'pingjs.qq.com', 'stats.wp.com', 'pixel.wp.com',
  'statcounter.com', 'chartbeat.net', 'omtrdc.net', '2o7.net', 'pixel.quantserve.com', 'feeds.feedburner.com/~r',
  'sb.scorecardresearch.com', 'log.mmstat.com', 'gm.mmstat.com', 'cm.g.doubleclick.net', 'imrworldwide.com',
];

/** Counters and beacons on any host: the last path segment names one, or a folder of them. */
const TRACKER_PATH = /\/(?:pixel|beacon|track|tracking|counter|count|stat|stats|hit|impression|pv|collect)(?:\.(?:gif|png|php|aspx?|jpg))?$|\/(?:pixel|beacon|tracking)\//i;

/** The file names of transparent spacers and 1x1 counters. */
const PIXEL_NAME = /\/(?:__utm|utm|b|t|p|px|pixel|spacer|blank|clear|transparent|empty|dot)\.gif$|\/1x1[^/]*$/i;

/** Folders and names of icons, emoji and smileys. */
const ICON_PATH = /\/(?:favicons?|icons?|emoji|emojis|twemoji|emoticons?|smilies|smileys)\/|(?:^|\/)favicon[^/]*$|\/s\.w\.org\/images\/core\/emoji\//i;

/** Names an SVG is a control or a brand mark by (an SVG chart or map has none of these). */
const SVG_ICON_NAME = /(?:icon|logo|emoji|arrow|share|button|btn|badge|sprite|close|menu|search|play|avatar|social|wechat|weibo|qrcode)[^/]*\.svg$/i;

export interface DeclaredSize {
  width?: number;
  height?: number;
}

function hostMatches(u: URL, entry: string): boolean {
  const slash = entry.indexOf('/');
  const host = slash < 0 ? entry : entry.slice(0, slash);
  const path = slash < 0 ? '' : entry.slice(slash);
  const onHost = u.hostname === host || u.hostname.endsWith(`.${host}`);
  // A path entry is whole segments: facebook.com/tr is the pixel, facebook.com/trip a page.
  return onHost && (!path || u.pathname === path || u.pathname.startsWith(path.endsWith('/') ? path : `${path}/`));
}

/**
 * Why an image (an http(s) address and its declared size) is not worth keeping, or null to keep it: a side of 2 px
 * or less is a pixel; both sides 32 px or less an icon; an SVG that is small or named like a control an icon;
 * a counter's host or path a tracker.
 */
export function skipReason(url: string, size: DeclaredSize = {}): SkipReason | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not-http';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.protocol === 'data:' ? 'inline' : 'not-http';
  const { width, height } = size;
  if ((width !== undefined && width <= 2) || (height !== undefined && height <= 2)) return 'pixel';
  if (TRACKER_HOSTS.some((h) => hostMatches(u, h))) return 'tracker';
  if (PIXEL_NAME.test(u.pathname)) return 'pixel';
  if (TRACKER_PATH.test(u.pathname)) return 'tracker';
  if (width !== undefined && height !== undefined && width <= 32 && height <= 32) return 'icon';
  if (ICON_PATH.test(u.pathname) || ICON_PATH.test(`/${u.hostname}${u.pathname}`)) return 'icon';
  if (/\.svg$/i.test(u.pathname)) {
    if ((width !== undefined && width <= 64) || (height !== undefined && height <= 64)) return 'icon';
    if (SVG_ICON_NAME.test(u.pathname)) return 'icon';
  }
  return null;
}
