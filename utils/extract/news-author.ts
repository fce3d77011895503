// Finds the reporter or author: 记者 / 本报记者 / 作者 lines and English bylines, never editors or sites.
import { squash } from './dom-text';

const NAME = String.raw`[\u4e00-\u9fa5·]{2,4}`;
const NAMES = String.raw`(${NAME}(?:(?:[、,，]\s*|\s+)${NAME}){0,2})`;
const NAME_END = String.raw`(?=$|[\s）)】\]/／，,。、|｜;；:：]|报道|摄|发自|通讯员)`;
// "记者 陆一夫", "本报记者刘冕", "新京报讯（记者 裴剑飞）", "河南商报记者马俊峰/文"; not the
// "联系记者" button nor "记者节" in prose.
const REPORTER_RE = new RegExp(
  String.raw`(?:^|(?<=[（(【\[\s|｜]|讯|电|报|社|台|网|点|刊|本报|本台))(?:实习|见习|特约|驻\S{1,4})?记者\s*[：:]?\s*` + NAMES
    + NAME_END,
  'g',
);
const WRITER_RE = new RegExp(String.raw`(?:作者|撰文|撰稿|文)\s*[：:/／]\s*` + NAMES + NAME_END + '|' + String.raw`(?:专栏作者|特约作者|特约撰稿人)\s+` + NAMES + NAME_END, 'g');
const LATIN_WRITER_RE = /(?:作者|Author|By)\s*[：:]\s*([A-Za-z][\w.\-]{1,30}(?:[ \u00a0][A-Z][\w.\-]{1,20}){0,3})(?=\s|$|[|｜,，(（])/g;
const LATIN_BYLINE_RE = /(?<![\p{L}])(?:By|BY|Von|VON|Par|Por)\s+(\p{Lu}[\p{L}\d.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]+){0,2})/gu;
// "（袁源）", "（常书香 马丹阳 ）" closing the article: the reporters' credit.
const TAIL_CREDIT = new RegExp(String.raw`[（(]\s*(${NAME}(?:[\s、]+${NAME}){0,3})\s*[）)]\s*$`);
const ROLE = /^(?:通讯员|实习生|见习生|摄影|摄像|报道|编辑|制图|设计)$/;
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
}

function goodName(n: string, siteNames: string[]): boolean {
  const s = n.trim();
  if (!s || s.length > 60 || /^(?:原创|转载|佚名|匿名|未知|admin|editor)$/i.test(s) || /^(?:veröffentlicht|posted|published|updated|aktualisiert|publié|publicado)\b/i.test(s) || /@|https?:|www\.|\.(?:com|cn|net|org)\b|\d{3,}/i.test(s) || EDITOR.test(s)) return false;
  // "中文学术期刊,汉斯出版社,Hans Publishers": a keyword list, not a byline.
  if ((s.match(/[,，]/g)?.length ?? 0) >= 2 || /^[■□●◆▲【\[]|文章|作品|博客|专栏|联系|授权|通过|网络|公司|集团/.test(s)) return false;
  return !siteNames.some((site) => site && (s === site || s.includes(site) || site.includes(s)));
}

function fromText(text: string, siteNames: string[]): string | null {
  for (const re of [REPORTER_RE, WRITER_RE]) {
    for (const m of text.matchAll(re)) {
      // "记者 欧阳明 通讯员 李青": the names end where another role begins.
      const tokens = (m[1] ?? m[2]).split(/[、,， ]\s*/);
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
  let s = squash(raw.split(/\n|\t{2,}/).map((l) => l.trim()).find(Boolean) ?? '');
  // "… · von Tobi": only when a date or a separator stands before it ("Alexa von Heyden" is a name).
  const after = /^(.*?)(?:^|[\s·|,])(?:by|von|par|por|door)\s+(.+)$/i.exec(s);
  if (after && (!after[1].trim() || /\d|[·|]\s*$/.test(after[1]))) s = after[2];
  return s
    .replace(/^(?:作者|撰文|文|autor|author|über|about)\s*[：:]?\s+/i, '')
    .replace(/^(?:作者|撰文)\s*[：:]\s*/, '')
    .replace(/\s*\d+\s*(?:Artikel|articles|posts|Beiträge)$/i, '')
    .trim();
}

export function findAuthor(input: AuthorInput): string | null {
  for (const t of input.ruleAuthors ?? []) {
    const named = fromText(` ${t}`, input.siteNames);
    if (named) return named;
    const plain = squash(t).replace(/^(?:作者|文|撰文|by)\s*[：:/／]?\s*/i, '');
    if (plain.length <= 20 && goodName(plain, input.siteNames)) return plain;
  }
  const head = fromText(input.nearHeadline, input.siteNames);
  if (head) return head;
  const meta = input.metaAuthors.map(normalizeByline).find((a) => goodName(a, input.siteNames));
  if (meta) return meta;
  // "By Tim Anderson July 11, 2011" / "Von Marianne1 am 20.09.2020" under a Latin-script headline.
  for (const m of input.nearHeadline.matchAll(LATIN_BYLINE_RE)) {
    if (goodName(m[1], input.siteNames)) return m[1];
  }
  // Reporter lines sit at the start or the end of the body.
  const body = fromText(input.articleText.slice(0, 200), input.siteNames) ?? fromText(input.articleText.slice(-200), input.siteNames);
  if (body) return body;
  const credit = TAIL_CREDIT.exec(input.articleText.slice(-60).trim())?.[1];
  if (credit) {
    const names = credit.split(/[\s、]+/).filter((n) => goodName(n, input.siteNames));
    if (names.length) return names.join(' ');
  }
  if (!input.pageText) return null;
  // A labelled "作者：" line outside the extracted body (under the article, in a side box).
  const page = input.pageText();
  for (const m of page.matchAll(/(?:作者|Author)\s*[：:]\s*/gi)) {
    const hit = fromText(page.slice(m.index!, m.index! + 40), input.siteNames);
    if (hit) return hit;
  }
  return null;
}
