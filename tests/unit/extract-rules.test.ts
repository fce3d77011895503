// The metadata rules one by one: site-rule lookup, headline anchor, source, author and body cleanup.
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../cli/load-document';
import { SITE_RULES, siteRuleFor, readRule } from '../../utils/extract/site-rules';
import { elementShowing, firstHeading, titlePieces } from '../../utils/extract/headline';
import { findSource, sourceFromElement } from '../../utils/extract/news-source';
import { findAuthor, normalizeByline } from '../../utils/extract/news-author';
import { cleanBody } from '../../utils/extract/clean-body';
import { extractArticle } from '../../utils/extract/extract-article';

const doc = (body: string, head = '') => loadDocument(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, 'https://x.example/');

describe('site rules', () => {
  it('finds the rule by host, most specific first, or by a marker in the markup', () => {
    const d = doc('<p>x</p>');
    expect(siteRuleFor(d, 'https://news.sina.com.cn/c/1.shtml')?.name).toBe('sina');
    expect(siteRuleFor(d, 'https://mp.weixin.qq.com/s/abc')?.name).toBe('weixin');
    expect(siteRuleFor(d, 'https://new.qq.com/rain/a/1')?.name).toBe('qq');
    expect(siteRuleFor(d, 'https://notsina.com.cn/')).toBeNull();
    expect(siteRuleFor(doc('<div id="ContentBody"><p class="em_media">（文章来源：某报）</p></div>'), 'http://mirror.example/share.html')?.name).toBe('eastmoney');
  });

  it('every row has a name, hosts and valid selectors', () => {
    const d = doc('<p>x</p>');
    for (const r of SITE_RULES) {
      expect(r.name && r.hosts.length).toBeTruthy();
      for (const sel of [r.marker, r.title, r.time, r.source, r.author, r.drop]) if (sel) expect(() => d.querySelectorAll(sel)).not.toThrow();
    }
  });

  it('reads times from scripts (WeChat ct as Unix seconds)', () => {
    const d = doc('<h1 id="activity-name">标题标题</h1><script>var ct = "1694829600";</script>');
    const ev = readRule(d, SITE_RULES.find((r) => r.name === 'weixin')!);
    expect(ev.title?.textContent).toBe('标题标题');
    expect(ev.times).toEqual(['2023-09-16T02:00:00.000Z']);
  });
});

describe('headline', () => {
  it('skips an <h1> that is the site logo or holds a style sheet', () => {
    const d = doc('<h1>POLITICO</h1><h1><style>.a{}</style></h1><main><h1>Real headline here</h1></main>');
    expect(firstHeading(d, ['POLITICO'])?.textContent).toBe('Real headline here');
  });
  it('finds the element that shows the title when there is no <h1>', () => {
    const d = doc('<a href="/">频道名称</a><h3>我国集成电路进口突破新高</h3><p>正文</p>');
    expect(elementShowing(d, '我国集成电路进口突破新高')?.tagName).toBe('H3');
  });
  it('splits a <title> into the parts that may be the headline, longest first', () => {
    expect(titlePieces('书记市长这一周 | 奋马扬鞭争春色，虎力全开向未来')[0]).toBe('书记市长这一周 | 奋马扬鞭争春色，虎力全开向未来');
    expect(titlePieces('劳伦斯：一个无法定义的人-搜狐财经')).toContain('劳伦斯：一个无法定义的人');
    expect(titlePieces('社会资本与再就业(页 1) - 学术前沿 - 论坛')).toContain('社会资本与再就业');
  });
});

