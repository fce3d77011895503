// The first-run page's sample article: the news page shipped in public/, read by the extractor a save runs.
import { browser } from 'wxt/browser';
import { extractArticle } from '@/utils/extract/extract-article';
import { newArticle } from '@/utils/article-record';
import type { Article, ArticleBody } from '@/utils/types';

export const SAMPLE_PATH = '/sample-news.html';
// The address the sample declares as its own: the preview shows a post as it would come from the news site.
const SAMPLE_ADDRESS = 'https://news.example/nc/2022/01/09/20220109123456.html';

export const sampleUrl = (): string => (browser.runtime.getURL as (p: string) => string)(SAMPLE_PATH);

export interface Sample { article: Article; body: ArticleBody }

/** The sample as a saved article (never written to the library), or null if the page could not be read. */
export async function loadSample(now: Date, timeZone: string): Promise<Sample | null> {
  const html = await (await fetch(sampleUrl())).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const r = extractArticle(doc, SAMPLE_ADDRESS, { now, timeZone });
  if (!r.ok) return null;
  return { article: { ...newArticle(r.article, now), id: 0 }, body: { articleId: 0, html: r.article.html, text: r.article.text } };
}
