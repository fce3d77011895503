// Headline forms: kickers and subtitles inside the <h1>, logo and breadcrumb <h1>s, confirmed og titles, page spelling.
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../cli/load-document';
import { chooseTitle } from '../../utils/extract/news-title';
import { firstHeading, headlineParts, headlineText, microdataHeadline, punctFold } from '../../utils/extract/headline';
import { extractArticle } from '../../utils/extract/extract-article';

const page = (body: string, head = '', url = 'https://news.example/2024/05/story.html') =>
  loadDocument(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, url);
const PROSE = '<p>' + 'Der Gemeinderat hat am Dienstagabend lange über den neuen Haushalt beraten und ihn schließlich beschlossen. '.repeat(8) + '</p>';
const now = new Date('2024-06-01T00:00:00Z');
const titleOf = (body: string, head = '', url?: string) => {
  const r = extractArticle(page(body, head, url), url ?? 'https://news.example/2024/05/story.html', { now });
  if (!r.ok) throw new Error(r.message);
  return r.article.title;
};

describe('headline text', () => {
  it.each([
    ['a Dachzeile span', '<h1><span class="dachzeile">Nach der Wahl</span> <span class="headline">Rat beschließt Haushalt</span></h1>', 'Rat beschließt Haushalt'],
    ['a kicker', '<h1><span class="article-kicker">Exclusive</span>Council passes budget</h1>', 'Council passes budget'],
    ['a subtitle', '<h1><span>Council passes budget</span> <small class="article-subtitle">After a long night</small></h1>', 'Council passes budget'],
    ['a dated topline', '<h1><span class="topline"><span class="date">27.01.2022</span></span>Absatz im November</h1>', 'Absatz im November'],
    ['inline styles', '<h1><style>.x{color:red}</style>Council passes budget</h1>', 'Council passes budget'],
  ])('drops %s', (_, html, want) => {
    expect(headlineText(page(html).querySelector('h1')!)).toBe(want);
  });

  it('lists the parts of an <h1> made of several pieces, and none for one piece', () => {
    const d = page('<h1><span class="x">Medienmitteilung der Direktion</span>Impfen ist weiter möglich</h1><h2>Ein Teil</h2>');
    expect(headlineParts(d.querySelector('h1')!)).toEqual(['Medienmitteilung der Direktion', 'Impfen ist weiter möglich']);
    expect(headlineParts(d.querySelector('h2')!)).toEqual([]);
  });

  it('folds dashes and quotes but nothing else', () => {
    expect(punctFold('Korsetts - Shops')).toBe(punctFold('Korsetts – Shops'));
    expect(punctFold('"Arschloch": Danni')).toBe(punctFold('„Arschloch“: Danni'));
    expect(punctFold('Korsetts - Shops')).not.toBe(punctFold('Korsetts - Shop'));
  });

  it('reads a microdata headline only when it is headline-sized', () => {
    expect(microdataHeadline(page('<span itemprop="headline">Deutschland und die Ressentiments</span>'))).toBe('Deutschland und die Ressentiments');
    expect(microdataHeadline(page('<span itemprop="headline">Hi</span>'))).toBeNull();
  });
});

describe('which <h1> is the headline', () => {
  it.each([
    ['the site logo linking home', '<h1><a href="/">seelenradio</a></h1><h1>Nummer zwei: Leo ist da</h1>', 'Nummer zwei: Leo ist da'],
    ['a section link', '<h1 class="category"><a href="/de/bangkok">Bangkok</a></h1><h1 class="page-title">Grab-Bote fliegt nach Singapur</h1>', 'Grab-Bote fliegt nach Singapur'],
    ['a breadcrumb', '<h1 class="id-Breadcrumb-element-link">Nordkorea: Kim - alt</h1><h1>Kim Jong Un ist zurück</h1>', 'Kim Jong Un ist zurück'],
  ])('skips %s', (_, html, want) => {
    expect(headlineText(firstHeading(page(html), [])!)).toBe(want);
  });

  it('keeps a long linked headline and a permalink to the page itself', () => {
    expect(headlineText(firstHeading(page('<h1><a href="/doi/full/1">The Effect of Vaccination on Hospitalization</a></h1>'), [])!))
      .toBe('The Effect of Vaccination on Hospitalization');
    expect(firstHeading(page('<h1><a href="https://news.example/2024/05/story.html">Short</a></h1>'), [])).not.toBeNull();
  });
});

