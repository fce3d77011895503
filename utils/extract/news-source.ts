// Finds the original publisher (来源 / 文章来源 / 稿源), kept apart from the portal that shows the page.
import { squash } from './dom-text';

// The label, then the name up to the next separator. 文章来源 is the republisher's credit line
// and is the most reliable; a bare 来源 next to the headline is often the portal itself.
const SOURCE_RE = /(文章来源|本文来源|新闻来源|信息来源|来源|稿源|出处)\s*[：:]\s*([^\s　:：|｜,，。;；)）\]】<>"“”]{2,30})/g;
const BAD = /^(网络|互联网|网友|本站|未知|作者|编辑|记者|admin)$/i;

export interface SourceInput {
  nearHeadline: string;
  articleText: string;
  metaSources: string[];
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

function candidates(text: string): Candidate[] {
  return Array.from(text.matchAll(SOURCE_RE), (m) => ({ name: clean(m[2]), strong: m[1] !== '来源' && m[1] !== '出处' }))
    .filter((c) => c.name.length >= 2 && !BAD.test(c.name) && !/^\d/.test(c.name) && !/^https?:/.test(c.name));
}

function samePublisher(a: string, b: string | null): boolean {
  if (!b) return false;
  const x = a.toLowerCase(), y = b.toLowerCase();
  return x === y || x.includes(y) || y.includes(x);
}

export function findSource(input: SourceInput): string | null {
  // The credit line closes the article body, so read its tail first.
  const all = [
    ...candidates(input.articleText.slice(-400)).filter((c) => c.strong),
    ...candidates(input.nearHeadline),
    ...candidates(input.articleText.slice(0, 300)),
    ...candidates(input.articleText.slice(-400)),
    ...input.metaSources.map((s) => ({ name: clean(s), strong: false })).filter((c) => c.name && !BAD.test(c.name)),
  ];
  const notPortal = all.find((c) => !samePublisher(c.name, input.siteName));
  return (notPortal ?? all[0])?.name ?? null;
}
