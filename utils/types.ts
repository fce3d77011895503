// Shared data shapes: what extraction yields, what the library stores, what export reads.
import type { Problem } from './problem';

/** What the extract script returns for one page. Plain data: it crosses executeScript. */
export interface ExtractedArticle {
  /**
   * The article's key: its canonical URL (link rel=canonical / og:url) when that is an http(s) URL on the page's
   * own site, else the page URL; without its fragment and tracking parameters (article-url.ts).
   */
  url: string;
  /**
   * The address of the page the article was read from, cleaned like `url`: what a save checks an update
   * against (library.ts). Absent only from callers older than it (then `url` is trusted).
   */
  pageUrl?: string;
  /** A canonical or og:url the page declared on another site: recorded, never used as `url`. */
  declaredCanonical?: string;
  title: string;
  /** The original publisher (来源 / 文章来源), not the portal that republished it. */
  source: string | null;
  /** The portal or site the page was read on (og:site_name, …). */
  siteName: string | null;
  author: string | null;
  /** ISO 8601 with offset, e.g. 2022-01-09T07:48:06+08:00. */
  publishedAt: string | null;
  lang: string | null;
  excerpt: string | null;
  leadImage: string | null;
  /** The site's own id for the article, e.g. infoCode=NW202201092240969820. */
  siteArticleId: string | null;
  /** Cleaned article HTML: one block element per line, absolute links, no indents. */
  html: string;
  /** Plain text of the article, paragraphs separated by blank lines. */
  text: string;
  /**
   * How each news field was found (absent from callers older than it): `meta` the page's own metadata
   * (meta tags, JSON-LD, microdata), `rule` a site rule's selector, `label` a labelled line or an element the
   * page marks (来源：, 记者, a byline, the <h1>), `inferred` a guess (a headline chosen by agreement, a portal
   * or host standing in for the source, a name-shaped line), `none` not found.
   */
  found?: Partial<Record<ArticleField, FieldFound>>;
  /**
   * The fields the user should check before export: inferred or not found (a source that fell back to the
   * site or the host, a time without any offset on the page, a reporter guessed from a bare name). Absent: none.
   */
  unsure?: UnsureField[];
}

/** The news fields that carry how they were found. */
export type ArticleField = 'title' | 'source' | 'author' | 'publishedAt';

export type FieldFound = 'meta' | 'rule' | 'label' | 'inferred' | 'none';

/** A field the extractor is unsure of, and why. */
export interface UnsureField {
  field: ArticleField;
  /**
   * `missing`: not found; `site-name`: the source is the portal's own name; `host`: the source is the host name;
   * `no-offset`: the page states no zone, the default zone was used; `guessed`: inferred from weak evidence.
   */
  reason: 'missing' | 'site-name' | 'host' | 'no-offset' | 'guessed';
}

/** `not-http`: the page's own URL is not http(s) (file:, ftp:, …): only web pages are saved and linked. */
export type ExtractFailureCode = 'no-article' | 'too-large' | 'not-http' | 'error';

export type ExtractResult =
  | { ok: true; article: ExtractedArticle }
  /** `reason`: what made it fail, said on the card (too large: how). */
  | { ok: false; code: ExtractFailureCode; message: string; reason?: Problem };

/** A row of the `articles` table: small, what lists need. */
export interface Article {
  id?: number;
  url: string;
  title: string;
  source: string | null;
  siteName: string | null;
  author: string | null;
  publishedAt: string | null;
  /** ISO 8601 (UTC) */
  savedAt: string;
  updatedAt: string;
  lang: string | null;
  excerpt: string | null;
  leadImage: string | null;
  siteArticleId: string | null;
  tags: string[];
  category: string | null;
  contentHash: string;
  exportedAt: string | null;
  /**
   * The file this article was last exported as, and the naming settings that gave it (post-names.ts): reused
   * while they stay the same, so a re-export overwrites that file. Absent before the first export.
   */
  exportName?: ExportName;
  /** Fields the user edited in the library (title, source, …): a new save of the page keeps these. */
  edited?: string[];
  /**
   * The canonical/og:url the page declared on another site, which was not used as `url` (article-url.ts):
   * kept as a record, never linked. Absent when the page declared none or one on its own site.
   */
  declaredCanonical?: string;
  /** How the last save of the page found each news field (ExtractedArticle.found). Absent on rows saved before it. */
  found?: Partial<Record<ArticleField, FieldFound>>;
  /**
   * What the last save of the page was unsure of (ExtractedArticle.unsure; empty: nothing). A field also in `edited`
   * was settled by the user. Absent on rows saved before it.
   */
  unsure?: UnsureField[];
}

/** A recorded export file name: `key` is the naming settings (folder, pattern, zone, slug style) it was made under. */
export interface ExportName {
  key: string;
  path: string;
}

/** A row of the `bodies` table: one per article, loaded only when needed. */
export interface ArticleBody {
  articleId: number;
  html: string;
  text: string;
}

/** Export settings; defaults reproduce the seed post (see ../shared/spec). */
export interface ExportSettings {
  siteHost: string;
  layout: string;
  tagSuffix: string;
  /** Offset used when a publication time has none, e.g. "+08:00". */
  timeZone: string;
  /** Back-link text; {source} is replaced by the source name. */
  backLinkText: string;
  homeLinkText: string;
  /** Source name → category slug, overriding the pinyin default. */
  categoryOverrides: Record<string, string>;
}