describe('source', () => {
  const base = { nearHeadline: '', articleText: '', metaSources: [], siteName: '新浪网' };
  it.each([
    ['来源：新京报', '新京报'],
    ['2019年09月07日 04:04 北京日报', '北京日报'],
    ['来源: 海峡周报 2022-09-03', '海峡周报'],
    ['2022-01-09', null],
  ])('element text %s → %s', (text, want) => expect(sourceFromElement(text)).toBe(want));

  it('prefers the credit line, then marked elements, then the dateline', () => {
    expect(findSource({ ...base, articleText: '正文。（文章来源：南昌日报）', elementSources: ['东方财富网'] })).toBe('南昌日报');
    expect(findSource({ ...base, elementSources: ['江城晚报'], nearHeadline: '来源：新浪网' })).toBe('江城晚报');
    expect(findSource({ ...base, nearHeadline: '2019-09-26 10:56:28 证券时报网 据财联社消息' })).toBe('证券时报网');
    // An unlabelled word after the time that is not shaped like a publisher is not a source.
    expect(findSource({ ...base, nearHeadline: '2019-09-26 10:56:28 分享 据消息' })).toBeNull();
  });

  it('names a non-Chinese page after its Dublin Core publisher when it has no Open Graph site name', () => {
    const prose = '<p>' + 'Les revues sont classées selon des listes établies par les agences. '.repeat(12) + '</p>';
    const head = '<title>Une évaluation - La Vie des idées</title><meta name="DC.publisher" content="La Vie des idées">';
    const r = extractArticle(doc(`<article><h1>Une évaluation</h1>${prose}${prose}</article>`, head), 'https://x.example/a', { now: new Date('2026-11-27T00:00:00Z') });
    expect(r.ok && r.article.source).toBe('La Vie des idées');
  });
});

describe('author', () => {
  const base = { nearHeadline: '', articleText: '', metaAuthors: [], siteNames: ['新浪网'] };
  it.each([
    ['新京报讯（记者 裴剑飞）', '裴剑飞'],
    ['本报记者刘冕', '刘冕'],
    ['顶端新闻·河南商报记者马俊峰/文', '马俊峰'],
    ['光明日报记者 王建宏 张文攀', '王建宏 张文攀'],
    ['（记者 欧阳明 通讯员 李青）', '欧阳明'],
    ['作者：宋怡 杨志华', '宋怡 杨志华'],
    ['【文/观察者网专栏作者 王文】', '王文'],
    ['作者:zboygirl 阅读(1660)', 'zboygirl'],
    ['联系记者 郭荣梅指挥乐团练习', null],
    ['责任编辑：张申', null],
  ])('%s → %s', (text, want) => expect(findAuthor({ ...base, nearHeadline: text })).toBe(want));

  it('drops editors, e-mails, keyword lists, the site and the source', () => {
    expect(findAuthor({ ...base, siteNames: ['网易'], metaAuthors: ['网易', 'a@b.com', '中文学术期刊,汉斯出版社,Hans Publishers', '责任编辑：张申'] })).toBeNull();
    expect(findAuthor({ ...base, metaAuthors: ['参考消息'], siteNames: ['新浪网', '参考消息'] })).toBeNull();
  });
  it('reads a reporter credit in brackets closing the article', () => {
    expect(findAuthor({ ...base, articleText: '正文最后一句。（常书香 马丹阳 ）' })).toBe('常书香 马丹阳');
  });
  it.each([
    ['29. Juni 2017, 23:39 ·  von Tobi', 'Tobi'],
    ['Über Steffi\n\n1009 Artikel', 'Steffi'],
    ['By Jane Doe', 'Jane Doe'],
  ])('byline %j → %s', (raw, want) => expect(normalizeByline(raw)).toBe(want));
});

describe('cleanBody', () => {
  const clean = (html: string) => {
    const d = doc(`<div id="c">${html}</div>`);
    return cleanBody(d.getElementById('c')!, 'https://x.example/a/b.html');
  };
  it('removes indents and boilerplate, resolves lazy images, makes URLs absolute', () => {
    const b = clean('<p>　　第一段正文。</p><p><img data-src="/i/1.jpg" src="data:image/gif;base64,R0lGOD"></p><p><a href="../c.html">链接</a>在这里</p><p>责任编辑：张三</p>');
    expect(b.html).toBe('<p>第一段正文。</p>\n<p><img src="https://x.example/i/1.jpg"></p>\n<p><a href="https://x.example/c.html">链接</a>在这里</p>');
  });
  it('keeps what an ASP.NET page-wide <form> holds, minus its controls', () => {
    const b = clean('<form><p>表单里的正文段落。</p><input name="q"><button>搜索</button></form>');
    expect(b.text).toBe('表单里的正文段落。');
  });
  it('trims lists of links before and after the prose', () => {
    const b = clean('<p><a href="/1">首页</a> <a href="/2">新闻</a></p><p>真正的正文，足够长的一段文字。</p><p><a href="/3">相关报道一</a> <a href="/4">相关报道二</a></p>');
    expect(b.text).toBe('真正的正文，足够长的一段文字。');
  });
});

