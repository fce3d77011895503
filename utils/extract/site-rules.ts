// Per-site selectors, as data: where a portal puts its headline, time, source and reporter.
// A rule only adds evidence in front of the generic rules; a site without a row still works.
import { mayMatch, scanPage, type PageScan } from './page-scan';

export interface SiteRule {
  /** Short name, for tests and debugging. */
  name: string;
  /** Host names the rule applies to; "sina.com.cn" also matches "news.sina.com.cn". */
  hosts: string[];
  /** A selector that identifies the site's markup on any host (mirrors, saved copies). */
  marker?: string;
  /** The headline element. */
  title?: string;
  /** Elements whose text (or datetime/content attribute) holds the publication time. */
  time?: string;
  /** A script pattern whose first group holds the time (pages that fill it in with JS). */
  timeScript?: RegExp;
  /** Elements holding the original publisher; a "来源：" label inside is removed. */
  source?: string;
  sourceScript?: RegExp;
  /** Elements holding the reporter or author. */
  author?: string;
  /** The portal's own name (kept apart from the source). */
  siteName?: string;
  /** Boilerplate inside the article that Readability would keep. */
  drop?: string;
}

// First match wins: a more specific host (mp.weixin.qq.com) comes before its parent (qq.com).
export const SITE_RULES: SiteRule[] = [
  {
    name: 'eastmoney',
    hosts: ['eastmoney.com'],
    marker: '#ContentBody .em_media, .newsContent #ContentBody',
    title: '.newsContent h1, .detail-title h1',
    // The article pages (/a/….html) label nothing: time, 来源 and 作者 are plain `.item`s in order.
    time: '.infos .time, .time-source .time, .infos .item',
    source: '.em_media, .infos .source, .time-source .source, .infos .item',
    siteName: '东方财富网',
    drop: '.em_media_logo, .b-review, .editor',
  },
  {
    name: 'sina',
    hosts: ['sina.com.cn', 'sina.cn'],
    title: 'h1.main-title, #artibodyTitle, h1.art_tit_h1',
    time: '.date-source .date, #pub_date, .time-source .titer, .art_time',
    source: '.date-source .source, .date-source .ent-source, #media_name, .time-source .source',
    author: '.show_author, .article .author',
    siteName: '新浪网',
    drop: '.show_author, .article-editor, .appendQr_wrap, .app-kaihu-qr',
  },
  {
    name: '163',
    hosts: ['163.com'],
    title: 'h1.post_title, .post_content_main h1, #epContentLeft h1, .article_title h2',
    time: '.post_info, .post_time_source, .article_title .time span:first-child',
    source: '.post_info a:first-of-type, #ne_article_source, .post_time_source a',
    author: '.post_author_name, .post_author .author',
    siteName: '网易',
    drop: '.post_author, .ep-editor, .post_btmshare, .otitle',
  },
  {
    name: 'people',
    hosts: ['people.com.cn', 'people.cn'],
    title: '.rm_txt h1, .col-1 h1, .text_title h1, .title h1',
    time: '.channel .col-1-1, .box01 .fl, .text_title .sou',
    source: '.channel .col-1-1 a, .box01 .fl a, .text_title .sou a',
    author: '.rm_txt .author, .text_title .author',
    siteName: '人民网',
    drop: '.edit, .paper_num, .box_pic + .edit',
  },
  {
    name: 'xinhua',
    hosts: ['news.cn', 'xinhuanet.com'],
    title: '.head-line h1 .title, .head-line h1, .h-title',
    time: '.header-time, .h-time',
    source: '.source, #source',
    author: '.editor, .p-jc',
    siteName: '新华网',
    drop: '.editor, .p-jc, #articleEdit',
  },
  {
    name: 'thepaper',
    hosts: ['thepaper.cn'],
    title: 'h1[class*="index_title"], h1.news_title, .news_title',
    // CSS-module names end in "__hash": "index_left__" is the dateline box, "index_leftcontent__" the share bar.
    time: '[class*="index_left__"] span, .news_about p:last-child',
    source: '[class*="index_left__"] span, .news_about p:last-child',
    author: '[class*="index_left__"] .ant-space-item div, .news_about p:first-child',
    siteName: '澎湃新闻',
    // The dateline box sits inside the block Readability picks (its "content" class outweighs the
    // body's misspelt "index_cententWrap"), so it would open the body.
    drop: '[class*="index_headerContent__"], [class*="index_copyright__"], [class*="index_relatedNews__"], .news_about',
  },
  {
    name: 'weixin',
    hosts: ['mp.weixin.qq.com'],
    marker: '#js_content',
    title: '#activity-name, .rich_media_title',
    time: '#publish_time',
    timeScript: /var\s+ct\s*=\s*"(\d{10})"/,
    source: '#js_name, .profile_nickname',
    author: '#js_author_name',
    siteName: '微信公众平台',
    drop: '#js_pc_qr_code, .qr_code_pc, #js_tags',
  },
  {
    name: 'qq',
    hosts: ['qq.com'],
    marker: '.qq_article, .LEFT .content-article',
    title: '.LEFT h1, .qq_article h1',
    time: '.a_time, .article-time',
    timeScript: /"pubtime"\s*:\s*"([^"]{10,25})"/,
    source: '.a_source, .author .a_source',
    sourceScript: /"media"\s*:\s*"([^"]{2,30})"/,
    siteName: '腾讯网',
  },
  {
    name: 'ifeng',
    hosts: ['ifeng.com'],
    title: 'h1[class*="topic"], #artical_topic',
    time: '[class*="time"] span, .ss01',
    source: '[class*="source"] a, [class*="source"] span, .ss03',
    siteName: '凤凰网',
  },
  {
    name: 'toutiao',
    hosts: ['toutiao.com'],
    marker: '.article-box .article-sub, .info-box .pgc .media-user, .article-content .article-meta + .syl-article-base',
    title: '.article-box h1, h1.article-title, .article-content > h1',
    // The /article/ pages write "原创 · time · account": the account, not the time, comes last.
    time: '.article-sub span:last-child, .article-meta > span:not(.original):not(.name)',
    timeScript: /time\s*:\s*'(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)'/,
    source: '.article-sub span:not(.original):not(:last-child), .pgc .media-user span, .article-meta .name',
    sourceScript: /source\s*:\s*'([^']{2,30})'/,
    siteName: '今日头条',
  },
];

