// The golden cases: fixture page, the URL it is served at, the frozen clock, the metadata it must yield.
import type { ExtractedArticle } from '../../utils/types';

export interface GoldenCase {
  page: string;
  url: string;
  now: string;
  /** Expected metadata, or the failure the page must give. */
  expect: Partial<ExtractedArticle> | { failure: string };
}

export const NOW = '2026-11-27T04:00:00Z';
export const SEED_URL = 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201092240969820';

export const GOLDEN_CASES: GoldenCase[] = [
  {
    page: 'eastmoney-share.html',
    url: SEED_URL,
    now: NOW,
    expect: {
      url: SEED_URL,
      title: '量质双升绘宏图 民生答卷晒幸福 ——青山湖区经济社会发展迈上新台阶',
      source: '南昌日报',
      siteName: '东方财富网',
      author: '刘冕',
      publishedAt: '2022-01-09T07:48:06+08:00',
      lang: 'zh',
      siteArticleId: 'NW202201092240969820',
    },
  },
  {
    page: 'english-jsonld.html',
    url: 'https://www.harborledger.example/local/2024/03/15/ferry-pier-vote?utm_source=feed',
    now: NOW,
    expect: {
      url: 'https://www.harborledger.example/news/2024/03/15/harbor-town-votes-to-rebuild-ferry-pier',
      title: 'Harbor Town Votes to Rebuild the Old Ferry Pier',
      author: 'Jane Doe',
      publishedAt: '2024-03-15T09:30:00-04:00',
      siteName: 'The Harbor Ledger',
      lang: 'en',
    },
  },
  {
    page: 'title-quotes.html',
    url: 'http://127.0.0.1/news/2023/0506/quotes.html',
    now: NOW,
    expect: {
      title: '专家："AI\\并非万能"：他说 "明年见" ——记者手记',
      source: '新京报',
      publishedAt: '2023-05-06T14:20:00+08:00',
      lang: 'zh-CN',
    },
  },
  // Site rules (utils/extract/site-rules.ts): one fixture per row, shaped like the site's markup.
  {
    page: 'sina-article.html',
    url: 'https://news.sina.com.cn/c/2023-04-18/doc-imyqxyzw1234567.shtml',
    now: NOW,
    expect: {
      title: '南湖新区启用第二座智慧公交枢纽',
      source: '江城晚报',
      siteName: '新浪网',
      author: '欧阳明',
      // The visible dateline's minute wins over the metadata's.
      publishedAt: '2023-04-18T10:07:00+08:00',
      siteArticleId: 'doc-imyqxyzw1234567',
    },
  },
  {
    page: 'netease-article.html',
    url: 'https://www.163.com/news/article/HGK2V8QJ0001899O.html',
    now: NOW,
    expect: {
      title: '海岛小学的第一间天文教室',
      source: '海峡周报',
      siteName: '网易',
      author: '林海潮',
      publishedAt: '2022-09-03T16:42:18+08:00',
      siteArticleId: 'HGK2V8QJ0001899O',
    },
  },
  {
    page: 'xinhua-article.html',
    url: 'http://www.news.cn/local/2023-10/21/c_1129929012.htm',
    now: NOW,
    expect: {
      title: '黄河口湿地迎来今年首批越冬候鸟',
      source: '新华网',
      siteName: '新华网',
      author: '孙海燕 杜明远',
      // Year, month/day and time sit in separate elements.
      publishedAt: '2023-10-21T09:15:32+08:00',
    },
  },
  {
    page: 'weixin-article.html',
    url: 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv',
    now: NOW,
    expect: {
      title: '老街坊的修鞋摊搬进了社区服务站',
      source: '梧桐里社区',
      siteName: '微信公众平台',
      author: '周晓岚',
      // Only the script's `ct` (Unix seconds) carries the time on a saved page.
      publishedAt: '2023-09-16T10:00:00+08:00',
    },
  },
  { page: 'no-article.html', url: 'https://www.harborledger.example/account/login', now: NOW, expect: { failure: 'no-article' } },
];
