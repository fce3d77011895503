// Extraction then export for one document, as the command line and the golden tests run it.
import type { ExportSettings, ExtractedArticle, ExtractFailureCode } from './types';
import { extractArticle } from './extract/extract-article';
import { newArticle } from './article-record';
import { renderPost, type RenderedPost } from './export/render-post';

export type ClipResult =
  | { ok: true; extracted: ExtractedArticle; post: RenderedPost }
  | { ok: false; code: ExtractFailureCode; message: string };

export function clipDocument(doc: Document, url: string, settings: ExportSettings, now: Date): ClipResult {
  const result = extractArticle(doc, url, { now, timeZone: settings.timeZone });
  if (!result.ok) return result;
  const article = { ...newArticle(result.article, now), id: 1 };
  const body = { articleId: 1, html: result.article.html, text: result.article.text };
  return { ok: true, extracted: result.article, post: renderPost(article, body, settings, now) };
}
