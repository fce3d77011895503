// The articles the site-generator test exports: every golden page, plus hostile pages that quote template syntax and
// markup as text, plus one article edited in the library to hold the line-break characters YAML 1.1 reads as breaks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../../cli/load-document';
import { extractArticle } from '../../utils/extract/extract-article';
import { newArticle } from '../../utils/article-record';
import type { Article, ArticleBody } from '../../utils/types';
import { GOLDEN_CASES, NOW } from '../golden/golden-cases';

export interface SiteFixture {
  /** The page's file name without .html (plus a suffix for a variant). */
  name: string;
  article: Article;
  body: ArticleBody;
  now: Date;
  /** Text the article's body quotes: every built page must show it as text, unchanged. */
  bodyQuotes: string[];
  /** Text the article's excerpt (meta description) quotes: shown by the presets that print the excerpt. */
  excerptQuotes: string[];
}

/**
 * Tags every article gets. YAML 1.1 reads bare `on` as true and bare `1:20` as 80 (base 60). libyaml (Jekyll) breaks
 * lines at U+2028 and U+0085 even inside double quotes: written raw, "a\u2028 b" comes back "a\u2028b" (the space after
 * the break is eaten) and "a\u0085b" comes back "a b".
 */
export const TAGS = ['科技', 'on', '1:20', '标签\u2028 分隔', '换行\u0085标签'];

interface HostilePage {
  page: string;
  url: string;
  bodyQuotes: string[];
  excerptQuotes: string[];
}

const HOSTILE: HostilePage[] = [
  {
    page: 'liquid-quoted.html',
    url: 'https://tech.manong.example.cn/news/2024/0520/c_20240520001.htm',
    bodyQuotes: [
      '{{ site.title }}', '{% include x.html %}', '{%- if page -%}', '{% raw %}', '{% endraw %}', '{{{ triple }}}',
      // inline <code>
      '{{ site.baseurl }}', '{% link _posts/a.md %}',
      // <pre><code>
      '{%- if page.layout == "post" -%}', '<h1>{{ page.title | escape }}</h1>', '{%- endif -%}',
      '{% comment %} 注释不会输出 {% endcomment %}',
    ],
    excerptQuotes: ['{{ site.description }}', '{% include footer.html %}'],
  },
  {
    page: 'hugo-shortcodes.html',
    url: 'https://www.jikezaixian.example.cn/dev/2024/0612/c_20240612002.htm',
    bodyQuotes: [
      '{{< youtube abc >}}', '{{% notice warning %}}', '{{</* x */>}}', '{{< broken 写法',
      // <pre><code>
      '{{< figure src="/img/a.png" title="示意图" >}}', '{{% notice info %}}', '{{% /notice %}}',
      // inline <code>
      '{{< ref "about.md" >}}',
    ],
    excerptQuotes: ['{{< figure src="a.png" >}}', '{{% notice tip %}}'],
  },
  {
    page: 'markup-as-text.html',
    url: 'https://www.securitywire.example/news/2024/06/03/filters-miss-script-payloads',
    bodyQuotes: [
      '<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '<a href="javascript:alert(3)">click</a>',
      '[link](javascript:alert(4))', '{::nomarkdown}<script>alert(5)</script>{:/}', 'the entity &lt;b&gt; came out',
      // inline <code>
      '<svg onload=alert(6)>',
    ],
    excerptQuotes: ['<script>alert(7)</script>', '<img src=x onerror=alert(8)>'],
  },
  { page: 'control-chars.html', url: 'http://www.jiangcheng.example.cn/news/2024/0701/c_20240701003.htm', bodyQuotes: [], excerptQuotes: [] },
];

function extract(file: string, url: string, now: Date, id: number, name: string): { article: Article; body: ArticleBody; doc: Document } {
  const doc = loadDocument(readFileSync(file, 'utf8'), url);
  const result = extractArticle(doc, url, { now, timeZone: '+08:00' });
  if (!result.ok) throw new Error(`${name}: extraction failed: ${result.message}`);
  const article: Article = { ...newArticle(result.article, now), id, tags: [...TAGS] };
  return { article, body: { articleId: id, html: result.article.html, text: result.article.text }, doc };
}

export function siteFixtures(): SiteFixture[] {
  const out: SiteFixture[] = [];
  let id = 0;
  for (const c of GOLDEN_CASES) {
    if ('failure' in c.expect) continue;
    const now = new Date(c.now);
    const name = c.page.replace(/\.html$/, '');
    const { article, body } = extract(join(import.meta.dirname, '../golden/pages', c.page), c.url, now, ++id, name);
    out.push({ name, article, body, now, bodyQuotes: [], excerptQuotes: [] });
  }
  const now = new Date(NOW);
  for (const h of HOSTILE) {
    const name = h.page.replace(/\.html$/, '');
    const { article, body, doc } = extract(join(import.meta.dirname, 'pages', h.page), h.url, now, ++id, name);
    out.push({ name, article, body, now, bodyQuotes: h.bodyQuotes, excerptQuotes: h.excerptQuotes });
    if (h.page === 'control-chars.html') {
      // The extractor tidies most of the headline's characters away; a title, source or excerpt edited in the library
      // keeps them. These are the page's own texts as the DOM holds them (NEL, LS, PS, BOM, tab), less U+0001 and DEL:
      // the extracted article keeps U+0001 and DEL already, and a reader that refuses them would hide what it does
      // with the line breaks.
      const title = doc.querySelector('h1')!.textContent!.replace(/[\u0001\u007f]/g, '');
      const source = doc.querySelector('.source')!.textContent!.replace(/^来源：/, '');
      const excerpt = doc.querySelector('meta[name=description]')!.getAttribute('content')!;
      for (const [label, text] of [['title', title], ['source', source], ['excerpt', excerpt]]) {
        if (!/[\u0085\u2028\u2029]/.test(text)) throw new Error(`control-chars.html: the ${label} lost its NEL/LS/PS: ${JSON.stringify(text)}`);
      }
      const edited: Article = {
        ...article, id: ++id, title, source, excerpt, siteArticleId: `${article.siteArticleId}-edited`, edited: ['title', 'source', 'excerpt'],
      };
      out.push({ name: `${name}+edited`, article: edited, body: { ...body, articleId: id }, now, bodyQuotes: [], excerptQuotes: [] });
    }
  }
  return out;
}