function hostMatches(host: string, rule: SiteRule): boolean {
  return rule.hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** The rule for a page: by host first, else by a marker in the markup. */
export function siteRuleFor(doc: Document, url: string, rules: SiteRule[] = SITE_RULES, scan?: PageScan): SiteRule | null {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    // A page without a URL can still match by marker.
  }
  const byHost = rules.find((r) => hostMatches(host, r));
  if (byHost) return byHost;
  for (const r of rules) {
    try {
      if (r.marker && mayMatch(r.marker, (scan ??= scanPage(doc))) && doc.querySelector(r.marker)) return r;
    } catch {
      // A bad selector in the table must not break extraction.
    }
  }
  return null;
}

export interface RuleEvidence {
  title: Element | null;
  /** Texts (and datetime/content attributes) that hold the time, best first. */
  times: string[];
  sources: string[];
  authors: string[];
}

function all(doc: Document, selector: string | undefined, scan?: PageScan): Element[] {
  if (!selector || (scan && !mayMatch(selector, scan))) return [];
  try {
    return Array.from(doc.querySelectorAll(selector)).slice(0, 8);
  } catch {
    return [];
  }
}

function scripts(doc: Document, re: RegExp | undefined): string[] {
  if (!re) return [];
  const out: string[] = [];
  for (const s of Array.from(doc.querySelectorAll('script:not([src])')).slice(0, 60)) {
    const m = re.exec((s.textContent ?? '').slice(0, 200_000));
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

const text = (el: Element) => (el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();

/** Unix seconds (WeChat's `ct`) → ISO in UTC; other values pass through for the date parser. */
function scriptTime(v: string): string {
  return /^\d{10}$/.test(v) ? new Date(Number(v) * 1000).toISOString() : v;
}

/** What the rule's selectors find on the page. */
export function readRule(doc: Document, rule: SiteRule, scan?: PageScan): RuleEvidence {
  const title = all(doc, rule.title, scan).find((el) => text(el).length >= 4) ?? null;
  return {
    title,
    times: [...all(doc, rule.time, scan).map(text), ...scripts(doc, rule.timeScript).map(scriptTime)].filter(Boolean),
    sources: [...all(doc, rule.source, scan).map(text), ...scripts(doc, rule.sourceScript)].filter(Boolean),
    authors: all(doc, rule.author, scan).map(text).filter(Boolean),
  };
}

/** Removes the rule's boilerplate from a copy of the document before Readability reads it. */
export function dropBoilerplate(doc: Document, rule: SiteRule | null): void {
  if (!rule?.drop) return;
  try {
    for (const el of Array.from(doc.querySelectorAll(rule.drop))) el.remove();
  } catch {
    // A bad selector in the table must not break extraction.
  }
}
