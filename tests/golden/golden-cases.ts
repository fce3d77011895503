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
  {
    page: 'people-article.html',
    url: 'http://society.people.com.cn/n1/2023/0612/c1008-40011223.html',
    now: NOW,
    expect: {
      title: '山区县城建起二十座“口袋图书馆”',
      // "来源：人民网－人民日报": the portal's prefix goes, the paper stays.
      source: '人民日报',
      siteName: '人民网',
      author: '苏晓岚',
      // "2023年06月12日05:41", no space between the day and the time.
      publishedAt: '2023-06-12T05:41:00+08:00',
      siteArticleId: 'c1008-40011223',
    },
  },
  {
    page: 'thepaper-article.html',
    url: 'https://www.thepaper.cn/newsDetail_forward_23456789',
    now: NOW,
    expect: {
      title: '江边老码头改成夜间市集，首周客流超十万人次',
      // The paper publishes its own reporting: source and site are the same.
      source: '澎湃新闻',
      siteName: '澎湃新闻',
      author: '韩清扬',
      publishedAt: '2023-09-08T07:30:00+08:00',
      siteArticleId: 'newsDetail_forward_23456789',
    },
  },
  {
    page: 'qq-article.html',
    url: 'https://new.qq.com/omn/20231015/20231015A03XYZ00.html',
    now: NOW,
    expect: {
      title: '海滨小城试点“共享工具箱”，邻里借还三千多次',
      // Only the script's window.DATA names the media and carries the seconds.
      source: '海滨日报',
      siteName: '腾讯网',
      author: '程远航',
      publishedAt: '2023-10-15T19:02:33+08:00',
      siteArticleId: '20231015A03XYZ00',
    },
  },
  {
    page: 'ifeng-article.html',
    url: 'https://news.ifeng.com/c/8TqXyZaBcDe',
    now: NOW,
    expect: {
      title: '城郊农场开出“一米菜园”，上班族周末来种菜',
      source: '江城商报',
      siteName: '凤凰网',
      author: '邹明轩',
      publishedAt: '2023-11-02T14:26:51+08:00',
      siteArticleId: null,
    },
  },
  {
    page: 'toutiao-article.html',
    url: 'https://www.toutiao.com/article/7292345678901234567/',
    now: NOW,
    expect: {
      title: '老城区的修表铺开了四十年，师傅说还想再干十年',
      // The account is the publisher; the 原创 badge and the "·" are not.
      source: '北岸观察',
      siteName: '今日头条',
      author: null,
      publishedAt: '2023-10-22T08:05:00+08:00',
      siteArticleId: '7292345678901234567',
    },
  },
  {
    page: 'eastmoney-article.html',
    url: 'https://finance.eastmoney.com/a/202310202878012345.html',
    now: NOW,
    expect: {
      title: '多地推出“以旧换新”补贴，家电零售额环比回升',
      source: '江北经济参考',
      siteName: '东方财富网',
      author: '孟嘉禾',
      publishedAt: '2023-10-20T08:15:00+08:00',
      siteArticleId: '202310202878012345',
    },
  },
  { page: 'no-article.html', url: 'https://www.harborledger.example/account/login', now: NOW, expect: { failure: 'no-article' } },
];
