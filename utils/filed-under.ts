// Where an export will file an article (the default preset's `categories` and `tags`), for the save card to say.
import type { Article, ArticleField, ExportSettings, UnsureField } from './types';
import { categorySlug } from './export/category-slug';
import { sourceName } from './export/source-name';

export interface FiledUnder {
  /** The name the post is filed under: the source, else the site's name, else the host (source-name.ts). */
  name: string;
  /** The category slug (the user's override, else the name's pinyin): the post's `categories`. */
  category: string;
  /** The post's tag: the name and the tag suffix (`某某晚报新闻`). */
  tag: string;
}

export function filedUnder(article: Pick<Article, 'source' | 'siteName' | 'url'>, settings: Pick<ExportSettings, 'categoryOverrides' | 'tagSuffix'>): FiledUnder {
  const name = sourceName(article);
  return { name, category: categorySlug(name, settings.categoryOverrides), tag: `${name}${settings.tagSuffix}` };
}

/**
 * The fields the card marks, with why: what the save was unsure of, less what the user has since corrected
 * (`edited`). A row saved before provenance was kept (no `unsure`) marks a missing source or time.
 */
export function fieldsToCheck(article: Pick<Article, 'source' | 'publishedAt' | 'unsure' | 'edited'>): Map<ArticleField, UnsureField['reason']> {
  const given: UnsureField[] = article.unsure ?? [
    ...(article.source ? [] : [{ field: 'source', reason: 'missing' } as const]),
    ...(article.publishedAt ? [] : [{ field: 'publishedAt', reason: 'missing' } as const]),
  ];
  const marks = new Map<ArticleField, UnsureField['reason']>();
  for (const u of given) if (!article.edited?.includes(u.field) && !marks.has(u.field)) marks.set(u.field, u.reason);
  return marks;
}
