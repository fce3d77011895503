// cleanArticleUrl: one article, one URL — tracking parameters and the fragment go, the article's own parameters stay byte for byte.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanArticleUrl } from '../../utils/extract/article-url';
import { extractArticle } from '../../utils/extract/extract-article';
import { extractSelection } from '../../utils/extract/selection';
import { extractWholePage } from '../../utils/extract/whole-page';
import { siteArticleId } from '../../utils/extract/site-article-id';

const SEED_URL = 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201092240969820';
const WX = 'https://mp.weixin.qq.com/s?__biz=MzA4NDI3NjcyNA==&mid=2649402613&idx=1&sn=7c2b1e4d1a9c0e8f3b2a6d5c4e3f2a1b';

// [what it is, input, expected]
const TABLE: Array<[string, string, string]> = [
  // East Money and its share page (the seed article).
  ['East Money article, utm_*', 'https://finance.eastmoney.com/a/202201092240969820.html?utm_source=wechat&utm_medium=social&utm_campaign=share',
    'https://finance.eastmoney.com/a/202201092240969820.html'],
  ['East Money share page, from=timeline', `${SEED_URL}&from=timeline`, SEED_URL],
  ['East Money share page, trackers around infoCode', 'http://finews.zning.xyz/html_News/NewsShare.html?from=timeline&infoCode=NW202201092240969820&isappinstalled=0',
    SEED_URL],
  ['the seed URL itself is left alone', SEED_URL, SEED_URL],
  ['East Money mobile, share_from, unknown uid kept', 'https://wap.eastmoney.com/a/202201092240969820.html?share_from=wechat&uid=12',
    'https://wap.eastmoney.com/a/202201092240969820.html?uid=12'],
  // WeChat.
  ['WeChat article shared on', `${WX}&chksm=87f2a4b1b0852da7c1e2d3f4a5b6c7d8e9f0&scene=21#wechat_redirect`, WX],
  ['WeChat opened in the client: every session and share parameter goes',
    'https://mp.weixin.qq.com/s?__biz=MzI1NjA0MDg2Mw==&mid=2650700012&idx=2&sn=0a1b2c&chksm=f1e2&mpshare=1&scene=1&srcid=0109abcDEF'
      + '&sharer_sharetime=1641700000000&sharer_shareid=abc123&key=deadbeef&ascene=1&uin=MTIzNDU2&devicetype=Windows+10+x64'
      + '&version=63090217&lang=zh_CN&exportkey=A%2Bb%3D&pass_ticket=x%2By&wx_header=0&fontScale=100&abtest_cookie=AAACAA%3D%3D'
      + '&nettype=WIFI&poc_token=HBx&exptype=masonry_feed&ranksessionid=1641&realreporttime=1641700000123&winzoom=1&countrycode=CN#rd',
    'https://mp.weixin.qq.com/s?__biz=MzI1NjA0MDg2Mw==&mid=2650700012&idx=2&sn=0a1b2c'],
  ['WeChat short link with client parameters', 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv?scene=25&sessionid=1641700000&subscene=10000&clicktime=1641700000&enterid=1641700000#wechat_redirect',
    'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv'],
  ['WeChat __biz percent-encoded is not decoded', 'https://mp.weixin.qq.com/s?__biz=MzA4NDI3NjcyNA%3D%3D&mid=2649402613&idx=1&sn=7c2b&scene=21',
    'https://mp.weixin.qq.com/s?__biz=MzA4NDI3NjcyNA%3D%3D&mid=2649402613&idx=1&sn=7c2b'],
  ['WeChat in upper case: SCENE, ChkSm', `${WX}&SCENE=21&ChkSm=abc`, WX],
  // Chinese portals.
  ['Sina, from=news&spm=', 'https://news.sina.com.cn/c/2023-04-18/doc-imyqxyzw1234567.shtml?from=news&spm=C73544894212.P59792322902.0.0',
    'https://news.sina.com.cn/c/2023-04-18/doc-imyqxyzw1234567.shtml'],
  ['Sina finance, unknown cref kept', 'https://finance.sina.com.cn/stock/relnews/2023-04-18/doc-imyqabc1234567.shtml?cref=cj&from=news',
    'https://finance.sina.com.cn/stock/relnews/2023-04-18/doc-imyqabc1234567.shtml?cref=cj'],
  ['Toutiao share: app and group_id stay, the share time goes',
    'https://www.toutiao.com/article/7292345678901234567/?app=news_article&timestamp=1697356800&group_id=7292345678901234567'
      + '&share_token=0d4b2c3a-1e2f-4a5b-9c8d-7e6f5a4b3c2d&tt_from=weixin&utm_source=weixin&utm_medium=toutiao_android&utm_campaign=client_share&wxshare_count=1',
    'https://www.toutiao.com/article/7292345678901234567/?app=news_article&group_id=7292345678901234567'],
  ['Toutiao short share link', 'https://m.toutiao.com/is/iJkLmNoP/?share_token=abc', 'https://m.toutiao.com/is/iJkLmNoP/'],
  ['people.cn shared in WeChat', 'http://society.people.com.cn/n1/2023/0612/c1008-40011223.html?from=singlemessage&isappinstalled=0',
    'http://society.people.com.cn/n1/2023/0612/c1008-40011223.html'],
  ['people.cn, fragment only', 'http://opinion.people.com.cn/n1/2023/0612/c1003-40011224.html#comment',
    'http://opinion.people.com.cn/n1/2023/0612/c1003-40011224.html'],
  ['The Paper, commTag (unknown) kept', 'https://www.thepaper.cn/newsDetail_forward_23456789?commTag=true',
    'https://www.thepaper.cn/newsDetail_forward_23456789?commTag=true'],
  ['The Paper mobile from a WeChat group', 'https://m.thepaper.cn/newsDetail_forward_23456789?from=groupmessage&isappinstalled=0',
    'https://m.thepaper.cn/newsDetail_forward_23456789'],
  ['NetEase spss', 'https://www.163.com/news/article/HGK2V8QJ0001899O.html?spss=adap_pc', 'https://www.163.com/news/article/HGK2V8QJ0001899O.html'],
  ['NetEase mobile spss', 'https://3g.163.com/news/article/HGK2V8QJ0001899O.html?spss=sps_sem', 'https://3g.163.com/news/article/HGK2V8QJ0001899O.html'],
  ['spss off NetEase is kept', 'https://stats.example.com/report?spss=1', 'https://stats.example.com/report?spss=1'],
  // Found by the properties below (seed 20261201): wx_* goes on every host, WeChat's wx_header too.
  ['wx_header off WeChat, with no value', 'http://finews.zning.xyz?wx_header', 'http://finews.zning.xyz'],
  ['qq.com with WeChat share parameters', 'https://new.qq.com/rain/a/20231015A03XYZ00?wx_lazy=1&wxfrom=5&wechat_share=1', 'https://new.qq.com/rain/a/20231015A03XYZ00'],
  ['Xinhua with a port-less IP host', 'http://127.0.0.1:8080/news/2023/0506/quotes.html?utm_source=x', 'http://127.0.0.1:8080/news/2023/0506/quotes.html'],
  // English sites.
  ['Guardian newsletter utm_*', 'https://www.theguardian.com/world/2024/mar/15/harbor-vote?utm_source=newsletter&utm_medium=email&utm_campaign=daily',
    'https://www.theguardian.com/world/2024/mar/15/harbor-vote'],
  ['upper-case UTM_SOURCE, trailing slash kept', 'https://www.reuters.com/world/us/story-2024-03-15/?UTM_SOURCE=Twitter&Utm_Medium=social',
    'https://www.reuters.com/world/us/story-2024-03-15/'],
  ['fbclid', 'https://apnews.com/article/ferry-pier-vote-4f1e2d3c4b5a6978?fbclid=IwAR0abcDEF_ghi-JKL', 'https://apnews.com/article/ferry-pier-vote-4f1e2d3c4b5a6978'],
  ['gclid, dclid, msclkid around an id', 'https://shop-news.example.com/story?id=4242&gclid=Cj0KCQiA&dclid=CNi&msclkid=abc',
    'https://shop-news.example.com/story?id=4242'],
  ['?ref=hn', 'https://blog.example.org/2024/03/why-ferries?ref=hn', 'https://blog.example.org/2024/03/why-ferries'],
  ['ref_src, ref_url; unknown smid kept', 'https://www.nytimes.com/2024/03/15/us/ferry.html?ref_src=twsrc%5Etfw&ref_url=https%3A%2F%2Fexample.com%2F&smid=tw-share',
    'https://www.nytimes.com/2024/03/15/us/ferry.html?smid=tw-share'],
  ['Mailchimp', 'https://news.example.com/a/1?mc_cid=abc123&mc_eid=def456', 'https://news.example.com/a/1'],
  ['_ga, igshid, yclid, page kept', 'https://x.example/a?_ga=2.123.456&igshid=MzRlODBiNWFlZA==&yclid=789&p=2', 'https://x.example/a?p=2'],
  ['every share* spelling', 'https://x.example/a?share=1&shareId=9&share_from=wx&share_token=t&SHARER_id=5&aid=12345', 'https://x.example/a?aid=12345'],
  ['names that only start like a tracker are kept', 'https://x.example/a?fromDate=2024-01-01&reference=9&refresh=1&utm=1',
    'https://x.example/a?fromDate=2024-01-01&reference=9&refresh=1&utm=1'],
  // The shape of the query.
  ['from is the only parameter: no ? left', 'https://news.example.cn/2024/0315/123456.shtml?from=timeline', 'https://news.example.cn/2024/0315/123456.shtml'],
  ['an empty query', 'https://news.example.cn/a.html?', 'https://news.example.cn/a.html'],
  ['an empty query and an empty fragment', 'https://x.example/a?#', 'https://x.example/a'],
  ['a ? inside the fragment', 'https://x.example/a#/route?utm_source=x', 'https://x.example/a'],
  ['empty pieces', 'https://x.example/a?&&id=1&&', 'https://x.example/a?id=1'],
  ['URL-encoded Chinese in the path', 'https://news.example.cn/%E6%96%B0%E9%97%BB/%E9%9D%92%E5%B1%B1%E6%B9%96.html?utm_source=wechat',
    'https://news.example.cn/%E6%96%B0%E9%97%BB/%E9%9D%92%E5%B1%B1%E6%B9%96.html'],
  ['URL-encoded Chinese in a kept parameter', 'https://so.example.cn/news?keyword=%E9%9D%92%E5%B1%B1%E6%B9%96&id=20220109&from=search',
    'https://so.example.cn/news?keyword=%E9%9D%92%E5%B1%B1%E6%B9%96&id=20220109'],
  ['raw Chinese in a kept parameter is not encoded', 'https://tag.example.cn/t?tag=青山湖&spm=a.b', 'https://tag.example.cn/t?tag=青山湖'],
  ['lower-case percent escapes are not rewritten', 'https://x.example/a?q=%e4%b8%ad&utm_source=x', 'https://x.example/a?q=%e4%b8%ad'],
  ['repeated parameters, in order', 'https://forum.example.com/view?id=1&utm_source=a&id=2&utm_source=b&id=3', 'https://forum.example.com/view?id=1&id=2&id=3'],
  ['a parameter with no value', 'https://www.example.com/article/123?amp&utm_medium=x', 'https://www.example.com/article/123?amp'],
  ['an empty value is kept as written', 'https://www.example.com/article/123?print=&from=', 'https://www.example.com/article/123?print='],
  ['+ in a kept value', 'https://search.example.com/news?q=ferry+pier+vote&ref=nav', 'https://search.example.com/news?q=ferry+pier+vote'],
  ['a percent-encoded tracker name', 'https://x.example/a?utm%5Fsource=x&id=9', 'https://x.example/a?id=9'],
  // Time stamps: cache-busters go, ids stay.
  ['t in Unix seconds', 'https://x.example/a.html?t=1641700000', 'https://x.example/a.html'],
  ['jQuery _ in milliseconds', 'https://x.example/a.html?id=77&_=1641700000123', 'https://x.example/a.html?id=77'],
  ['phpBB topic t=12345 stays', 'https://forum.example.org/viewtopic.php?t=12345&sid=abc', 'https://forum.example.org/viewtopic.php?t=12345&sid=abc'],
  ['a video start t=90 stays', 'https://video.example.com/watch?v=abc123&t=90', 'https://video.example.com/watch?v=abc123&t=90'],
  ['timestamp that is not a time stays', 'https://x.example/a?timestamp=latest', 'https://x.example/a?timestamp=latest'],
  // WeChat's names elsewhere.
  ['version, lang, scene, chksm stay off WeChat', 'https://docs.example.com/guide?version=2&lang=en&scene=3&chksm=abc',
    'https://docs.example.com/guide?version=2&lang=en&scene=3&chksm=abc'],
  ['weixin.qq.com (not mp.) keeps lang', 'https://weixin.qq.com/cgi-bin/readtemplate?lang=zh_CN&t=weixin_faq', 'https://weixin.qq.com/cgi-bin/readtemplate?lang=zh_CN&t=weixin_faq'],
  // Not http(s), or not a URL: untouched, fragment and all.
  ['mailto', 'mailto:editor@example.com?subject=Hi&utm_source=x', 'mailto:editor@example.com?subject=Hi&utm_source=x'],
  ['ftp', 'ftp://x.example/a?utm_source=x#f', 'ftp://x.example/a?utm_source=x#f'],
  ['file', 'file:///tmp/a.html?utm_source=x#y', 'file:///tmp/a.html?utm_source=x#y'],
  ['about:blank', 'about:blank', 'about:blank'],
  ['not a URL', 'not a url?utm_source=x', 'not a url?utm_source=x'],
  ['upper-case scheme is http too; nothing else is rewritten', 'HTTPS://EXAMPLE.COM/a?utm_source=x', 'HTTPS://EXAMPLE.COM/a'],
];

