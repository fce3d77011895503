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
  { page: 'no-article.html', url: 'https://www.harborledger.example/account/login', now: NOW, expect: { failure: 'no-article' } },
];
