// Shared pieces of the publish tests: articles rendered by the real default renderer, a git server, clients.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'isomorphic-git/http/node';
import type { HttpClient } from 'isomorphic-git';
import type { Article, ArticleBody } from '../../utils/types';
import { createRenderer } from '../../utils/export/export-post';
import { DEFAULT_EXPORT_CONFIG } from '../../utils/export/export-config';
import { createMemoryFs } from '../../utils/publish/memory-fs';
import type { GitClients, RenderedPost } from '../../utils/publish/publish-types';

export const NOW = new Date('2026-12-01T08:00:00Z');
export const TOKEN = 'test-token-123';
export const AUTHOR = { name: 'Jianbao Test', email: 'jianbao@example.test' };

export function article(i: number, over: Partial<Article> = {}): Article {
  return {
    id: i, url: `https://news.example.cn/html/2022/${i}.html`, title: `第${i}篇：青山湖区的新闻`, source: '南昌日报', siteName: '东方财富网',
    author: null, publishedAt: '2022-01-09T07:48:06+08:00', savedAt: '2022-01-09T00:00:00.000Z', updatedAt: '2022-01-09T00:00:00.000Z',
    lang: 'zh', excerpt: null, leadImage: null, siteArticleId: `NW2022${String(i).padStart(6, '0')}`, tags: [], category: null,
    contentHash: '00000000', exportedAt: null, ...over,
  };
}

export function body(i: number, extra = ''): ArticleBody {
  return { articleId: i, html: `<p>第${i}篇的正文，记者报道。${extra}</p>\n<p>本报记者刘冕</p>`, text: `第${i}篇的正文` };
}

const renderer = createRenderer(DEFAULT_EXPORT_CONFIG);

/** The post the default preset writes for article i. */
export function post(i: number, over: Partial<Article> = {}, extra = ''): RenderedPost {
  return renderer.render(article(i, over), body(i, extra), NOW);
}

/** Fresh clients: an in-memory gitdir per publisher, as one extension page would hold. */
export function clients(httpClient: HttpClient = http): GitClients & { fs: ReturnType<typeof createMemoryFs> } {
  return { fs: createMemoryFs(), http: httpClient, gitdir: '/site.git' };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `jianbao-${prefix}-`));
}

export { http };
export { startGitServer, gitServerMissing, git, gitAsync } from '../support/git-server.mjs';
export type { GitServer } from '../support/git-server.mjs';
