// Fixture articles for the preset golden tests: the golden pages as saved, plus hand-made edge cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../../../cli/load-document';
import { extractArticle } from '../../../utils/extract/extract-article';
import { newArticle } from '../../../utils/article-record';
import type { Article, ArticleBody } from '../../../utils/types';
import { GOLDEN_CASES, NOW } from '../golden-cases';

export const FROZEN_NOW = new Date(NOW);

export interface Fixture {
  name: string;
  article: Article;
  body: ArticleBody;
}

function fromPages(): Fixture[] {
  return GOLDEN_CASES.filter((c) => !('failure' in c.expect)).map((c, i) => {
    const html = readFileSync(join(import.meta.dirname, '../pages', c.page), 'utf8');
    const result = extractArticle(loadDocument(html, c.url), c.url, { now: FROZEN_NOW, timeZone: '+08:00' });
    if (!result.ok) throw new Error(`${c.page}: ${result.message}`);
    const id = i + 1;
    return {
      name: c.page.replace(/\.html$/, ''),
      article: { ...newArticle(result.article, FROZEN_NOW), id },
      body: { articleId: id, html: result.article.html, text: result.article.text },
    };
  });
}

const BASE: Article = {
  url: 'https://news.example.cn/a/1.html',
  title: '',
  source: null,
  siteName: null,
  author: null,
  publishedAt: null,
  savedAt: '2026-11-20T01:02:03.000Z',
  updatedAt: '2026-11-20T01:02:03.000Z',
  lang: 'zh-CN',
  excerpt: null,
  leadImage: null,
  siteArticleId: null,
  tags: [],
  category: null,
  contentHash: '00000000',
  exportedAt: null,
};

function handMade(): Fixture[] {
  const cases: [string, Partial<Article>, string][] = [
    [
      'undated-tags-excerpt',
      { id: 11, title: '重庆: 轨道交通 "新线" 开通 — yes', source: '重庆日报', author: '张三', tags: ['交通', 'yes'], excerpt: '摘要：第一行\n第二行' },
      '<p>重庆轨道交通新线今日开通。</p>\n<p>记者 张三</p>',
    ],
    [
      'markdown-rich',
      {
        id: 12,
        url: 'https://www.example.com/news/2024/05/rich.html',
        title: 'Tables, ~strikes~ & <relative> links',
        source: 'Example Times',
        siteName: 'Example',
        publishedAt: '2024-05-02T18:30:00-04:00',
        siteArticleId: 'rich/../2024',
        lang: 'en',
      },
      [
        '<h2>Results</h2>',
        '<p>See <a href="/data/table.html">the table</a> and <del>old figures</del>.</p>',
        '<table><thead><tr><th>City</th><th>Votes</th></tr></thead><tbody><tr><td>A</td><td>12</td></tr><tr><td>B</td><td>7</td></tr></tbody></table>',
        '<p><img src="img/chart.png" alt="Chart [1]"></p>',
        '<ul><li>one</li><li>two</li></ul>',
      ].join('\n'),
    ],
    ['empty-body', { id: 13, title: '', source: '', siteName: '新华网', publishedAt: '2023-12-31T23:59:59+08:00', url: 'https://news.example.cn/2023/12/31/' }, ''],
  ];
  return cases.map(([name, fields, html]) => {
    const article = { ...BASE, ...fields };
    return { name, article, body: { articleId: article.id!, html, text: html.replace(/<[^>]+>/g, '') } };
  });
}

export function fixtures(): Fixture[] {
  return [...fromPages(), ...handMade()];
}
