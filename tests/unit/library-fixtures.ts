// Shared fixtures for the library tests: a fresh fake IndexedDB per call, and page-shaped articles.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JianbaoDb } from '../../utils/db';
import { createLibrary, type Library } from '../../utils/library';
import type { ExtractedArticle } from '../../utils/types';

export function freshLibrary(name = 'jianbao-test'): { db: JianbaoDb; library: Library } {
  const db = new JianbaoDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  return { db, library: createLibrary(db) };
}

export function page(over: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    url: 'https://news.example.cn/2022/01/09/qingshanhu.html',
    title: '青山湖畔春来早',
    source: '杭州日报',
    siteName: '东方财富网',
    author: '王小明',
    publishedAt: '2022-01-09T07:48:06+08:00',
    lang: 'zh-CN',
    excerpt: null,
    leadImage: null,
    siteArticleId: null,
    html: '<p>青山湖边，游客如织。</p>',
    text: '青山湖边，游客如织。',
    ...over,
  };
}

export const at = (day: number) => new Date(Date.UTC(2026, 0, day));
