// Checks a config before it is saved: its template must compile and write valid YAML even for awkward articles.
import { problem, problemOf, type Problem } from '../problem';
import type { Article, ArticleBody } from '../types';
import { checkFilenamePattern } from './filename-pattern';
import { createRenderer, type ExportConfig } from './export-post';
import { offsetMinutes } from '../dates';

/** Titles and sources that break templates writing raw values: quotes, colons, `#`, YAML words, a fence. */
export const AWKWARD_ARTICLE: Article = {
  id: -1,
  url: 'https://example.com/news/2024/05/a.html?id=1&x="y"',
  title: '专家："AI\\并非万能" — he said: "yes" # no',
  source: '新京报: "晚报"',
  siteName: null,
  author: 'yes',
  publishedAt: '2024-05-06T14:20:00+08:00',
  savedAt: '2024-05-06T07:00:00.000Z',
  updatedAt: '2024-05-06T07:00:00.000Z',
  lang: 'zh-CN',
  excerpt: '---\n摘要: 第二行',
  leadImage: null,
  siteArticleId: 'A1',
  tags: ['on', 'a, b', '1:20'],
  category: null,
  contentHash: '00000000',
  exportedAt: null,
};
export const AWKWARD_BODY: ArticleBody = { articleId: -1, html: '<p>正文 <a href="/x">链接</a></p>', text: '正文 链接' };

/** The problems that would stop this config from exporting; empty when it is fine. */
export function checkExportConfig(config: ExportConfig, now: Date = new Date()): Problem[] {
  const problems: Problem[] = [];
  if (offsetMinutes(config.timeZone) === null) problems.push(problem('tz-not-offset', config.timeZone));
  try {
    checkFilenamePattern(config.filenamePattern);
  } catch (err) {
    problems.push(problem('in-file-name', problemOf(err)));
  }
  if (problems.length) return problems;
  try {
    createRenderer(config).render(AWKWARD_ARTICLE, AWKWARD_BODY, now);
  } catch (err) {
    problems.push(problem('in-template', problemOf(err)));
  }
  return problems;
}
