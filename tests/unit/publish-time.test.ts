// Publication times beyond the Chinese forms: European and American datelines, journal and microdata
// metadata, UTC metadata shown in the page's own zone, dates in the address, labels far from the headline.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDocument } from '../../cli/load-document';
import { formatJekyllDate } from '../../utils/dates';
import { findTextDates } from '../../utils/extract/text-date';
import { dayInUrl, findPublishedAt, parseMetaTime } from '../../utils/extract/publish-time';
import { readPageMetadata } from '../../utils/extract/page-metadata';
import { extractArticle } from '../../utils/extract/extract-article';

const BEIJING = 480;
const NOW = new Date('2026-11-27T04:00:00Z');
const at = (offset: number, lang?: string) => ({ now: NOW, offset, lang });
const first = (text: string, lang = 'de', offset = BEIJING) => findTextDates(text, at(offset, lang))[0]?.iso ?? null;

describe('findTextDates: European and American datelines', () => {
  it.each([
    // German: day first with dots, month names, "Uhr", a dash before the time, a two-digit year.
    ['15.09.2009', 'de', '2009-09-15T00:00:00+08:00'],
    ['Stand: 07.11.2023, 07:30 Uhr', 'de', '2023-11-07T07:30:00+08:00'],
    ['20.10.2021 - 10:24 Weitere Meldungen', 'de', '2021-10-20T10:24:00+08:00'],
    ['03.02.2022 15:34Kultur- und Strukturwandel', 'de', '2022-02-03T15:34:00+08:00'],
    ['19.10.2019 12.09 Uhr', 'de', '2019-10-19T12:09:00+08:00'],
    ['15. September 2009', 'de', '2009-09-15T00:00:00+08:00'],
    ['29. Juni 2017, 23:39 · von Tobi', 'de', '2017-06-29T23:39:00+08:00'],
    ['wurde am 19. Mai 2010 um 23:03 Uhr gepostet', 'de', '2010-05-19T23:03:00+08:00'],
    ['Mittwoch, 3. März 2021', 'de', '2021-03-03T00:00:00+08:00'],
    ['12. Jänner 2020', 'de', '2020-01-12T00:00:00+08:00'],
    ['Von: Björn Jahner | 31.10.23', 'de', '2023-10-31T00:00:00+08:00'],
    // English: month first with names, ordinals, abbreviations with a dot, 12-hour clocks.
    ['Sept. 3, 2019', 'en', '2019-09-03T00:00:00+08:00'],
    ['⋅ November 22, 2011 ⋅ Email this post', 'en', '2011-11-22T00:00:00+08:00'],
    ['December 29th 2019 Tweet This', 'en', '2019-12-29T00:00:00+08:00'],
    ['Updated Mar 12, 2020 @ 10:42 am', 'en', '2020-03-12T10:42:00+08:00'],
    ['Monday, 6 January 2020', 'en-GB', '2020-01-06T00:00:00+08:00'],
    ['Saturday, September 10th, 2005 10:56 pm', 'en', '2005-09-10T22:56:00+08:00'],
    ['9/17/2004 5:54:13 AM', 'en', '2004-09-17T05:54:13+08:00'],
    ['04/05/2022', 'en-US', '2022-04-05T00:00:00+08:00'],
    // French, Spanish, Portuguese, Italian, Polish, Dutch.
    ['par Florence Audier, le 15 septembre 2009', 'fr', '2009-09-15T00:00:00+08:00'],
    ['le 1er février 2021 à 14h30', 'fr', '2021-02-01T14:30:00+08:00'],
    ['04 de mayo 2022, 12:00 A. M.', 'es', '2022-05-04T00:00:00+08:00'],
    ['6 May 2022 - 2:00 p. m.', 'es', '2022-05-06T14:00:00+08:00'],
    ['postado em 04/05/2022 05:49', 'pt', '2022-05-04T05:49:00+08:00'],
    ['3 de março de 2021', 'pt', '2021-03-03T00:00:00+08:00'],
    ['12 maggio 2020', 'it', '2020-05-12T00:00:00+08:00'],
    ['15 września 2009', 'pl', '2009-09-15T00:00:00+08:00'],
    ['15-09-2009', 'nl', '2009-09-15T00:00:00+08:00'],
    // A day above 12 settles the order whatever the language.
    ['13/01/2022', 'en', '2022-01-13T00:00:00+08:00'],
    // Not dates: impossible days, version numbers, scores, a month name with no day or year.
    ['31.02.2021', 'de', null],
    ['Version 1.2.3', 'de', null],
    ['Januar bis November 2021', 'de', null],
    ['Spiel 2:1 am Samstag', 'de', null],
    ['the set 5 2019 boxes', 'en', null],
  ])('%s (%s) → %s', (text, lang, want) => expect(first(text, lang)).toBe(want));

  it('reads the day-first form before the year-first one that overlaps it', () => {
    // "2019 12.09" alone would read as 9 December; "12.09" is a time only with "Uhr".
    expect(findTextDates('19.10.2019 12.09 Online seit heute', at(60, 'de')).map((d) => d.iso)).toEqual(['2019-10-19T00:00:00+01:00']);
  });

  it('keeps the Chinese forms as they were', () => {
    expect(first('2019 09/07 19:02:26', 'zh')).toBe('2019-09-07T19:02:26+08:00');
    expect(first('2022.01.09 16:31 来源：河南日报客户端', 'zh')).toBe('2022-01-09T16:31:00+08:00');
    expect(first('发布日期： 7/5/2005 9:23:57 PM', 'zh')).toBe('2005-07-05T21:23:57+08:00');
  });

  it('lists every date in the order written', () => {
    const all = findTextDates('postado em 04/05/2022 05:49 / atualizado em 05/05/2022 05:50', at(-180, 'pt'));
    expect(all.map((d) => d.iso)).toEqual(['2022-05-04T05:49:00-03:00', '2022-05-05T05:50:00-03:00']);
  });

  it('reads long blank runs after a date in linear time', () => {
    // A quadratic pattern would take minutes here (the test's timeout fails it); a linear one, milliseconds.
    const text = `1. Mai 2020${' '.repeat(200_000)}x 12. Juni 2021 um${' \t'.repeat(100_000)}x 12-05${' '.repeat(200_000)}x 2019${' '.repeat(200_000)}x`;
    expect(findTextDates(text, at(BEIJING, 'de')).map((d) => d.iso)).toEqual(['2020-05-01T00:00:00+08:00', '2021-06-12T00:00:00+08:00']);
  });

  it('never throws and yields only real times, whatever the text', () => {
    const words = fc.constantFrom('Mai', 'Sept.', 'de', 'mayo', '.', '/', ' ', ',', 'um', 'Uhr', 'a. m.', '12', '31', '2020', '09', '1er');
    fc.assert(fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 4 })), { maxLength: 20 }), (parts) => {
      for (const d of findTextDates(parts.join(''), at(BEIJING, 'de'))) expect(() => formatJekyllDate(d.iso)).not.toThrow();
    }));
  });
});

