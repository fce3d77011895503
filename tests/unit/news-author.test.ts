// Author forms: byline elements, JSON-LD author arrays and references, agency credits, forum and blog names, name lines.
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../cli/load-document';
import { findAuthor, stripBylineLabel, type AuthorInput } from '../../utils/extract/news-author';
import { bylineTexts } from '../../utils/extract/byline';
import { readJsonLdArticles } from '../../utils/extract/json-ld';

const page = (body: string, head = '') => loadDocument(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, 'https://x.example/a/1');
const author = (over: Partial<AuthorInput>) => findAuthor({ nearHeadline: '', articleText: '', metaAuthors: [], siteNames: ['x.example'], ...over });
const bylines = (body: string) => {
  const d = page(body);
  return bylineTexts(d, d.querySelector('h1'));
};

describe('byline elements', () => {
  it.each([
    ['a class="byline"', '<h1>T</h1><span class="byline">tlow</span>', ['tlow']],
    ['a vcard inside "by-author", read whole', '<h1>T</h1><span class="by-author">von <span class="author vcard"><a class="url fn n">Michael Veeser</a></span></span>', ['von Michael Veeser']],
    ['side-by-side author links joined', '<h1>T</h1><p>von <a rel="author" href="/a">Michael Rädel</a>, <a rel="author" href="/b">Redaktion</a></p>', ['Michael Rädel, Redaktion']],
    ['an author box: its name, not its bio', '<h1>T</h1><div class="post--author"><div class="author--name">Steven Salentin</div><div class="author--description">Mitglied der Redaktion</div></div>', ['Steven Salentin']],
    ['a label beside the name dropped', '<h1>T</h1><div><span class="meta-prep-author">Posted</span> <span class="author">Walter von Aachen</span></div>', ['Walter von Aachen']],
  ])('%s', (_, html, want) => {
    expect(bylines(html)).toEqual(want);
  });

  it('ignores comment threads, forms and long author boxes, and reads bylines after the headline first', () => {
    expect(bylines('<h1>T</h1><div class="comments"><span class="comment-author">troll</span></div><form><div class="comment-form-author">Name</div></form>')).toEqual([]);
    expect(bylines(`<span class="author">Above</span><h1>T</h1><span class="author">Below</span><div class="author">${'x'.repeat(200)}</div>`)).toEqual(['Below', 'Above']);
  });
});