describe('site rules on the shapes of real pages (rows fixed with the golden fixtures)', () => {
  const rule = (name: string) => SITE_RULES.find((r) => r.name === name)!;
  const now = new Date('2026-11-27T04:00:00Z');
  const prose = '<p>' + '　　这是一段用于测试的新闻正文，说明页面的结构，没有实际意义。'.repeat(6) + '</p>';

  it('thepaper: the dateline box is "index_left__…", not the share bar "index_leftcontent__…"', () => {
    const d = doc(
      '<div class="index_leftcontent__Hk7pS"><span>分享到</span></div>'
        + '<h1 class="index_title__B8mhI">码头改成夜间市集</h1>'
        + '<div class="index_left__LfzyH"><div class="ant-space-item"><div>澎湃新闻记者 韩清扬</div></div>'
        + '<div class="ant-space-item"><span>2023-09-08 07:30</span></div><div class="ant-space-item"><span>来源：澎湃新闻</span></div></div>',
    );
    const ev = readRule(d, rule('thepaper'));
    expect(ev.sources).toEqual(['2023-09-08 07:30', '来源：澎湃新闻']);
    expect(ev.authors).toEqual(['澎湃新闻记者 韩清扬']);
    expect(findAuthor({ ruleAuthors: ev.authors, nearHeadline: '', articleText: '', metaAuthors: [], siteNames: ['澎湃新闻'] })).toBe('韩清扬');
  });

  it('toutiao /article/: "原创 · time · account" — the time is not the last span, the account is the source', () => {
    const d = doc(
      '<div class="article-content"><h1>老城区的修表铺开了四十年</h1><div class="article-meta"><span class="original">原创</span>'
        + '<span>2023-10-22 08:05</span><span class="dot">·</span><span class="name"><a href="/c/user/token/x/">北岸观察</a></span></div>'
        + `<article class="syl-article-base">${prose}</article></div>`,
    );
    expect(siteRuleFor(d, 'http://mirror.example/saved.html')?.name).toBe('toutiao');
    const ev = readRule(d, rule('toutiao'));
    expect(ev.title?.textContent).toBe('老城区的修表铺开了四十年');
    expect(ev.times).toContain('2023-10-22 08:05');
    expect(ev.sources).toEqual(['北岸观察']);
    const r = extractArticle(d, 'https://www.toutiao.com/article/7292345678901234567/', { now });
    expect(r.ok && [r.article.source, r.article.publishedAt]).toEqual(['北岸观察', '2023-10-22T08:05:00+08:00']);
  });

  it('East Money article pages: unlabelled .infos .item time and 来源', () => {
    const d = doc(
      '<div class="newsContent"><h1>家电零售额环比回升</h1><div class="infos"><div class="item">2023年10月20日 08:15</div>'
        + '<div class="item">来源：<a href="#">江北经济参考</a></div><div class="item">作者：孟嘉禾</div></div>'
        + `<div id="ContentBody">${prose}</div></div>`,
    );
    const ev = readRule(d, rule('eastmoney'));
    expect(ev.times[0]).toBe('2023年10月20日 08:15');
    expect(ev.sources.map(sourceFromElement).filter(Boolean)).toEqual(['江北经济参考']);
  });

  it('people.cn: "来源：人民网－人民日报" is the paper, not the portal', () => {
    expect(findSource({ nearHeadline: '2023年06月12日05:41 | 来源：人民网－人民日报', articleText: '', metaSources: [], siteName: '人民网' })).toBe('人民日报');
    // A name that only starts like the portal keeps its prefix.
    expect(findSource({ nearHeadline: '来源：人民网友－报', articleText: '', metaSources: [], siteName: '人民网' })).toBe('人民网友－报');
  });

  it('drops a leading heading that repeats the headline when Readability kept it', () => {
    // A <title> suffix Readability cannot strip ("_澎湃新闻-The Paper") makes it keep the <h1> as an <h2>.
    const d = doc(`<div class="index_rightcontent__x"><h1>码头改成夜间市集，首周客流超十万</h1>${prose}${prose}</div>`, '<title>码头改成夜间市集，首周客流超十万_澎湃号·政务_澎湃新闻-The Paper</title>');
    const r = extractArticle(d, 'https://www.thepaper.cn/newsDetail_forward_1', { now });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.article.title).toBe('码头改成夜间市集，首周客流超十万');
      expect(r.article.html.startsWith('<p>')).toBe(true);
      expect(r.article.text.startsWith('这是一段')).toBe(true);
    }
  });
});
