// Finds the reporter or author: 记者 / 本报记者 / 作者 lines and English bylines, never editors or sites.
import { squash } from './dom-text';

const NAME = String.raw`[\u4e00-\u9fa5·]{2,4}`;
const NAMES = String.raw`(${NAME}(?:(?:[、,，]\s*|\s+)${NAME}){0,2})`;
const NAME_END = String.raw`(?=$|[\s）)】\]/／，,。、|｜;；:：]|报道|摄|发自|通讯员)`;
// "记者 陆一夫", "本报记者刘冕", "新京报讯（记者 裴剑飞）", "河南商报记者马俊峰/文", "澎湃新闻记者 韩清扬"; not the
// "联系记者" button nor "记者节" in prose.
const REPORTER_RE = new RegExp(
  String.raw`(?:^|(?<=[（(【\[\s|｜]|讯|电|报|社|台|网|点|刊|闻|本报|本台))(?:实习|见习|特约|驻\S{1,4})?记者\s*[：:]?\s*` + NAMES
    + NAME_END,
  'g',
);
// "作者<span>张三</span>" reads as "作者 张三": the element boundary stands for the colon.
const WRITER_RE = new RegExp(String.raw`(?:作者|撰文|撰稿|文)\s*[：:/／]\s*` + NAMES + NAME_END + '|' + String.raw`(?:专栏作者|特约作者|特约撰稿人)\s+` + NAMES + NAME_END
  // Without a colon only one name: the next element may already be the article's first words.
  + '|' + String.raw`(?<![\u4e00-\u9fa5])作者\s+(${NAME})` + NAME_END, 'g');
