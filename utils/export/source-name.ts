// The name a post files an article under: the original publisher, else the portal, else the page's host.
import type { Article } from '../types';

export function sourceName(article: Pick<Article, 'source' | 'siteName' | 'url'>): string {
  for (const candidate of [article.source, article.siteName]) {
    const name = candidate?.trim();
    if (name) return name;
  }
  try {
    return new URL(article.url).hostname;
  } catch {
    return '';
  }
}
