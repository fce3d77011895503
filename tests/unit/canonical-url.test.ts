// Canonical URLs that cannot lie: a canonical/og:url keys the article only on the page's own site; only http(s)
// URLs are keyed, stored or linked; a save from another site never changes a saved article.
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it } from 'vitest';
import { chooseArticleUrl } from '../../utils/extract/article-url';
import { registrableDomain, sameSite } from '../../utils/extract/registrable-domain';
import { extractArticle } from '../../utils/extract/extract-article';
import { extractSelection } from '../../utils/extract/selection';
import { extractWholePage } from '../../utils/extract/whole-page';
import type { JianbaoDb } from '../../utils/db';
import type { Library } from '../../utils/library';
import { at, freshLibrary, page } from './library-fixtures';

// ----- the registrable domain -----

// [host, its registrable domain]
const DOMAINS: Array<[string, string]> = [
  ['finance.eastmoney.com', 'eastmoney.com'],
  ['www.eastmoney.com', 'eastmoney.com'],
  ['eastmoney.com', 'eastmoney.com'],
  ['news.sina.com.cn', 'sina.com.cn'],
  ['a.b.c.people.com.cn', 'people.com.cn'],
  ['www.xxx.net.cn', 'xxx.net.cn'],
  ['www.foo.org.cn', 'foo.org.cn'],
  ['www.beijing.gov.cn', 'beijing.gov.cn'],
  ['a.gov.cn', 'a.gov.cn'],
  ['www.tsinghua.edu.cn', 'tsinghua.edu.cn'],
  ['news.example.bj.cn', 'example.bj.cn'],
  ['www.news.cn', 'news.cn'],
  ['www.thepaper.cn', 'thepaper.cn'],
  ['news.bbc.co.uk', 'bbc.co.uk'],
  ['www.scmp.com.hk', 'scmp.com.hk'],
  ['news.ltn.com.tw', 'ltn.com.tw'],
  ['www3.nhk.or.jp', 'nhk.or.jp'],
  ['www.asahi.co.jp', 'asahi.co.jp'],
  ['news.naver.co.kr', 'naver.co.kr'],
  ['www.abc.net.au', 'abc.net.au'],
  ['www.health.nsw.gov.au', 'health.nsw.gov.au'],
  ['alice.github.io', 'alice.github.io'],
  ['x.y.blogspot.com', 'y.blogspot.com'],
  ['127.0.0.1', '127.0.0.1'],
  ['localhost', 'localhost'],
  ['[::1]', '[::1]'],
  ['gov.cn', 'gov.cn'],
  ['WWW.Example.COM.', 'example.com'],
];

