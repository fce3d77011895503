// Shared pieces for the shortcut, context-menu and badge tests: the real catalogs, a tiny event, a library.
import path from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readCatalogs } from '../../locales/bundle';
import { JianbaoDb } from '../../utils/db';
import { createLibrary } from '../../utils/library';
import type { ExtractedArticle } from '../../utils/types';

const CATALOGS = readCatalogs(path.join(import.meta.dirname, '../../locales'));

/** t() over a real catalog, with chrome.i18n's $1…$9 substitution. */
export function catalogT(lang: 'en' | 'zh_CN') {
  const catalog = CATALOGS.get(lang)!;
  return (key: string, ...subs: string[]): string => {
    const message = catalog[key];
    if (message === undefined) throw new Error(`no message ${key} in ${lang}`);
    return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}

/** An event like browser.*.onX with a trigger, for APIs the fake browser does not implement. */
export function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener(fn: (...args: A) => unknown) {
      listeners.push(fn);
    },
    trigger(...args: A) {
      return Promise.all(listeners.map((fn) => fn(...args)));
    },
    get count() {
      return listeners.length;
    },
  };
}

export function testLibrary(name = 'commands-test') {
  return createLibrary(new JianbaoDb(name, { indexedDB: new IDBFactory(), IDBKeyRange }));
}

export function extracted(over: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    url: 'https://news.example.cn/2022/01/09/qingshanhu.html',
    title: '青山湖畔春来早',
    source: '南昌日报',
    siteName: '东方财富网',
    author: null,
    publishedAt: '2022-01-09T07:48:06+08:00',
    lang: 'zh-CN',
    excerpt: '青山湖边的早春。',
    leadImage: null,
    siteArticleId: null,
    html: '<p>青山湖边，游客如织。</p>',
    text: '青山湖边，游客如织。',
    ...over,
  };
}

/** Lets pending promise callbacks run (fake timers do not advance microtasks by themselves). */
export const flush = () => new Promise((r) => setImmediate(r));
