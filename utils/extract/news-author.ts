// Finds the reporter or author: 记者 / 本报记者 / 作者 lines and English bylines, never editors or sites.
import { squash } from './dom-text';

const NAME = String.raw`[\u4e00-\u9fa5·]{2,4}`;
const NAMES = String.raw`(${NAME}(?:[、,， ]\s*${NAME})*)`;
const REPORTER_RE = new RegExp(String.raw`(?:^|[（(【\s]|讯|电)(?:本报|本台|新华社|中新社|中新网)?(?:实习)?记者\s*[：:]?\s*` + NAMES, 'g');
const WRITER_RE = new RegExp(String.raw`(?:作者|撰文|文)\s*[：:/／]\s*` + NAMES, 'g');
const EDITOR = /责任编辑|责编|编辑|校对|审核|主编/;
const NOT_NAME = /^(了解|获悉|注意|发现|看到|采访|从|在|近日|日前|表示|介绍|走访|来到|调查|观察|实地)/;

export interface AuthorInput {
  nearHeadline: string;
  articleText: string;
  metaAuthors: string[];
  siteNames: string[];
}

function goodName(n: string, siteNames: string[]): boolean {
  const s = n.trim();
  if (!s || s.length > 60 || /@|https?:|\d{3,}/.test(s) || EDITOR.test(s)) return false;
  return !siteNames.some((site) => site && (s === site || s.includes(site) || site.includes(s)));
}

function fromText(text: string, siteNames: string[]): string | null {
  for (const re of [REPORTER_RE, WRITER_RE]) {
    for (const m of text.matchAll(re)) {
      const names = m[1].split(/[、,， ]\s*/).filter((n) => !NOT_NAME.test(n) && goodName(n, siteNames));
      if (names.length) return names.join(' ');
    }
  }
  return null;
}

export function findAuthor(input: AuthorInput): string | null {
  const head = fromText(input.nearHeadline, input.siteNames);
  if (head) return head;
  const meta = input.metaAuthors.map((a) => squash(a).replace(/^(?:by|作者[：:])\s*/i, '')).find((a) => goodName(a, input.siteNames));
  if (meta) return meta;
  // Reporter lines sit at the start or the end of the body.
  return fromText(input.articleText.slice(0, 200), input.siteNames) ?? fromText(input.articleText.slice(-200), input.siteNames);
}