describe('chooseTitle', () => {
  const base = { og: null, jsonLd: null, docTitle: '', siteNames: ['Kanton Bern'] };
  it('takes the part of a several-piece <h1> that the metadata names', () => {
    expect(chooseTitle({ ...base, h1: 'Medienmitteilung der Direktion: Impfen ist weiter möglich', h1Parts: ['Medienmitteilung der Direktion:', 'Impfen ist weiter möglich'],
      og: 'Medienmitteilungen', docTitle: 'Impfen ist weiter möglich' })).toBe('Impfen ist weiter möglich');
  });

  it('does not cut an og title that the <title> confirms, even with a dash in it', () => {
    expect(chooseTitle({ ...base, h1: null, og: 'Würde des Lebens – ein Projekt', docTitle: 'Würde des Lebens – ein Projekt | Große Fragen', siteNames: ['Große Fragen'] }))
      .toBe('Würde des Lebens – ein Projekt');
  });

  it('still strips a site suffix no candidate confirms', () => {
    expect(chooseTitle({ ...base, h1: null, docTitle: 'Rat beschließt Haushalt | MDR.DE', siteNames: ['mdr.de'] })).toBe('Rat beschließt Haushalt');
  });

  it('prefers a microdata headline over an <h1> nothing confirms, not over a confirmed one', () => {
    expect(chooseTitle({ ...base, h1: 'Ein Report von der Grenze', microdata: 'Die Rückkehr der Ressentiments', soleH1: true })).toBe('Die Rückkehr der Ressentiments');
    expect(chooseTitle({ ...base, h1: 'Ein Report von der Grenze', microdata: 'Die Rückkehr der Ressentiments', og: 'Ein Report von der Grenze' })).toBe('Ein Report von der Grenze');
  });
});

describe('extracted titles', () => {
  it('writes the headline as the page shows it when og spells it plainer', () => {
    expect(titleOf(`<h1>Korsetts – Deutschland</h1><h1>Korsetts – Weltweit</h1><article><h2>Korsetts – Shops, Designer, online kaufen</h2>${PROSE}</article>`,
      '<title>Korsetts - Shops, Designer, online kaufen</title><meta property="og:title" content="Korsetts - Shops, Designer, online kaufen">'))
      .toBe('Korsetts – Shops, Designer, online kaufen');
  });

  it('without an <h1>, never takes the site name from the <title>', () => {
    expect(titleOf(`<div id="site"><a href="/">Große Fragen</a></div><article><h2 class="entry-title"><a href="/p/1" rel="bookmark">Würde des Lebens – ein Projekt</a></h2>${PROSE}</article>`,
      '<title>Würde des Lebens – ein Projekt | Große Fragen</title><meta property="og:title" content="Würde des Lebens – ein Projekt"><meta property="og:site_name" content="Große Fragen">'))
      .toBe('Würde des Lebens – ein Projekt');
  });

  it('drops the Dachzeile the <h1> carries above the headline', () => {
    expect(titleOf(`<article><h1><span class="dachzeile">Nach Corona-Lockerungen</span> <span class="headline">Autohäuser rechnen mit langsamem Anlaufen</span></h1>${PROSE}</article>`,
      '<title>Corona-Lockerungen: Autohäuser rechnen mit langsamem Anlaufen | MDR.DE</title>'))
      .toBe('Autohäuser rechnen mit langsamem Anlaufen');
  });
});
