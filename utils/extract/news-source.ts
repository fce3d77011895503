// Finds the original publisher (来源 / 文章来源 / 稿源), kept apart from the portal that shows the page.
import { squash } from './dom-text';
import type { PageMetadata } from './page-metadata';

// The label, then the name up to the next separator. 文章来源 is the republisher's credit line
// and is the most reliable; a bare 来源 next to the headline is often the portal itself.
// The colon may be missing when the name sits in an element of its own ("来源<span>某某晚报</span>", read as
// "来源 某某晚报"): a space then stands for it, never nothing ("来源于" is prose).
const SOURCE_RE = /(文章来源|本文来源|新闻来源|信息来源|来源|稿源|出处)(?:\s*[：:]\s*|\s+)([^\s　:：|｜,，。;；)）\]】<>"“”]{2,30})/g;
const BAD = /^(网络|互联网|网友|本站|未知|作者|编辑|记者|时间|日期|发布时间|admin|原创|转载|分享|关注|举报|评论)$/i;
// A picture credit ("Photo: Reuters", "图片来源") labels an image, not the article's publisher.
const CAPTION = /^(?:photos?|images?|pictures?|pics?|fotos?|bild(?:er)?|credits?|illustrations?|video|getty|图片?|摄影|配图)\b\s*[：:]?/i;
// "原创 南方都市报 2019-09-09 16:01": a name standing alone between the headline and the dateline's day.
const NAME_BEFORE_DATE = /^\s*(?:原创\s+)?([\u4e00-\u9fa5A-Za-z0-9·]{2,16})\s+(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}/;
// "张三/某某青年报": a reporter credited with the paper they write for; the paper is the source.
const NAME_SLASH_PAPER = /(?:^|\s)[\u4e00-\u9fa5·]{2,4}\s*[/／]\s*([\u4e00-\u9fa5A-Za-z]{2,14}(?:报|网|社|台|刊|杂志|新闻|传媒))(?=$|[\s,，。|｜)）])/;
// An unlabelled name right after the dateline ("2019-09-26 10:56:28 证券时报网") is a source
// when it is shaped like a publisher's name.
const DATELINE_NAME = /(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}日)\s+(?:原创\s+)?([\u4e00-\u9fa5A-Za-z0-9·]{2,14}(?:网|报|社|台|刊|杂志|新闻|日报|晚报|周刊|时报|在线|频道|客户端|资讯|财经|科技|传媒|观察))(?=\s|$)/;
const LABEL = /^(?:文章来源|本文来源|新闻来源|信息来源|来源|稿源|出处|source)\s*[：:]\s*/i;
const DATE_IN = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/g;

export interface SourceInput {
  nearHeadline: string;
  articleText: string;
  metaSources: string[];
  /** Texts of the elements a site rule points at. */
  elementSources?: string[];
  /** Texts of elements after the headline that the page marks class="source": weaker than a labelled line. */
  markedSources?: string[];
  /** The whole page's visible text, read lazily: a 来源 line in a footer block after the article. */
  pageText?: () => string;
  siteName: string | null;
}

function clean(name: string): string {
  return squash(name)
    .replace(/^(?:[【\[（(]+)/, '')
    .replace(/[-－—_]+$/, '')
    .replace(/(?:作者|编辑|记者|责任编辑|发布时间|时间|日期|阅读).*$/, '')
    .trim();
}

interface Candidate { name: string; strong: boolean; }

function usable(c: Candidate): boolean {
  return !CAPTION.test(c.name) && c.name.length >= 2 && c.name.length <= 30 && !BAD.test(c.name) && !/^\d/.test(c.name) && !/^https?:/.test(c.name);
}

function candidates(text: string): Candidate[] {
  return Array.from(text.matchAll(SOURCE_RE), (m) => ({ name: clean(m[2]), strong: m[1] !== '来源' && m[1] !== '出处' }))
    .filter(usable);
}

/** "来源：新京报 2019-09-07" or "2019-09-07 北京日报" as an element shows it → "新京报". */
export function sourceFromElement(text: string): string | null {
  if (CAPTION.test(squash(text))) return null;
  const labelled = candidates(text)[0];
  if (labelled) return labelled.name;
  const parts = squash(text.replace(DATE_IN, ' ').replace(LABEL, '')).split(/\s+|[|｜]/).filter(Boolean);
  const name = parts.length ? clean(parts[0]) : '';
  return usable({ name, strong: false }) ? name : null;
}

function samePublisher(a: string, b: string | null): boolean {
  if (!b) return false;
  const x = a.toLowerCase(), y = b.toLowerCase();
  return x === y || x.includes(y) || y.includes(x);
}

/** "人民网－人民日报": the portal crediting the paper it republishes → "人民日报". */
function withoutPortal(name: string, siteName: string | null): string {
  const m = /^(.{2,}?)\s*[-－—–]+\s*(.{2,})$/.exec(name);
  return m && siteName && m[1].toLowerCase() === siteName.toLowerCase() ? m[2] : name;
}

export function findSource(input: SourceInput): string | null {
  const near = input.nearHeadline.slice(0, 200);
  const dateline = DATELINE_NAME.exec(near)?.[1];
  const before = NAME_BEFORE_DATE.exec(near)?.[1];
  const paper = NAME_SLASH_PAPER.exec(near)?.[1];
  const fromElements = (texts: string[] | undefined) =>
    (texts ?? []).map((t) => sourceFromElement(t)).filter((n): n is string => !!n).map((name) => ({ name, strong: true }));
  // The credit line closes the article body, so read its tail first.
  const all = [
    ...candidates(input.articleText.slice(-400)).filter((c) => c.strong),
    ...fromElements(input.elementSources),
    ...candidates(input.nearHeadline),
    ...(paper ? [{ name: paper, strong: true }] : []),
    ...(dateline ? [{ name: dateline, strong: false }] : []),
    ...(before && usable({ name: before, strong: false }) && !/^\d/.test(before) ? [{ name: before, strong: false }] : []),
    ...fromElements(input.markedSources),
    ...candidates(input.articleText.slice(0, 300)),
    ...candidates(input.articleText.slice(-400)),
    ...input.metaSources.map((s) => ({ name: clean(s), strong: false })).filter((c) => c.name && !BAD.test(c.name) && !CAPTION.test(c.name)),
  ];
  const named = all.map((c) => ({ ...c, name: withoutPortal(c.name, input.siteName) }));
  const notPortal = named.find((c) => !samePublisher(c.name, input.siteName));
  if (notPortal) return notPortal.name;
  // A footer block after the article ("版权声明 来源：某某商报 时间：… 作者："): only when nothing nearer names one.
  const page = input.pageText?.() ?? '';
  const footer = /来源/.test(page) ? candidates(page.slice(0, 200_000)).find((c) => !samePublisher(c.name, input.siteName) && /[报网社台刊志闻媒]$/.test(c.name)) : undefined;
  return footer?.name ?? named[0]?.name ?? null;
}

/**
 * The source of a page whose text names none: a non-Chinese page is its own publisher (JSON-LD publisher,
 * og:site_name, Dublin Core); a Chinese page without a 来源 line is left without one rather than credited to the portal.
 */
export function pageAsSource(meta: PageMetadata, zh: boolean): string | null {
  return zh ? null : meta.jsonLd[0]?.publisher ?? meta.siteName ?? meta.publishers[0] ?? null;
}