describe('cleanArticleUrl: real-shaped URLs', () => {
  it.each(TABLE)('%s', (_what, input, expected) => {
    expect(cleanArticleUrl(input)).toBe(expected);
    expect(cleanArticleUrl(expected)).toBe(expected);
  });

  it('the table is large enough to mean something', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it('cleaning never changes the site article id', () => {
    for (const [, input] of TABLE) expect(siteArticleId(cleanArticleUrl(input))).toBe(siteArticleId(input));
    expect(siteArticleId(cleanArticleUrl(`${SEED_URL}&from=timeline&utm_source=wechat`))).toBe('NW202201092240969820');
  });
});

// ----- properties -----

const HOSTS = ['mp.weixin.qq.com', 'www.163.com', 'finance.eastmoney.com', 'finews.zning.xyz', 'news.sina.com.cn', 'www.toutiao.com', 'x.example'];
const WECHAT = 'mp.weixin.qq.com';

// Parameters that name the article; some are WeChat's trackers and so are kept only elsewhere.
const ID_NAMES = ['infoCode', 'id', 'aid', 'articleId', 'article_id', 'newsid', 'news_id', 'docid', 'contid', 'p', '__biz', 'mid', 'idx', 'sn',
  'page', 'q', 'keyword', 'commTag', 'app', 'group_id', 'cref', 'smid', 'v', 'sid', 'uid'];
const WECHAT_ONLY = ['scene', 'chksm', 'sessionid', 'subscene', 'clicktime', 'enterid', 'ascene', 'devicetype', 'version', 'nettype', 'lang',
  'exportkey', 'pass_ticket', 'abtest_cookie', 'fontScale', 'poc_token', 'key', 'uin'];
const EVERYWHERE = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'utm_whatever', 'spm', 'scm', 'from', 'share', 'share_token',
  'shareId', 'share_from', 'sharer_sharetime', 'fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'mc_cid', 'mc_eid', '_ga', 'igshid', 'ref', 'ref_src',
  'ref_url', 'isappinstalled', 'wechat_redirect', 'wx_lazy', 'wx_header', 'tt_from'];