describe('parseMetaTime: day-first metadata', () => {
  it.each([
    ['27.04.2020 18:50', '2020-04-27T18:50:00+02:00'],
    ['27.04.2020', '2020-04-27T00:00:00+02:00'],
    ['31.04.2020', null],
  ])('%s → %s', (value, want) => expect(parseMetaTime(value, { now: NOW, offset: 120, zh: false })).toBe(want));
});

describe('dayInUrl', () => {
  it.each([
    ['https://www.antary.de/2017/06/29/wireshark-besuchte-urls/', '2017-06-29T00:00:00+08:00'],
    ['https://x.example/news/2021-10-20-zentrum-eroeffnet.html', '2021-10-20T00:00:00+08:00'],
    ['https://www.bmwi.de/Redaktion/DE/Meldung/2022/20220124-foerderung.html', '2022-01-24T00:00:00+08:00'],
    // A month alone, an archive's snapshot stamp or an impossible day is no publication day.
    ['https://bewegliche-lettern.de/2010/05/literatur/', null],
    ['https://web.archive.org/web/20160218174457/http://x.example/a', null],
    ['https://x.example/2021/02/30/a', null],
    ['not a url', null],
  ])('%s → %s', (url, want) => expect(dayInUrl(url, BEIJING)).toBe(want));
});

