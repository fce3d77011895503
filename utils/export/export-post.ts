// The one export engine: an article through a preset or the user's template to `{ path, text }`, refused when its YAML is bad.
import { problem, ProblemError } from '../problem';
import type { Article, ArticleBody, ExportSettings } from '../types';
import { isoInOffset, offsetMinutes } from '../dates';
import { categorySlug } from './category-slug';
import { sourceName } from './source-name';
import { patternFilename } from './filename-pattern';
import { createHtmlToMarkdown } from './markdown';
import { escapeMarkdownText } from './markdown-text';
import { generatorEscape } from './generator-escape';
import { PRESETS, type Preset, type PresetSettings } from './presets';
import { TemplateError, compileTemplate, renderTemplate, usedNames, type BodyEscape, type TemplateVars } from './template';
import { checkPostYaml } from './post-check';

export type ExportConfig = ExportSettings & PresetSettings;

export interface ExportedPost {
  /** Relative to the export's top, e.g. `_posts/2022-01-09-NW202201092240969820.md`. */
  path: string;
  text: string;
}

function zoneMinutes(config: Pick<ExportSettings, 'timeZone'>): number {
  const offset = offsetMinutes(config.timeZone);
  if (offset === null) throw new ProblemError(problem('tz-not-offset', config.timeZone), `time zone setting is not an offset like +08:00: ${config.timeZone}`);
  return offset;
}

/** Every variable a template may use, with the names the options page lists. */
export const TEMPLATE_VARIABLES = [
  'title', 'source', 'sourceSlug', 'siteName', 'author', 'url', 'publishedAt', 'savedAt', 'exportedAt', 'tags', 'postTags',
  'clipTags', 'category', 'excerpt', 'siteArticleId', 'lang', 'leadImage', 'content', 'markdown', 'text', 'body', 'siteHost',
  'layout', 'tagSuffix', 'tagName', 'backLinkText', 'homeLinkText',
] as const;

/**
 * Variables that are markup, not page text, in the post's Markdown: the sanitized article HTML and its Markdown, and
 * the site's own texts from the settings (the back-link text holds the source already escaped). Everything else a
 * page gave us is escaped there (template.ts).
 */
const MARKUP_VARIABLES: ReadonlySet<string> = new Set(['content', 'markdown', 'body', 'siteHost', 'layout', 'tagSuffix', 'backLinkText', 'homeLinkText']);

/**
 * The template variables of one article. `publishedAt` of an undated article is `now` in the user's zone (as the seed
 * format needs a date); `markdown` is only converted when `toMarkdown` is given, since Turndown is the costly part.
 */
export function postVariables(
  article: Article, body: ArticleBody, config: ExportConfig, now: Date, toMarkdown: ((html: string, url: string) => string) | null,
  slugOf: (source: string) => string = (source) => categorySlug(source, config.categoryOverrides),
): TemplateVars {
  const source = sourceName(article);
  const sourceSlug = slugOf(source);
  if (!article.publishedAt && Number.isNaN(now.getTime())) throw new ProblemError(problem('no-date'), 'an undated article needs a valid `now`');
  const publishedAt = article.publishedAt ?? isoInOffset(now, zoneMinutes(config));
  const content = body.html.replace(/^\s*\n/, '').trimEnd();
  const markdown = toMarkdown ? toMarkdown(content, article.url) : '';
  const tagName = `${source}${config.tagSuffix}`;
  return {
    title: article.title,
    source,
    sourceSlug,
    siteName: article.siteName,
    author: article.author,
    url: article.url,
    publishedAt,
    savedAt: article.savedAt,
    exportedAt: isoInOffset(now, zoneMinutes(config)),
    tags: article.tags,
    postTags: [tagName, ...article.tags.filter((t) => t !== tagName)],
    clipTags: ['jianbao', ...article.tags],
    category: article.category ?? sourceSlug,
    excerpt: article.excerpt,
    siteArticleId: article.siteArticleId,
    lang: article.lang,
    leadImage: article.leadImage,
    content,
    markdown,
    text: body.text,
    body: config.bodyFormat === 'markdown' ? markdown : content,
    siteHost: config.siteHost,
    layout: config.layout,
    tagSuffix: config.tagSuffix,
    tagName,
    backLinkText: config.backLinkText.replaceAll('{source}', escapeMarkdownText(source)),
    homeLinkText: config.homeLinkText,
  };
}

/** A template compiled once for a whole export. */
export interface PostRenderer {
  render(article: Article, body: ArticleBody, now: Date): ExportedPost;
  /** The text alone, for a batch that planned the paths already. */
  renderText(article: Article, body: ArticleBody, now: Date): string;
  /** The path the pattern gives (no body needed, no clash settled: see post-names.ts). */
  path(article: Article): string;
  /**
   * What the paths depend on (folder, pattern, zone, slug style): a recorded export name is reused while this
   * stays the same, so a re-export overwrites the post it wrote before even after an edit changed its date.
   */
  nameKey: string;
}

/** The preset a config names; an unknown id (an old or foreign setting) reads as the default preset. */
export function presetOf(config: Pick<PresetSettings, 'preset'>): Preset {
  return Object.hasOwn(PRESETS, config.preset) ? PRESETS[config.preset] : PRESETS['jekyll-news'];
}

/** Compiles the config's template (the user's, else the preset's); throws TemplateError for a broken template. */
export function createRenderer(config: ExportConfig): PostRenderer {
  const preset = presetOf(config);
  const compiled = compileTemplate(config.customTemplate ?? preset.template);
  const names = usedNames(compiled);
  const needMarkdown = names.has('markdown') || (names.has('body') && config.bodyFormat === 'markdown');
  const toMarkdown = needMarkdown ? createHtmlToMarkdown() : null;
  const escape: BodyEscape = { markupVars: MARKUP_VARIABLES, text: escapeMarkdownText, site: generatorEscape(preset.generator) };
  const path = (article: Article) => {
    const name = patternFilename(article, config.filenamePattern, config.timeZone, config.slugStyle);
    return preset.folder ? `${preset.folder}/${name}` : name;
  };
  // A library has a few dozen sources and thousands of articles: pinyin once per source.
  const slugs = new Map<string, string>();
  const slugOf = (source: string) => {
    let slug = slugs.get(source);
    if (slug === undefined) slugs.set(source, (slug = categorySlug(source, config.categoryOverrides)));
    return slug;
  };
  const renderText = (article: Article, body: ArticleBody, now: Date) => {
    const text = renderTemplate(compiled, postVariables(article, body, config, now, toMarkdown, slugOf), escape);
    try {
      checkPostYaml(text);
    } catch (err) {
      // The English names the article (for a log, the command line); the problem does not: the screen names it.
      if (err instanceof TemplateError) throw new TemplateError(err.problem, `"${article.title}": ${err.message}`, err.line);
      throw err;
    }
    return text;
  };
  return {
    path,
    renderText,
    render: (article, body, now) => ({ path: path(article), text: renderText(article, body, now) }),
    nameKey: JSON.stringify([preset.folder, config.filenamePattern, config.timeZone, config.slugStyle]),
  };
}