const chars = (s: string) => Array.from(s);
// Query text as pages and browsers write it: escapes (upper and lower case), raw Chinese, '=' and '+', never '&' or '#'.
const valueText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...chars('abcXYZ019-._~=+/?:@!$\'()*,;')),
    fc.constantFrom('%E9%9D%92', '%e4%b8%ad', '%3D', '%2B', '%26', '%23', '%20', '青', '山', '湖', '%'),
  ),
  maxLength: 12,
});
const otherName = fc.string({ unit: fc.constantFrom(...chars('abcdefghijklmnopqrstuvwxyz0123456789_')), maxLength: 8 }).map((s) => `x${s}`);

interface Piece { kept: boolean; text: string }

function keptPiece(host: string): fc.Arbitrary<Piece> {
  const names = host === WECHAT ? ID_NAMES : [...ID_NAMES, ...WECHAT_ONLY];
  return fc.record({ name: fc.oneof(fc.constantFrom(...names), otherName), value: fc.option(valueText, { nil: undefined }) })
    .map(({ name, value }) => ({ kept: true, text: value === undefined ? name : `${name}=${value}` }));
}

function trackingPiece(host: string): fc.Arbitrary<Piece> {
  const names = host === WECHAT ? [...EVERYWHERE, ...WECHAT_ONLY] : host.endsWith('163.com') ? [...EVERYWHERE, 'spss'] : EVERYWHERE;
  const named = fc.record({ name: fc.mixedCase(fc.constantFrom(...names)), value: fc.option(valueText, { nil: undefined }) })
    .map(({ name, value }) => (value === undefined ? name : `${name}=${value}`));
  const stamp = fc.record({
    name: fc.constantFrom('t', 'timestamp', '_', 'T', 'Timestamp'),
    value: fc.oneof(fc.integer({ min: 1_000_000_000, max: 2_999_999_999 }), fc.integer({ min: 1_000_000_000_000, max: 2_999_999_999_999 })),
  }).map(({ name, value }) => `${name}=${value}`);
  return fc.oneof({ arbitrary: named, weight: 4 }, { arbitrary: stamp, weight: 1 }).map((text) => ({ kept: false, text }));
}