describe('findPublishedAt', () => {
  const base = { metaTimes: [] as string[], nearHeadline: [] as string[], articleText: '', zh: false };
  const opts = { now: NOW, offset: BEIJING };

  it('writes UTC metadata in the zone the page shows it in', () => {
    // JSON-LD in UTC, the dateline in Vienna: the page's day is the 19th, not the 18th.
    expect(findPublishedAt({ ...base, metaTimes: ['2019-10-18T22:04:00Z'], nearHeadline: ['Von Claudia Riedler 19. Oktober 2019 00:04 Uhr'] }, opts))
      .toBe('2019-10-19T00:04:00+02:00');
    // Another metadata field that states the same instant with its offset.
    expect(findPublishedAt({ ...base, metaTimes: ['2019-10-18T22:04:00Z', 'Sat, 19 Oct 2019 00:04:00 +0200'] }, opts))
      .toBe('2019-10-19T00:04:00+02:00');
    // A dateline that is not the same instant in any zone leaves the metadata alone.
    expect(findPublishedAt({ ...base, metaTimes: ['2019-10-18T22:04:00Z'], nearHeadline: ['19. Oktober 2019 00:11 Uhr'] }, opts))
      .toBe('2019-10-18T22:04:00+00:00');
    // Chinese pages keep the configured zone, as before.
    expect(findPublishedAt({ ...base, zh: true, metaTimes: ['2022-01-08T23:48:06Z'] }, opts)).toBe('2022-01-09T07:48:06+08:00');
  });

  it('reads offset-less times of a non-Chinese page in the offset its metadata states', () => {
    expect(findPublishedAt({ ...base, metaTimes: ['2022-02-08T14:00:00', '2022-02-09T10:00:00+01:00'] }, opts)).toBe('2022-02-08T14:00:00+01:00');
    expect(findPublishedAt({ ...base, nearHeadline: ['03.02.2022 15:34'], metaTimes: [] }, opts)).toBe('2022-02-03T15:34:00+08:00');
    expect(findPublishedAt({ ...base, zh: true, metaTimes: ['2022-02-08 14:00:00', '2022-02-09T10:00:00+01:00'] }, opts)).toBe('2022-02-08T14:00:00+08:00');
  });

  it('trusts the day in the address over a date the first lines mention, and takes the time of that day', () => {
    const url = 'https://verband.example/2021/10/20/zentrum-eroeffnet/';
    expect(findPublishedAt({ ...base, url, nearHeadline: ['Das Zentrum wurde am 18. Oktober 2021 eröffnet.'] }, opts)).toBe('2021-10-20T00:00:00+08:00');
    expect(findPublishedAt({ ...base, url, nearHeadline: ['am 18. Oktober 2021 eröffnet', '20.10.2021 - 10:24'] }, opts)).toBe('2021-10-20T10:24:00+08:00');
    expect(findPublishedAt({ ...base, url: 'https://blog.example/archive/2005/07/31/1.aspx', pageText: () => 'Posted on 2005-07-31 12:30 by x' }, opts)).toBe('2005-07-31T12:30:00+08:00');
    // Metadata still comes first.
    expect(findPublishedAt({ ...base, url, metaTimes: ['2021-10-21T08:00:00+02:00'] }, opts)).toBe('2021-10-21T08:00:00+02:00');
  });

  it('ranks modification metadata after the dateline the page shows', () => {
    const modifiedTimes = ['2021-10-22T09:00:00+02:00'];
    expect(findPublishedAt({ ...base, modifiedTimes, nearHeadline: ['20.10.2021 - 10:24 Uhr'] }, opts)).toBe('2021-10-20T10:24:00+02:00');
    expect(findPublishedAt({ ...base, modifiedTimes }, opts)).toBe('2021-10-22T09:00:00+02:00');
    // A dateline without a year ("10-08 12:00") takes it from a modification time of that month and day.
    const zh = { ...base, zh: true };
    expect(findPublishedAt({ ...zh, modifiedTimes: ['2019-10-08 12:00:57'], nearHeadline: ['10-08 12:00'] }, opts)).toBe('2019-10-08T12:00:57+08:00');
    expect(findPublishedAt({ ...zh, modifiedTimes: ['2019-10-09 12:00:57'], nearHeadline: ['10-08 12:00'] }, opts)).toBe('2026-10-08T12:00:00+08:00');
  });

  it('reads the page language for slashed dates', () => {
    expect(findPublishedAt({ ...base, lang: 'pt-BR', nearHeadline: ['postado em 04/05/2022 05:49'] }, opts)).toBe('2022-05-04T05:49:00+08:00');
    expect(findPublishedAt({ ...base, lang: 'en-US', nearHeadline: ['Posted 04/05/2022 05:49'] }, opts)).toBe('2022-04-05T05:49:00+08:00');
  });

  it('finds labelled dates anywhere on the page in other languages', () => {
    expect(findPublishedAt({ ...base, pageText: () => 'Letzte Änderung: 31.10.2023 - 14:49:39Erschienen am: 01.11.2023 Lesungen: 61' }, opts)).toBe('2023-11-01T00:00:00+08:00');
    expect(findPublishedAt({ ...base, pageText: () => 'Verkündung des Gesetzes Datum: 18.10.2021 Im Bundesgesetzblatt' }, opts)).toBe('2021-10-18T00:00:00+08:00');
    expect(findPublishedAt({ ...base, pageText: () => 'Publicado el 3 de marzo de 2021' }, opts)).toBe('2021-03-03T00:00:00+08:00');
    expect(findPublishedAt({ ...base, pageText: () => 'This entry was posted on Wednesday, May 19th, 2010 at 11:03 pm and is filed under' }, opts)).toBe('2010-05-19T23:03:00+08:00');
    expect(findPublishedAt({ ...base, pageText: () => 'Dieser Artikel Literatur und Typografie wurde am 19. Mai 2010 um 23:03 Uhr gepostet und unter Lesenswert abgelegt' }, opts)).toBe('2010-05-19T23:03:00+08:00');
    // "wurde am" alone is prose, not a label.
    expect(findPublishedAt({ ...base, pageText: () => 'Das Zentrum wurde am 18. Oktober 2021 am Erzberg eröffnet.' }, opts)).toBeNull();
    // "Update:" is not the label "Date:".
    expect(findPublishedAt({ ...base, pageText: () => 'Update: 31.10.2023 nothing else' }, opts)).toBeNull();
  });
});