describe('registrableDomain', () => {
  it.each(DOMAINS)('%s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });
});

// [what it is, URL a, URL b, one site?]
const SITES: Array<[string, string, string, boolean]> = [
  ['same host', 'https://www.eastmoney.com/a', 'https://www.eastmoney.com/b', true],
  ['subdomains of one site', 'https://finance.eastmoney.com/a/1.html', 'https://www.eastmoney.com/a/1.html', true],
  ['a subdomain and its site', 'https://m.163.com/news/a/X.html', 'https://163.com/news/a/X.html', true],
  ['http and https, another port', 'http://www.example.com:8080/a', 'https://example.com/a', true],
  ['two sites', 'https://evil.example/a', 'https://www.eastmoney.com/a', false],
  ['two sites under .gov.cn', 'https://a.gov.cn/x', 'https://b.gov.cn/x', false],
  ['two sites under .com.cn', 'https://news.sina.com.cn/x', 'https://news.sohu.com.cn/x', false],
  ['one site under .com.cn', 'https://news.sina.com.cn/x', 'https://finance.sina.com.cn/y', true],
  ['two sites under .co.uk', 'https://bbc.co.uk/x', 'https://evil.co.uk/x', false],
  ['two sites under .com.hk', 'https://a.com.hk/x', 'https://b.com.hk/x', false],
  ['two sites under .com.tw', 'https://a.com.tw/x', 'https://b.com.tw/x', false],
  ['two sites under .co.jp', 'https://a.co.jp/x', 'https://b.co.jp/x', false],
  ['two sites under .co.kr', 'https://a.co.kr/x', 'https://b.co.kr/x', false],
  ['two sites under .com.au', 'https://a.com.au/x', 'https://b.com.au/x', false],
  ['two sites under .edu.cn', 'https://a.edu.cn/x', 'https://b.edu.cn/x', false],
  ['two sites under .net.cn', 'https://a.net.cn/x', 'https://b.net.cn/x', false],
  ['two sites under .org.cn', 'https://a.org.cn/x', 'https://b.org.cn/x', false],
  ['two GitHub Pages sites', 'https://alice.github.io/x', 'https://bob.github.io/x', false],
  ['two IP addresses', 'http://127.0.0.1/x', 'http://127.0.0.2/x', false],
  ['127.0.0.1 and localhost', 'http://127.0.0.1:8080/x', 'http://localhost:8080/x', false],
  ['a suffix alone is not a site of its subdomain', 'https://gov.cn/x', 'https://a.gov.cn/x', false],
  ['not http(s)', 'ftp://www.eastmoney.com/a', 'https://www.eastmoney.com/a', false],
  ['not a URL', 'www.eastmoney.com/a', 'https://www.eastmoney.com/a', false],
];

describe('sameSite', () => {
  it.each(SITES)('%s', (_what, a, b, one) => {
    expect(sameSite(a, b)).toBe(one);
    expect(sameSite(b, a)).toBe(one);
  });
});

// ----- which URL keys the article -----

const EM = 'https://finance.eastmoney.com/a/202201092240969820.html';

// [what it is, page URL, declared URLs (canonical, og:url), expected key, expected declaredCanonical]
const CHOICE: Array<[string, string, Array<string | null>, string, string | undefined]> = [
  ['no canonical: the page URL, cleaned', `${EM}?utm_source=wechat#top`, [], EM, undefined],
  ['a canonical on the same host', 'https://finance.eastmoney.com/a/x.html?from=timeline', [EM], EM, undefined],
  ['a canonical on another subdomain of the site', 'https://wap.eastmoney.com/a/202201092240969820.html', [EM], EM, undefined],
  ['a same-site canonical is cleaned too', 'https://www.eastmoney.com/s', [`${EM}?utm_medium=social&id=7#x`], `${EM}?id=7`, undefined],
  ['a canonical on another site: the page URL, the claim recorded', 'https://evil.example/copy?utm_source=x', [EM], 'https://evil.example/copy', EM],
  ['a phishing canonical', 'https://news.example.cn/a.html', ['https://phishing.example/login'], 'https://news.example.cn/a.html', 'https://phishing.example/login'],
  ['a foreign canonical, a same-site og:url: og:url keys it', 'https://www.eastmoney.com/s', ['https://phishing.example/login', EM], EM, 'https://phishing.example/login'],
  ['a non-http canonical is ignored', 'https://www.eastmoney.com/a.html', ['javascript:alert(1)', 'data:text/html,x', 'ftp://www.eastmoney.com/a'], 'https://www.eastmoney.com/a.html', undefined],
  ['a non-http canonical before a same-site og:url', 'https://wap.eastmoney.com/x', ['javascript:alert(1)', EM], EM, undefined],
  ['.gov.cn: another government site', 'https://a.gov.cn/news/1.html', ['https://b.gov.cn/news/1.html'], 'https://a.gov.cn/news/1.html', 'https://b.gov.cn/news/1.html'],
  ['.gov.cn: the same government site', 'https://www.a.gov.cn/news/1.html', ['https://a.gov.cn/news/1.html'], 'https://a.gov.cn/news/1.html', undefined],
  ['.com.cn: another site', 'https://news.sohu.com.cn/1', ['https://news.sina.com.cn/1'], 'https://news.sohu.com.cn/1', 'https://news.sina.com.cn/1'],
  ['.co.uk: another site', 'https://evil.co.uk/1', ['https://www.bbc.co.uk/news/1'], 'https://evil.co.uk/1', 'https://www.bbc.co.uk/news/1'],
  ['.co.uk: the same site', 'https://m.bbc.co.uk/news/1', ['https://www.bbc.co.uk/news/1'], 'https://www.bbc.co.uk/news/1', undefined],
  ['.com.hk / .com.tw / .co.jp / .co.kr / .com.au', 'https://a.com.hk/1', ['https://b.com.hk/1'], 'https://a.com.hk/1', 'https://b.com.hk/1'],
  ['another origin on the test machine', 'http://localhost:9000/b.html', ['http://127.0.0.1:8000/a.html'], 'http://localhost:9000/b.html', 'http://127.0.0.1:8000/a.html'],
  ['an overlong foreign canonical is not recorded', 'https://a.example/1', [`https://b.example/${'x'.repeat(3000)}`], 'https://a.example/1', undefined],
];

describe('chooseArticleUrl', () => {
  it.each(CHOICE)('%s', (_what, pageUrl, declared, url, declaredCanonical) => {
    const key = chooseArticleUrl(pageUrl, declared);
    expect(key.url).toBe(url);
    expect(key.declaredCanonical).toBe(declaredCanonical);
    expect(key.pageUrl).toBe(chooseArticleUrl(pageUrl, []).url);
  });
});

// ----- the extractors -----

const NOW = new Date('2026-11-27T12:00:00Z');
const PARAGRAPH = '<p>The town council voted on Monday to rebuild the ferry pier that storms wrecked last winter, at a cost the mayor put at four million.</p>';

function doc(url: string, head: string): Document {
  const html = `<!doctype html><html lang="en"><head><title>Harbor town votes</title>${head}</head><body><article><h1>Harbor town votes to rebuild its ferry pier</h1>${PARAGRAPH.repeat(4)}</article></body></html>`;
  return new JSDOM(html, { url: url.startsWith('http') ? url : 'https://placeholder.invalid/' }).window.document;
}

function selectFirstParagraph(d: Document) {
  const range = d.createRange();
  range.selectNodeContents(d.querySelector('p')!);
  return { rangeCount: 1, getRangeAt: () => range };
}

describe('the extractors key on the page URL when the canonical names another site', () => {
  const pageUrl = 'http://localhost:9000/copy.html?utm_source=x';
  const own = 'http://localhost:9000/copy.html';
  for (const [what, head, claim] of [
    ['link rel=canonical', `<link rel="canonical" href="${EM}">`, EM],
    ['og:url', `<meta property="og:url" content="${EM}">`, EM],
    ['a phishing canonical', '<link rel="canonical" href="https://phishing.example/login">', 'https://phishing.example/login'],
  ] as const) {
    it(`${what}: article, whole page and selection`, () => {
      const article = extractArticle(doc(pageUrl, head), pageUrl, { now: NOW });
      if (!article.ok) throw new Error(article.message);
      expect(article.article).toMatchObject({ url: own, pageUrl: own, declaredCanonical: claim });

      const whole = extractWholePage(doc(pageUrl, head), pageUrl, { now: NOW });
      if (!whole.ok) throw new Error(whole.message);
      expect(whole.article).toMatchObject({ url: own, pageUrl: own, declaredCanonical: claim });

      const d = doc(pageUrl, head);
      const picked = extractSelection(d, pageUrl, selectFirstParagraph(d), { now: NOW });
      if (!picked.ok) throw new Error(picked.message);
      expect(picked.article.url.startsWith(`${own}#:~:text=`)).toBe(true);
      expect(picked.article.declaredCanonical).toBe(claim);
    });
  }

  it('a same-site canonical is still the key, and nothing is recorded', () => {
    const url = 'https://wap.eastmoney.com/a/202201092240969820.html';
    const r = extractArticle(doc(url, `<link rel="canonical" href="${EM}">`), url, { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.article.url).toBe(EM);
    expect(r.article.pageUrl).toBe(url);
    expect('declaredCanonical' in r.article).toBe(false);
  });

  it('a javascript: or data: canonical is ignored', () => {
    const url = 'https://news.example.cn/a.html';
    const r = extractArticle(doc(url, '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,hi">'), url, { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.article.url).toBe(url);
    expect('declaredCanonical' in r.article).toBe(false);
  });
});

describe('a page whose own URL is not http(s) is refused', () => {
  for (const pageUrl of ['file:///home/me/article.html', 'ftp://news.example.cn/a.html', 'about:blank', 'data:text/html,x', 'not a url']) {
    it(pageUrl, () => {
      const d = doc(pageUrl, `<link rel="canonical" href="${EM}">`);
      expect(extractArticle(d, pageUrl, { now: NOW })).toMatchObject({ ok: false, code: 'not-http' });
      expect(extractWholePage(d, pageUrl, { now: NOW })).toMatchObject({ ok: false, code: 'not-http' });
      expect(extractSelection(d, pageUrl, selectFirstParagraph(d), { now: NOW })).toMatchObject({ ok: false, code: 'not-http' });
    });
  }
});

// ----- the library -----

describe('a save from another site never changes a saved article', () => {
  let db: JianbaoDb;
  let library: Library;
  const A = 'https://www.eastmoney.com/a/202201092240969820.html';
  const original = () => page({ url: A, pageUrl: A, title: 'Original title', html: '<p>Original body.</p>', text: 'Original body.', siteArticleId: 'NW1' });

  beforeEach(() => {
    ({ db, library } = freshLibrary());
  });

  async function snapshot() {
    const rows = await db.articles.toArray();
    const bodies = await db.bodies.toArray();
    return { rows, bodies };
  }

  it('an article keyed on another site than its page (an older extractor) is keyed on the page instead', async () => {
    const first = await library.save(original(), at(1));
    const before = await snapshot();
    const lying = page({ url: A, pageUrl: 'https://evil.example/copy', title: 'Replaced', html: '<p>Evil.</p>', text: 'Evil.' });
    const second = await library.save(lying, at(2));
    expect(second.status).toBe('created');
    expect(second.article.id).not.toBe(first.article.id);
    expect(second.article).toMatchObject({ url: 'https://evil.example/copy', declaredCanonical: A, title: 'Replaced' });
    const after = await snapshot();
    expect(after.rows.find((r) => r.id === first.article.id)).toEqual(before.rows[0]);
    expect(after.bodies.find((b) => b.articleId === first.article.id)).toEqual(before.bodies[0]);
    expect(after.rows).toHaveLength(2);
  });

  it('a row an older version keyed on a foreign canonical is not updated by the page that declared it', async () => {
    // An older version stored the row under the URL the page declared, with no page URL; saving that page
    // again (it still declares the same URL, now only recorded) must not touch the row.
    const old = await library.save(page({ url: A, title: 'Original title', html: '<p>Original body.</p>', text: 'Original body.' }), at(1));
    const before = await snapshot();
    const again = await library.save(page({ url: A, pageUrl: 'https://evil.example/copy?utm_source=x', title: 'Replaced', html: '<p>Evil.</p>', text: 'Evil.' }), at(2));
    expect(again.status).toBe('created');
    expect(again.article.url).toBe('https://evil.example/copy');
    expect((await snapshot()).rows.find((r) => r.id === old.article.id)).toEqual(before.rows[0]);
    // The same page saved once more updates its own row, still not the other.
    const third = await library.save(page({ url: 'https://evil.example/copy', pageUrl: 'https://evil.example/copy', title: 'Replaced 2' }), at(3));
    expect(third).toMatchObject({ status: 'updated', article: { id: again.article.id, title: 'Replaced 2' } });
    expect((await snapshot()).rows.find((r) => r.id === old.article.id)).toEqual(before.rows[0]);
  });

  it('a page of the same site (another subdomain) still updates its article', async () => {
    const first = await library.save(original(), at(1));
    const r = await library.save(page({ url: A, pageUrl: 'https://wap.eastmoney.com/a/202201092240969820.html', title: 'New title', html: '<p>New.</p>', text: 'New.' }), at(2));
    expect(r).toMatchObject({ status: 'updated', matched: 'url', article: { id: first.article.id, url: A, title: 'New title' } });
  });

  it('a row matched by site id on another registrable domain is not updated (the guard inside the transaction)', async () => {
    // The site-id lookup compares hosts without www./m.; gov.cn is a public suffix, so www.gov.cn and m.gov.cn
    // are two registrable domains: the row is reached, and must not be overwritten.
    const first = await library.save(page({ url: 'https://www.gov.cn/a/1.html', pageUrl: 'https://www.gov.cn/a/1.html', siteArticleId: 'X1', title: 'Original' }), at(1));
    const before = await snapshot();
    const r = await library.save(page({ url: 'https://m.gov.cn/b/1.html?from=timeline', pageUrl: 'https://m.gov.cn/b/1.html?from=timeline', siteArticleId: 'X1', title: 'Other' }), at(2));
    expect(r.status).toBe('created');
    expect(r.article).toMatchObject({ url: 'https://m.gov.cn/b/1.html', title: 'Other' });
    expect('declaredCanonical' in r.article).toBe(false);
    expect((await snapshot()).rows.find((x) => x.id === first.article.id)).toEqual(before.rows[0]);
    expect((await snapshot()).bodies.find((b) => b.articleId === first.article.id)).toEqual(before.bodies[0]);
  });

  it('the same site id on another site is another article', async () => {
    const first = await library.save(original(), at(1));
    const before = await snapshot();
    const r = await library.save(page({ url: 'https://evil.example/a/202201092240969820.html', pageUrl: 'https://evil.example/a/202201092240969820.html', siteArticleId: 'NW1', title: 'Evil' }), at(2));
    expect(r.status).toBe('created');
    expect((await snapshot()).rows.find((x) => x.id === first.article.id)).toEqual(before.rows[0]);
  });

  it('a recorded foreign canonical is stored, and dropped when the page stops declaring it', async () => {
    const own = 'https://news.example.cn/a.html';
    const r1 = await library.save(page({ url: own, pageUrl: own, declaredCanonical: 'https://phishing.example/login' }), at(1));
    expect(r1.article).toMatchObject({ url: own, declaredCanonical: 'https://phishing.example/login' });
    const r2 = await library.save(page({ url: own, pageUrl: own }), at(2));
    expect(r2.status).toBe('updated');
    expect('declaredCanonical' in r2.article).toBe(false);
    expect('declaredCanonical' in (await db.articles.get(r1.article.id!))!).toBe(false);
    // pageUrl is not a stored field.
    expect('pageUrl' in r2.article).toBe(false);
  });

  it('only http(s) URLs are stored', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x']) {
      await expect(library.save(page({ url }), at(1))).rejects.toThrow(/http or https/);
      await expect(library.save(page({ url: A, pageUrl: url }), at(1))).rejects.toThrow(/http or https/);
    }
    expect(await db.articles.count()).toBe(0);
  });
});