const articleUrl = fc.constantFrom(...HOSTS).chain((host) => fc.record({
  scheme: fc.constantFrom('http', 'https'),
  host: fc.constant(host),
  path: fc.webPath(),
  pieces: fc.array(fc.oneof(keptPiece(host), trackingPiece(host), fc.constant<Piece>({ kept: false, text: '' })), { maxLength: 8 }),
  query: fc.boolean(),
  fragment: fc.option(fc.webFragments(), { nil: undefined }),
})).map(({ scheme, host, path, pieces, query, fragment }) => {
  const base = `${scheme}://${host}${path}`;
  const q = pieces.map((p) => p.text).join('&');
  const url = `${base}${query || q ? `?${q}` : ''}${fragment === undefined ? '' : `#${fragment}`}`;
  const kept = pieces.filter((p) => p.kept).map((p) => p.text);
  return { url, base, kept, removed: pieces.filter((p) => !p.kept && p.text).map((p) => p.text) };
});

const anyWebUrl = fc.webUrl({ withQueryParameters: true, withFragments: true });

function queryPieces(url: string): string[] {
  const q = url.indexOf('?');
  return q < 0 ? [] : url.slice(q + 1).split('&');
}

describe('cleanArticleUrl: properties', () => {
  it('keeps exactly the kept parameters, byte for byte and in order, and nothing it removes', () => {
    fc.assert(fc.property(articleUrl, ({ url, base, kept, removed }) => {
      const clean = cleanArticleUrl(url);
      expect(clean).toBe(kept.length ? `${base}?${kept.join('&')}` : base);
      const left = queryPieces(clean);
      for (const r of removed) expect(left).not.toContain(r);
      expect(clean).not.toContain('#');
    }), { numRuns: 500 });
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.oneof(articleUrl.map((a) => a.url), anyWebUrl), (url) => {
      const once = cleanArticleUrl(url);
      expect(cleanArticleUrl(once)).toBe(once);
    }), { numRuns: 500 });
  });

  it('leaves scheme, host, port and path as they were', () => {
    fc.assert(fc.property(fc.oneof(articleUrl.map((a) => a.url), anyWebUrl), (url) => {
      const before = new URL(url);
      const after = new URL(cleanArticleUrl(url));
      expect([after.protocol, after.host, after.pathname]).toEqual([before.protocol, before.host, before.pathname]);
      expect(after.hash).toBe('');
    }), { numRuns: 500 });
  });

  it('never changes the site article id', () => {
    fc.assert(fc.property(fc.oneof(articleUrl.map((a) => a.url), anyWebUrl), (url) => {
      expect(siteArticleId(cleanArticleUrl(url))).toBe(siteArticleId(url));
    }), { numRuns: 500 });
  });

  it('does not touch a URL that is not http(s)', () => {
    fc.assert(fc.property(fc.webUrl({ validSchemes: ['ftp', 'file', 'ws', 'chrome-extension'], withQueryParameters: true, withFragments: true }), (url) => {
      expect(cleanArticleUrl(url)).toBe(url);
    }), { numRuns: 200 });
  });
});