describe('readPageMetadata: where pages put the time', () => {
  const page = (head: string, body = '') => loadDocument(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, 'https://x.example/a');
  it.each([
    ['<meta name="citation_publication_date" content="2020/04/07">', '', '2020/04/07'],
    ['<meta name="bepress_citation_date" content="2009-09-15">', '', '2009-09-15'],
    ['<meta name="DC:date" content="2009-09-15">', '', '2009-09-15'],
    ['<meta name="publication_date" content="2022-02-08T14:00:00">', '', '2022-02-08T14:00:00'],
    ['<meta name="vr:published-time" content="27.04.2020 18:50">', '', '27.04.2020 18:50'],
    ['', '<span itemprop="datePublished" content="2020-03-18T13:15:00.000+01:00">18.03.2020 13:15 Uhr</span>', '2020-03-18T13:15:00.000+01:00'],
    ['', '<abbr class="published" title="2008-05-01T10:00:00-07:00">May 1</abbr>', '2008-05-01T10:00:00-07:00'],
  ])('%s%s → %s', (head, body, want) => expect(readPageMetadata(page(head, body), 'https://x.example/a').publishedTimes[0]).toBe(want));

  it('skips times inside a comment thread', () => {
    const d = page('', '<article><h1>T</h1><p>x</p></article><div id="comments"><div class="comment"><time datetime="2020-09-23T18:19:06+02:00">23.09.20</time></div></div>');
    expect(readPageMetadata(d, 'https://x.example/a').publishedTimes).toEqual([]);
  });
});

describe('extractArticle: a German press release end to end', () => {
  it('takes the dateline next to the headline, in the page zone its metadata states', () => {
    const prose = '<p>' + 'Die Stadt hat am 18. Oktober 2021 ein neues Zentrum eröffnet und in Betrieb genommen. '.repeat(8) + '</p>';
    const html = `<!DOCTYPE html><html lang="de"><head><title>Zentrum eröffnet</title>
      <meta property="article:modified_time" content="2021-10-22T09:00:00+02:00"></head><body>
      <nav><a href="/">Start</a></nav><main><article><h1>Zentrum eröffnet</h1><p class="meta">20.10.2021 - 10:24 Uhr</p>${prose}${prose}</article></main></body></html>`;
    const r = extractArticle(loadDocument(html, 'https://verband.example/zentrum'), 'https://verband.example/zentrum', { now: NOW });
    expect(r.ok && r.article.publishedAt).toBe('2021-10-20T10:24:00+02:00');
  });

  it('reads a dateline set inside the headline element before a date in the navigation above it', () => {
    const prose = '<p>' + 'Nach Erhebungen des Amtes sank der Absatz von Mineralölprodukten im Zeitraum gegenüber der Vorjahresperiode deutlich. '.repeat(8) + '</p>';
    const html = `<!DOCTYPE html><html lang="de"><head><title>MineralölINFO November 2021</title></head><body>
      <nav><a href="/a">Heizen mit Erneuerbaren Energien (bis 31.12.2020)</a></nav>
      <main><h1><span class="date">27.01.2022</span><strong>MineralölINFO November 2021</strong></h1>${prose}${prose}</main></body></html>`;
    const r = extractArticle(loadDocument(html, 'https://amt.example/info'), 'https://amt.example/info', { now: NOW });
    // A German page (lang="de") with no offset in its times: Central European time, not Beijing (page-zone.ts).
    expect(r.ok && r.article.publishedAt).toBe('2022-01-27T00:00:00+01:00');
  });
});
