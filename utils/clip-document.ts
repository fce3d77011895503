// Extraction then export for one document, as the command line and the golden tests run it: any preset, one engine.
import type { ExtractedArticle, ExtractFailureCode } from './types';
import { extractArticle } from './extract/extract-article';
import { newArticle } from './article-record';
import { createRenderer, type ExportConfig, type ExportedPost } from './export/export-post';

export type ClipResult =
  | { ok: true; extracted: ExtractedArticle; post: ExportedPost }
  | { ok: false; code: ExtractFailureCode; message: string };

export function clipDocument(doc: Document, url: string, config: ExportConfig, now: Date): ClipResult {
  const result = extractArticle(doc, url, { now, timeZone: config.timeZone });
  if (!result.ok) return result;
  const article = { ...newArticle(result.article, now), id: 1 };
  const body = { articleId: 1, html: result.article.html, text: result.article.text };
  return { ok: true, extracted: result.article, post: createRenderer(config).render(article, body, now) };
}