// ----- the extractors key the article on the cleaned URL -----

const PAGES = path.join(import.meta.dirname, '../golden/pages');
const NOW = new Date('2026-11-27T12:00:00Z');

describe('the extractors use the cleaned URL', () => {
  const shared = `${SEED_URL}&from=timeline&utm_source=wechat&isappinstalled=0#p2`;
  const load = (url: string) => new JSDOM(readFileSync(path.join(PAGES, 'eastmoney-share.html'), 'utf8'), { url }).window.document;

  it('a page without a canonical: the article, the whole page and a selection all key on the clean page URL', () => {
    const article = extractArticle(load(shared), shared, { now: NOW });
    if (!article.ok) throw new Error(article.message);
    expect(article.article.url).toBe(SEED_URL);
    expect(article.article.siteArticleId).toBe('NW202201092240969820');

    const whole = extractWholePage(load(shared), shared, { now: NOW });
    if (!whole.ok) throw new Error(whole.message);
    expect(whole.article.url).toBe(SEED_URL);
    expect(whole.article.siteArticleId).toBe('NW202201092240969820');

    const doc = load(shared);
    const range = doc.createRange();
    range.selectNodeContents(doc.querySelector('p')!);
    const picked = extractSelection(doc, shared, { rangeCount: 1, getRangeAt: () => range }, { now: NOW });
    if (!picked.ok) throw new Error(picked.message);
    expect(picked.article.url.startsWith(`${SEED_URL}#:~:text=`)).toBe(true);
  });

  it('a canonical or og:url with tracking parameters is cleaned too', () => {
    const body = `<body><article><h1>Harbor town votes to rebuild its ferry pier</h1>${'<p>The town council voted on Monday to rebuild the ferry pier that storms wrecked last winter, at a cost the mayor put at four million.</p>'.repeat(4)}</article></body>`;
    const page = 'https://www.harborledger.example/local/ferry?utm_source=feed';
    for (const head of [
      '<link rel="canonical" href="https://www.harborledger.example/news/ferry-pier?utm_source=rss&amp;id=77&amp;fbclid=abc#top">',
      '<meta property="og:url" content="https://www.harborledger.example/news/ferry-pier?utm_source=rss&amp;id=77&amp;fbclid=abc">',
    ]) {
      const html = `<!doctype html><html lang="en"><head><title>Harbor town votes</title>${head}</head>${body}</html>`;
      const result = extractArticle(new JSDOM(html, { url: page }).window.document, page, { now: NOW });
      if (!result.ok) throw new Error(result.message);
      expect(result.article.url).toBe('https://www.harborledger.example/news/ferry-pier?id=77');
    }
  });
});