// "张三/某某青年报": the reporter credited with the paper (news-source.ts takes the paper as the source).
const SLASH_PAPER = new RegExp(String.raw`(?:^|\s)(${NAME})\s*[/／]\s*[\u4e00-\u9fa5A-Za-z]{2,14}(?:报|网|社|台|刊|杂志|新闻|传媒)(?=$|[\s,，。|｜)）])`);
const LATIN_WRITER_RE = /(?:作者|Author|By)\s*[：:]\s*([A-Za-z][\w.\-]{1,30}(?:[ \u00a0][A-Z][\w.\-]{1,20}){0,3})(?=\s|$|[|｜,，(（])/g;
const LATIN_BYLINE_RE = /(?<![\p{L}])(?:By|BY|Von|VON|Par|Por)\s+(\p{Lu}[\p{L}\d.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]+){0,2})/gu;
// "（袁源）", "（常书香 马丹阳 ）" closing the article: the reporters' credit (a short sign-off line may follow).
const TAIL_CREDIT = new RegExp(String.raw`[（(]\s*(${NAME}(?:[\s、]+${NAME}){0,3})\s*[）)]\s*(?:[^\s。！？!?]{2,20})?$`);
// Forum and blog labels with a screen name: "作者： 放飞&心情", "作者:zboygirl", "楼主：…", "由海姑娘张贴".
const HANDLE = String.raw`([^\s：:，,。;；()（）\[\]【】<>="'|｜]{2,20})(?=$|[\s(（\[【|｜,，。;；])`;
const HANDLE_RE = new RegExp(String.raw`(?:作者|发帖人|楼主|发表人|博主|发布人)\s*[：:]\s*` + HANDLE, 'g');
const POSTED_BY_RE = /由\s*([^\s：:，,。;；()（）\[\]【】<>="'|｜]{2,20}?)\s*(?:张贴|发表|发布|提交)(?:于|@|\s)/g;
// A blog post's own footer: "作者:zboygirl 阅读(1660) 评论(5)"; it names the post's author even when the
// post quotes a news story with its reporters.
const POST_FOOTER_RE = new RegExp(String.raw`(?:作者|发表人|博主)\s*[：:]\s*` + HANDLE + String.raw`\s*(?:阅读|浏览|点击|评论|人气)\s*[(（:：]\s*\d`);
// A line that is only names: the author under a headline in old pages ("胡平", "赵延东、风笑天").
const NAME_LINE = new RegExp(String.raw`^[\[【(（]?\s*${NAMES}\s*[\]】)）]?(?:$|\s+(?=[【\[（(]))`);
const NOT_NAME_LINE = /^(?:关注|订阅|粉丝|私信|登录|注册|主页|作者|编辑|摘要|导读|正文|简介|前言|引言|图片|视频|相关|评论|更多|编者按|按语|提要|内容|目录|首页|返回|打印|关闭|分享|收藏|推荐|组图|全文|上一页|下一页)/;
const DATELINE_NAME = /(?:\d{1,2}:\d{2}(?::\d{2})?\s*|^\s*)[\[【]\s*([\u4e00-\u9fa5·]{2,4})\s*[\]】][^\p{L}\p{N}]{0,4}(?=来源|出处|稿源|$)/u;
// "… hieß es. (FR mit dpa)": the credit closing a wire-based story, in its last lines.
const TAIL_AGENCY = /\(((?:[\p{L}.]{1,12}\s(?:mit|with|avec|con|und|and|\/)\s)?(?:dpa|AFP|AP|Reuters|KNA|epd|APA|sda|SID|dts|AFX|ANP|EFE|ANSA|AAP)(?:\/[\w.]{1,8}){0,2}(?:,\s?[\p{L}.]{1,12})?)\)/gu;
// "von Marianne1 am 20.09.2020": a lower-case "von"/"by" is a byline only with the date after it.
const DATED_BYLINE_RE = /(?:^|\s)(?:von|by|par|por)\s+([\p{L}\d.'’\-]{2,30}(?:\s\p{Lu}[\p{L}.'’\-]{1,20}){0,2})\s+(?:am|on|le|el)\s+\d{1,2}[./]/iu;
// A newsroom, not a person: rather the agency credit below the story than this.
const GENERIC = /^(?:redaktion|editorial|editors?|staff|newsroom|rédaction|redacción|redazione|admin(?:istrator)?)$/i;
// "Hamburg (dpa/lno) –": the agency credit of a wire story.
const AGENCY_RE = /(?:^|[\s.])\p{Lu}[\p{L}.\-]{1,30}(?:[ /]\p{Lu}[\p{L}.\-]{1,30}){0,2} \(((?:dpa|AFP|AP|Reuters|KNA|epd|APA|sda|SDA|SID|dts|AFX|ANP|Belga|EFE|ANSA|AAP|PAP|CTK|TASS)(?:\/[\w.]{1,8}){0,2})\)\s*[-–—:]/u;
const ROLE = /^(?:通讯员|实习生|见习生|摄影|摄像|报道|编辑|制图|设计|整合|编译|整理|综合|翻译|编写|来源)$/;
// Words of a photo caption ("活动现场", "图为…"): a line of them is not a name.
const CAPTION_WORD = /现场|合影|留影|图为|照片|截图|海报|资料图|航拍|会场|场景|全景|剪影|风采|掠影|一角|集锦/;
// Not "The Mail On Sunday": a weekday after on/am/the is part of a name.
const WEEKDAY = /(?<!\b(?:on|the|am|of|every|le))[\s,]+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?$/i;

/**
 * A credit without what stands around the name: a weekday glued on ("Jane Roe Thursday"), the site after a comma
 * ("Jane Roe , Example.org"), a role word after it ("张三 整合", "李四 编译"); null for "No Author" and the like.
 */
export function tidyCredit(raw: string | null, siteNames: string[] = []): string | null {
  if (!raw) return raw;
  let s = squash(raw);
  for (let i = 0; i < 2; i++) {
    s = s.replace(WEEKDAY, '')
      .replace(/\s*[,|·–—-]\s*(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|news|co|cn|de|uk|io|fr|es|it|at|ch)\/?$/i, '')
      .replace(/\s*(?:整合|编译|整理|综合|翻译|编写|报道|摄)$/, '')
      .trim();
    for (const n of siteNames) {
      const name = squash(n);
      if (name && s.length > name.length && s.toLowerCase().endsWith(name.toLowerCase())) {
        const head = s.slice(0, s.length - name.length);
        if (/[\s,|·–—/-]$/.test(head)) s = head.replace(/[\s,|·–—/-]+$/, '').trim();
      }
    }
  }
  s = s.replace(/[\s,;|·]+$/, '').trim();
  if (!s || /^(?:no|unknown|anonymous|kein(?:e|er)?)\s*author$|^(?:n\/a|none|null|undefined|unknown|anonymous|guest)$/i.test(s)) return null;
  return s;
}
const EDITOR = /责任编辑|责编|编辑|校对|审核|主编/;
const NOT_NAME = /^(了解|获悉|注意|发现|看到|采访|从|在|近日|日前|表示|介绍|走访|来到|调查|观察|实地|通过|对此|随后|一行|同时|还|也|又|就|问|说)/;

export interface AuthorInput {
  /** Texts of the elements a site rule points at. */
  ruleAuthors?: string[];
  nearHeadline: string;
  articleText: string;
  metaAuthors: string[];
  siteNames: string[];
  /** The whole page's visible text, read lazily: "作者：" lines below the article. */
  pageText?: () => string;
  /** Texts of the elements the page marks as its byline (see byline.ts), best first; read lazily. */
  bylines?: () => string[];
  /** The chosen headline: old pages repeat it at the top of the body with the author's name under it. */
  title?: string;
}

function goodName(n: string, siteNames: string[]): boolean {
  const s = n.trim();
  if (!s || s.length > 60 || GENERIC.test(s) || CAPTION_WORD.test(s) || /^no\s*author$/i.test(s) || /^(?:原创|转载|佚名|匿名|未知|admin|editor)$/i.test(s) || /^(?:veröffentlicht|posted|published|updated|aktualisiert|publié|publicado)\b/i.test(s) || /@|https?:|www\.|\.(?:com|cn|net|org)\b|\d{3,}/i.test(s) || EDITOR.test(s)) return false;
  // "中文学术期刊,汉斯出版社,Hans Publishers": a keyword list, not a byline.
  if ((s.match(/[,，]/g)?.length ?? 0) >= 2 || /^[■□●◆▲【\[]|文章|作品|博客|专栏|联系|授权|通过|网络|公司|集团/.test(s)) return false;
  const low = s.toLowerCase();
  return !siteNames.some((site) => site && (low.includes(site.toLowerCase()) || site.toLowerCase().includes(low)));
}

function fromText(text: string, siteNames: string[]): string | null {
  for (const re of [REPORTER_RE, WRITER_RE]) {
    for (const m of text.matchAll(re)) {
      // "记者 欧阳明 通讯员 李青": the names end where another role begins.
      const tokens = (m[1] ?? m[2] ?? m[3]).split(/[、,， ]\s*/).map((n) => n.replace(/^(?:实习|见习)?记者/, ''));
      const role = tokens.findIndex((n) => ROLE.test(n));
      const names = (role >= 0 ? tokens.slice(0, role) : tokens).filter((n) => !NOT_NAME.test(n) && goodName(n, siteNames));
      if (names.length) return names.join(' ');
    }
  }
  for (const m of text.matchAll(LATIN_WRITER_RE)) {
    const name = m[1].trim();
    if (goodName(name, siteNames)) return name;
  }
  return null;
}

/** "29. Juni 2017, 23:39 · von Tobi" → "Tobi"; "Über Steffi\n\n1009 Artikel" → "Steffi". */
export function normalizeByline(raw: string): string {
  // "'Luana Patriolino, Raphael Felice'": quotes a template put around the whole value.
  let s = squash(raw.split(/\n|\t{2,}/).map((l) => l.trim()).find(Boolean) ?? '').replace(/^(['"“«])(.+)(['"”»])$/, '$2');
  // "… · von Tobi": only when a date or a separator stands before it ("Alexa von Heyden" is a name).
  const after = /^(.*?)(?:^|[\s·|,])(?:by|von|par|por|door)\s+(.+)$/i.exec(s);
  if (after && (!after[1].trim() || /\d|[·|]\s*$/.test(after[1]))) s = after[2];
  return s
    .replace(/^(?:作者|撰文|文|autor|author|über|about)\s*[：:]?\s+/i, '')
    .replace(/^(?:作者|撰文)\s*[：:]\s*/, '')
    .replace(/\s*\d+\s*(?:Artikel|articles|posts|Beiträge)$/i, '')
    .trim();
}

const BYLINE_LABEL = /^(?:(?:ein\s+)?(?:artikel|beitrag|text|foto)\s+von|written\s+by|posted\s+by|autor(?:in)?(?:\/in)?|author|verfasser|by|von|par|por|door|text)\s*[：:]?\s+/i;

/** "Autor/in: Korinna Hennig" → "Korinna Hennig"; "LP Luana Patriolino" (an initials avatar) → "Luana Patriolino". */
export function stripBylineLabel(s: string): string {
  let t = squash(s);
  for (let i = 0; i < 2; i++) t = t.replace(BYLINE_LABEL, '');
  // An avatar's initials count only when they are the next words' initials ("LP Luana Patriolino", not "NOW Grenada").
  t = t.replace(/(^|,\s*|\s)(\p{Lu}{2,3})\s+(\p{Lu}[\p{Ll}'’\-]+(?:\s\p{Lu}[\p{Ll}'’\-]+){1,2})/gu, (all, pre: string, ini: string, name: string) =>
    name.trim().split(/\s+/).map((w) => w[0]).join('').startsWith(ini) ? `${pre}${name}` : all);
  return t.replace(/[\s\-–—|·,:;]+$/, '').trim();
}

/** A byline element's text as a credit: "By A and B" → "A and B"; Chinese ones must hold a name. */
function fromByline(raw: string, siteNames: string[]): string | null {
  const t = squash(raw);
  if (/[\u4e00-\u9fa5]/.test(t)) {
    const named = fromText(` ${t}`, siteNames) ?? handleFrom(t, siteNames);
    if (named) return named;
    const bare = t.replace(/^(?:作者|文|撰文)\s*[：:/／]?\s*/, '');
    return new RegExp(`^${NAMES}$`).test(bare) && goodName(bare, siteNames) && !NOT_NAME_LINE.test(bare) ? bare : null;
  }
  // "Autor: www.koffergepackt.com": what an explicit label names is the byline, even a domain.
  const labelled = /^(?:autor|author|verfasser)\s*:/i.test(t);
  const s = stripBylineLabel(normalizeByline(t));
  if (labelled && /^(?:www\.)?[\w-]+(?:\.[\w-]+)+$/.test(s) && !siteNames.some((n) => s.toLowerCase().includes(n.toLowerCase()))) return s;
  // A byline may name the site's newsroom with an agency ("red, wien.ORF.at/Agenturen"): only a bare site name is rejected.
  if (!s || s.length > 100 || siteNames.some((n) => n.toLowerCase() === s.toLowerCase())) return null;
  if (/@|https?:|www\.|\d{3,}/i.test(s) || EDITOR.test(s)) return null;
  return goodName(s, []) || /[,/]/.test(s) ? s : null;
}

/** "作者： 放飞&心情", "由海姑娘张贴": a forum or blog screen name. */
function handleFrom(text: string, siteNames: string[]): string | null {
  for (const re of [HANDLE_RE, POSTED_BY_RE]) {
    for (const m of text.matchAll(re)) {
      const h = m[1].trim();
      if (!/^\d+$/.test(h) && goodName(h, siteNames) && !NOT_NAME.test(h)) return h;
    }
  }
  return null;
}

/** The first blocks of an old page's body: the headline again, then a line that is only the author's name. */
function nameLine(articleText: string, title: string | undefined, siteNames: string[]): string | null {
  const heads = title ? [squash(title), ...squash(title).split(/[：:]/).map((p) => p.trim()).filter((p) => p.length >= 4)] : [];
  const blocks = articleText.slice(0, 400).split('\n\n').slice(0, 3);
  for (let b of blocks) {
    b = squash(b);
    const head = heads.find((h) => b.startsWith(h));
    if (head) b = b.slice(head.length).trim();
    const m = NAME_LINE.exec(b);
    // "本报讯 （记者 …）" is a dateline, not a name.
    if (!m || NOT_NAME_LINE.test(m[1]) || /[讯电报社网台刊]$/.test(m[1])) continue;
    const names = m[1].split(/[、,，\s]+/).filter((n) => goodName(n, siteNames) && !NOT_NAME.test(n) && !heads.includes(n));
    if (names.length) return names.join(' ');
  }
  return null;
}

export function findAuthor(input: AuthorInput): string | null {
  return tidyCredit(creditOf(input), input.siteNames);
}

function creditOf(input: AuthorInput): string | null {
  for (const t of input.ruleAuthors ?? []) {
    const named = fromText(` ${t}`, input.siteNames);
    if (named) return named;
    const plain = squash(t).replace(/^(?:作者|文|撰文|by)\s*[：:/／]?\s*/i, '');
    if (plain.length <= 20 && goodName(plain, input.siteNames)) return plain;
  }
  const head = fromText(input.nearHeadline, input.siteNames);
  if (head) return head;
  const slashed = SLASH_PAPER.exec(input.nearHeadline.slice(0, 200))?.[1];
  if (slashed && goodName(slashed, input.siteNames)) return slashed;
  // Portal datelines: "2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]".
  const dated = DATELINE_NAME.exec(input.nearHeadline.slice(0, 200))?.[1];
  if (dated && goodName(dated, input.siteNames) && !NOT_NAME_LINE.test(dated)) return dated;
  const meta = input.metaAuthors.map((a) => tidyCredit(normalizeByline(a), input.siteNames) ?? '').find((a) => goodName(a, input.siteNames));
  let firstByline: string | null = null;
  for (const b of input.bylines?.() ?? []) {
    const named = fromByline(b, input.siteNames);
    if (!named) continue;
    if (!meta) return named;
    firstByline ??= named;
    // The visible byline confirms the declared name: keep the declared, clean form ("Tom Francis", not
    // "Tom Francis Social Links Navigation"); a byline that says more ("A, PhD") stays as shown.
    const at = named.toLowerCase().indexOf(meta.toLowerCase());
    if (at < 0) continue;
    return /^\s*[,;&/]|^\s+(?:and|und|et|y|e)\s/i.test(named.slice(at + meta.length)) ? named : meta;
  }
  // No marked element confirms the declared author: the declaration wins over a name in a teaser list.
  if (meta) return meta;
  if (firstByline) return firstByline;
  // "By Tim Anderson July 11, 2011" / "Von Marianne1 am 20.09.2020" under a Latin-script headline.
  for (const m of input.nearHeadline.matchAll(LATIN_BYLINE_RE)) {
    if (goodName(m[1], input.siteNames)) return m[1];
  }
  const signed = DATED_BYLINE_RE.exec(input.nearHeadline)?.[1];
  if (signed && goodName(signed, input.siteNames)) return signed;
  const agency = AGENCY_RE.exec(input.articleText.slice(0, 400))?.[1]
    ?? Array.from(input.articleText.slice(-300).matchAll(TAIL_AGENCY)).pop()?.[1];
  if (agency) return agency;
  const line = nameLine(input.articleText, input.title, input.siteNames);
  if (line) return line;
  const footer = input.pageText ? POST_FOOTER_RE.exec(input.pageText().slice(0, 200_000))?.[1] : undefined;
  if (footer && goodName(footer, input.siteNames)) return footer;
  // Reporter lines sit at the start or the end of the body.
  const body = fromText(input.articleText.slice(0, 200), input.siteNames) ?? fromText(input.articleText.slice(-200), input.siteNames);
  if (body) return body;
  const credit = TAIL_CREDIT.exec(input.articleText.slice(-60).trim())?.[1];
  if (credit) {
    const names = credit.split(/[\s、]+/).filter((n) => goodName(n, input.siteNames) && !ROLE.test(n));
    if (names.length) return names.join(' ');
  }
  if (!input.pageText) return null;
  // A labelled "作者：" line outside the extracted body (under the article, in a side box).
  const page = input.pageText();
  for (const m of page.matchAll(/(?:作者|Author)\s*[：:]\s*/gi)) {
    // Up to the next label: "作者： 放飞&心情 … 作者：老财迷" is the first post's author.
    const slice = page.slice(m.index!, m.index! + 40).replace(/(.{3}.*?)\s(?:作者|Author)\s*[：:].*$/is, '$1');
    const hit = fromText(slice, input.siteNames) ?? handleFrom(slice, input.siteNames);
    if (hit) return hit;
  }
  return handleFrom(page.slice(0, 100_000), input.siteNames);
}