describe('findAuthor', () => {
  it.each<[string, Partial<AuthorInput>, string | null]>([
    ['a byline element when no author is declared', { bylines: () => ['Par Kab Niang'] }, 'Kab Niang'],
    ['the declared author over a byline that does not name it', { bylines: () => ['Jaiver Nieto'], metaAuthors: ['David Calle'] }, 'David Calle'],
    ['not a declared author that is the site', { bylines: () => ['Korinna Hennig'], metaAuthors: ['NDR'], siteNames: ['ndr.de'] }, 'Korinna Hennig'],
    ['a declared list without its quotes', { metaAuthors: ["'Luana Patriolino, Raphael Felice'"] }, 'Luana Patriolino, Raphael Felice'],
    ['the clean meta form when the byline only adds junk', { bylines: () => ['Tom FrancisSocial Links'], metaAuthors: ['Tom Francis'] }, 'Tom Francis'],
    ['the byline when it lists more than the meta name', { bylines: () => ['Michael L. Anderson, PhD, Carlos Dobkin, PhD'], metaAuthors: ['Michael L. Anderson'] }, 'Michael L. Anderson, PhD, Carlos Dobkin, PhD'],
    ['a newsroom-and-agency byline that names the site', { bylines: () => ['red, wien.ORF.at/Agenturen'], siteNames: ['ORF.at'] }, 'red, wien.ORF.at/Agenturen'],
    ['a labelled domain', { bylines: () => ['Autor: www.koffergepackt.com'] }, 'www.koffergepackt.com'],
    ['not a bare site name', { bylines: () => ['x.example'] }, null],
    ['not a follow button on a Chinese page', { bylines: () => ['关注'] }, null],
    ['a German agency dateline', { articleText: 'Foto: Markus Scholz/dpa Hamburg (dpa/lno) – Trotz eines Gesprächs blieb es dabei.' }, 'dpa/lno'],
    ['an agency credit closing the story', { articleText: 'Der Diktator ist zurück, hieß es. (FR mit dpa)\n\n*Teil des Netzwerks' }, 'FR mit dpa'],
    ['not a generic newsroom when the agency is credited', { metaAuthors: ['Redaktion'], articleText: 'Text. (AFP)' }, 'AFP'],
    ['a lower-case "von" with a date', { nearHeadline: 'Tipp 2 727 0 von Marianne1 am 20.09.2020 Tipp drucken' }, 'Marianne1'],
    ['not "von" in prose', { nearHeadline: 'Grüße von Berlin nach Paris' }, null],
  ])('%s', (_, over, want) => {
    expect(author(over)).toBe(want);
  });

  it.each<[string, Partial<AuthorInput>, string | null]>([
    ['a forum screen name after 作者：', { pageText: () => '楼层： 第 1 楼 作者： 放飞&心情 振威将军 … 作者：老财迷' }, '放飞&心情'],
    ['a blog "由…张贴" line', { pageText: () => '[打印] 由海姑娘张贴 @ 2005-06-10 05:41:31' }, '海姑娘'],
    ['not a broken 作者 field', { pageText: () => '作者： size="20"  来源： size="20"' }, null],
    ['a name line under the repeated headline', { title: '犬儒病', articleText: '胡平\n\n——当代中国的精神危机\n\n人心不会熄灭。' }, '胡平'],
    ['several names on their line', { title: '社会资本与再就业', articleText: '社会资本与再就业\n\n赵延东、风笑天\n\n近年来，下岗职工……' }, '赵延东 风笑天'],
    ['not a 本报讯 dateline', { articleText: '本报讯 （实习记者 樊亮 记者惠禾）13岁……' }, '樊亮 惠禾'],
    ['a sohu-style dateline name', { nearHeadline: 'BUSINESS.SOHU.COM 2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]' }, '黄宇'],
    ['a closing credit with a sign-off line', { articleText: '一位自甘穷酸的外科医生。 （袁源） 北京大学医学部新闻中心' }, '袁源'],
    ['never an editor', { articleText: '正文。\n\n（ 责任编辑：魏喆 ）' }, null],
  ])('%s', (_, over, want) => {
    expect(author(over)).toBe(want);
  });
});

describe('byline labels', () => {
  it.each([
    ['Autor/in: Korinna Hennig', 'Korinna Hennig'],
    ['AUTOR/IN Julius Richter', 'Julius Richter'],
    ['Artikel von Alexa von Heyden', 'Alexa von Heyden'],
    ['James Whittaker -', 'James Whittaker'],
    ['LP Luana Patriolino RF Raphael Felice', 'Luana Patriolino Raphael Felice'],
    ['NOW Grenada Team', 'NOW Grenada Team'],
  ])('%s', (raw, want) => {
    expect(stripBylineLabel(raw)).toBe(want);
  });
});

describe('JSON-LD authors', () => {
  const ld = (json: unknown) => readJsonLdArticles(page('', `<script type="application/ld+json">${JSON.stringify(json)}</script>`))[0];
  it('joins an author array as the byline reads, then lists each', () => {
    expect(ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Michael Rädel' }, { '@type': 'Person', name: 'Redaktion' }] }).authors)
      .toEqual(['Michael Rädel, Redaktion', 'Michael Rädel', 'Redaktion']);
  });
  it('resolves an author given as an @id reference into the graph', () => {
    expect(ld({ '@graph': [{ '@type': 'Article', author: { '@id': '#p1' } }, { '@type': 'Person', '@id': '#p1', name: 'Steven Salentin' }] }).authors).toEqual(['Steven Salentin']);
  });
  it('reads a name given as an array and decodes HTML entities', () => {
    const a = ld({ '@type': 'Article', headline: '&#8222;Arschloch&#8220;: Danni &amp; Ennesto', author: { '@type': 'Person', name: ['Redaktion'] } });
    expect(a.headline).toBe('„Arschloch“: Danni & Ennesto');
    expect(a.authors).toEqual(['Redaktion']);
  });
  it('reads JSON-LD whose strings hold raw line breaks and tabs (invalid JSON that CMSs write)', () => {
    const raw = '{"@type": "NewsArticle", "headline": "Zwei\n\tZeilen", "datePublished": "2022-05-04T10:00:00-03:00"}';
    const a = readJsonLdArticles(page('', `<script type="application/ld+json">${raw}</script>`))[0];
    expect(a?.headline).toBe('Zwei Zeilen');
    expect(a?.datePublished).toBe('2022-05-04T10:00:00-03:00');
  });
});
