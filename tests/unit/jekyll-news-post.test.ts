// The default preset ("Jekyll news post") of the one engine: the seed post rebuilt from its parts, byte for byte where the format is fixed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { Article, ArticleBody, ExportSettings } from '../../utils/types';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import { DEFAULT_PRESET_SETTINGS } from '../../utils/export/presets';
import { createRenderer } from '../../utils/export/export-post';

/** The default preset with these site settings, as every export path runs it. */
function renderPost(article: Article, body: ArticleBody, settings: ExportSettings, now: Date, customTemplate: string | null = null) {
  return createRenderer({ ...settings, ...DEFAULT_PRESET_SETTINGS, customTemplate }).render(article, body, now);
}

const SEED_POST = readFileSync(path.join(import.meta.dirname, '../golden/expected/seed-post.md'), 'utf8');
const SEED_URL = 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201092240969820';

/** The seed's paragraphs as the extractor hands them over: no indent, one block per line. */
const PARAGRAPHS = [
  "穿行青山湖大地，从塔吊林立的项目现场到机器轰鸣的生产车间，从整洁大气的昌东大道到焕然一新的绿色公园，处处能感受到实干发展的速度。",
  "2021年，青山湖区创新构建“1+5+2”重点工作推进机制，广泛凝聚干事合力，全区经济社会发展实现了“十四五”良好开局，交出了高质量发展的“成绩单”。",
  "抓改革促提升增添发展新动能",
  "近日，青山湖区完成政务服务中心场所改造升级，借助省级基础平台推进“无证办理”政务服务大厅建设，推行“区块链+电子证照+无证办理”。办事企业和群众在市民中心可以通过“刷脸”“扫码”“亮码”等方式，进行比对认证授权，服务窗口自动关联调取证照数据，生成办事材料，实现政务服务“无证办理”。",
  "政务环境是与企业办事联系最紧密，也是企业在发展中感触最深的一个环境。青山湖区狠抓“放管服”改革，紧扣让企业办事更快更好更舒心目标，梳理“一次不跑”办理事项291项、“只跑一次”办理事项353项，104个高频事项实现“掌上办”，倾力打造了“一次不跑、只跑一次”政务模式。同时，全区深入开展“稳企培企千名干部进千企”行动，解决企业问题554个，落实产业资金4829万元，减税降费2.4亿元，发放惠企贷款31.5亿元。良好的营商环境助力青山湖区市场主体有效增长，全年新增企业注册登记5083家、同比增长33.2%，新增个体商户7660家，新增“四上”企业118家。",
  "2021年，青山湖区经济运行快中提质，量质双升，展现出了强劲的增长动力和发展韧劲。2021年1-11月，全区规上工业增加值完成116.0亿元，增长12.1%；固定资产投资完成385.7亿元，增长14.6%；规上服务业营业收入完成58.4亿元，增长23.1%；限上消费品零售额完成125.0亿元，增长27.5%。全年地区生产总值预计突破600亿元，增长约8%，总量占全市比重预计同比提高0.3个百分点；财政总收入预计完成70亿元，增长约10.1%。",
  "抓项目延链条促产业发展壮大",
  "一个AGV智能机器人灵巧地穿过车间，将一大筐800公斤重的服装面料“背起来”，在各个生产线之间穿梭运输……在南昌市众拓制衣有限公司(以下简称众拓制衣)的生产车间，工人们正在加紧生产，这里已经从原来的小作坊变成了一个智慧工厂。在升级智能制造后，该公司产能增加了30%以上，高端服装合格率从50%提升至90%。“这套系统一期投入500万元，增加的效益3年就能回本。”公司相关负责人邱正雄说，今年外贸订单暴增，公司在工人仅有少量增加的情况下，产值有望从1.8亿元提升到3亿元。",
  "众拓制衣的智慧化进程，也是当前青山湖区针纺企业发展的一个方向。",
  "当前，青山湖区聚焦现代针纺、电子信息产业，抢抓“流量经济”先机，引进了新锐国潮数字经济产业基地、华兴5G智慧赋能、华美智能服装产业园等项目，以数字经济、5G+工业互联网推动现代针纺产业加快向千亿迈进；持续做大电子信息LED封装，新增封装生产线1200条、总量突破4000条，着力打造全国LED封装领域“单打冠军”。2021年1-11月，全区工业投资增长30.9%、列全市第一，工业增值税累计增长72.6%，高于全市44.0个百分点，列全市第一。同时，全区高水平运营江西流量经济产业基地，引进字节跳动、阿里巴巴等平台企业及江西快抖、新禾佑、星绅传媒等头部机构58家，建立起“短视频+直播+供应链+实体”全产业链条。 ",
  "目前，全区共有数字经济企业1956家，电子商务交易额达367亿元。为不断加快全区产业转型升级，稳步做大主导产业，青山湖区牢牢牵住项目建设这个“牛鼻子”，不断夯实经济发展“压舱石”，2021年举办“数字经济+现代针纺”产业论坛等项目签约活动2次，全年新签约项目56个，总投资312.69亿元。同时，全力推进243个重大重点项目、总投资1062.8亿元，举办4次集中开工活动。截至2021年12月底，已开工项目223个，开工率91.8%；已竣工项目129个，竣工率87.2%，累计完成投资336.4亿元。",
  "抓建管惠民生群众福祉持续改善",
  "漫步在青山湖区，背街小巷清爽宁静、城市路面干净整洁、道路两旁花团锦簇、景观小品别出心裁……城市颜值越来越高，生活越来越舒心，青山湖人越来越自豪。纵观这些变化，无不体现了城市建设者和管理者对百姓生活环境、身心健康别具匠心的思考。",
  "在青山湖区飞燕路，有一处由臭水沟改造的小游园，郁郁葱葱的绿植、造型别致的凉亭，还有现代化的健身器材，吸引了不少市民来此健身、跳广场舞。“以前这里杂草丛生、蚊虫多，路也不平坦，如今可散步、可观景、可休息，成了家门口的小游园。”家住附近京东嘉苑小区的居民李女士喜笑颜开。",
  "2021年，青山湖区按照“精心规划、精致建设、精美呈现”要求，聚焦城市建设工作中的痛点、重点、难点，推动青山湖区城市建设全面升级，不仅完成9条主次干道改造、5条道路“白改黑”、7个背街小巷综合整治，打通3条“断头路”，建成丹霞文体公园、月坊天香公园，还建设了5个小游园，建设面积约为26500平方米，投资金额达到845万元。这些由路边、小区闲置用地改造的小游园，既点缀了城市的风景，也拓展了居民的公共绿色空间。",
  "此外，青山湖区扎实开展了“我为群众办实事”实践活动，推进134个民生工程建设，新完成16个安置房建设项目，新建5个社区邻里中心和38个养老服务中心，新增养老床位322张，新建停车场5个、新增车位4917个，新建邮票绿地5个；在公共服务供给方面，加快推进临江学校等4个新校建工程、新增学位2300个，新建4家公办幼儿园、新增园位1050个；加强文化体育设施建设，建成精品图书馆“海螺书屋”，新建6个社区文化活动中心；投入1280万元全面提升基层医疗服务设施水平，新建成4所医院、新增医院床位410张，构建形成“10分钟医保服务圈”。",
  "本报记者刘冕",
];

const SEED_ARTICLE: Article = {
  id: 1,
  url: SEED_URL,
  title: '量质双升绘宏图 民生答卷晒幸福 ——青山湖区经济社会发展迈上新台阶',
  source: '南昌日报',
  siteName: '东方财富网',
  author: '刘冕',
  publishedAt: '2022-01-09T07:48:06+08:00',
  savedAt: '2024-05-01T12:00:00.000Z',
  updatedAt: '2024-05-01T12:00:00.000Z',
  lang: 'zh-CN',
  excerpt: null,
  leadImage: null,
  siteArticleId: 'NW202201092240969820',
  tags: [],
  category: null,
  contentHash: 'seed',
  exportedAt: null,
};

const SEED_BODY: ArticleBody = {
  articleId: 1,
  html: [...PARAGRAPHS.map((p) => `<p>${p}</p>`), '<p class="em_media">（文章来源：南昌日报）</p>'].join('\n'),
  text: PARAGRAPHS.join('\n\n'),
};

const NOW = new Date('2024-05-01T12:00:00.000Z');

/** What Jekyll takes as front matter: from the first `---` line to the next `---` or `...` line. */
const JEKYLL_FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n?)^(?:---|\.\.\.)[ \t]*$\n?/m;

function parts(text: string) {
  const match = JEKYLL_FRONT_MATTER.exec(text);
  if (!match || match.index !== 0) throw new Error('no front matter');
  const rest = text.slice(match[0].length);
  const lines = rest.split('\n');
  return {
    fenced: match[0],
    frontMatter: match[1]!,
    body: lines.slice(0, -4).join('\n'),
    blank1: lines.at(-4),
    urlLine: lines.at(-3),
    blank2: lines.at(-2),
    backLinks: lines.at(-1),
  };
}

const paragraphTexts = (html: string) => [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]);

describe('renderPost on the seed article', () => {
  const post = renderPost(SEED_ARTICLE, SEED_BODY, DEFAULT_EXPORT_SETTINGS, NOW);
  const got = parts(post.text);
  const want = parts(SEED_POST);

  it('names the file like the old tool', () => {
    expect(post.path).toBe('_posts/2022-01-09-NW202201092240969820.md');
  });

  it('writes the front matter byte for byte', () => {
    expect(got.fenced).toBe(want.fenced);
  });

  it('writes the URL line and the back-links line byte for byte', () => {
    expect(got.urlLine).toBe(`<${SEED_URL}>`);
    expect(got.urlLine).toBe(want.urlLine);
    expect(got.backLinks).toBe(want.backLinks);
    expect([got.blank1, got.blank2]).toEqual(['', '']);
  });

  it('ends without a newline, as the seed does', () => {
    expect(SEED_POST.endsWith('\n')).toBe(false);
    expect(post.text.endsWith('\n')).toBe(false);
  });

  it('keeps the seed’s paragraphs, the reporter line and the source line', () => {
    expect(paragraphTexts(got.body)).toEqual(paragraphTexts(want.body));
    expect(paragraphTexts(got.body)).toHaveLength(18);
    expect(got.body).toBe(SEED_BODY.html);
  });

  it('is the seed with the body’s lines laid out one block per line', () => {
    const reflowed = `${want.fenced}${SEED_BODY.html}\n\n${want.urlLine}\n\n${want.backLinks}`;
    expect(post.text).toBe(reflowed);
  });
});

function article(change: Partial<Article>): Article {
  return { ...SEED_ARTICLE, ...change };
}

function frontMatterOf(text: string): Record<string, unknown> {
  return parse(parts(text).frontMatter) as Record<string, unknown>;
}

describe('renderPost fallbacks and settings', () => {
  it('falls back to the portal, then the host, when the source is unknown', () => {
    const portal = renderPost(article({ source: null }), SEED_BODY, DEFAULT_EXPORT_SETTINGS, NOW);
    expect(frontMatterOf(portal.text)).toMatchObject({ categories: 'dongfangcaifuwang', tags: '东方财富网新闻' });
    expect(parts(portal.text).backLinks).toBe(
      '[返回东方财富网新闻](//finews.withounder.com/category/dongfangcaifuwang.html)｜[返回首页](//finews.withounder.com/)',
    );
    const host = renderPost(article({ source: '  ', siteName: null }), SEED_BODY, DEFAULT_EXPORT_SETTINGS, NOW);
    expect(frontMatterOf(host.text)).toMatchObject({ categories: 'finewszningxyz', tags: 'finews.zning.xyz新闻' });
  });

  it('dates an undated article now, in the configured zone', () => {
    const undated = article({ publishedAt: null });
    expect(frontMatterOf(renderPost(undated, SEED_BODY, DEFAULT_EXPORT_SETTINGS, NOW).text).date).toBe('2024-05-01 20:00:00 +0800');
    const ny = { ...DEFAULT_EXPORT_SETTINGS, timeZone: '-05:00' };
    const post = renderPost(undated, SEED_BODY, ny, NOW);
    expect(post.text).toContain('\ndate: 2024-05-01 07:00:00 -0500\n');
  });

  it('keeps a publication time in its own offset', () => {
    const post = renderPost(article({ publishedAt: '2022-01-09T07:48:06Z' }), SEED_BODY, DEFAULT_EXPORT_SETTINGS, NOW);
    expect(post.text).toContain('\ndate: 2022-01-09 07:48:06 +0000\n');
  });

  it('takes site host, layout, tag suffix, link texts and slug overrides from the settings', () => {
    const settings: ExportSettings = {
      siteHost: 'news.example.org',
      layout: 'article',
      tagSuffix: '',
      timeZone: '+08:00',
      backLinkText: 'More from {source}',
      homeLinkText: 'Home',
      categoryOverrides: { 南昌日报: 'ncrb' },
    };
    const post = renderPost(SEED_ARTICLE, SEED_BODY, settings, NOW);
    expect(frontMatterOf(post.text)).toMatchObject({ layout: 'article', categories: 'ncrb', tags: '南昌日报' });
    expect(parts(post.text).backLinks).toBe('[More from 南昌日报](//news.example.org/category/ncrb.html)｜[Home](//news.example.org/)');
  });

  it('escapes Markdown in the source name inside the back link', () => {
    const post = renderPost(article({ source: 'A[1]_*' }), SEED_BODY, DEFAULT_EXPORT_SETTINGS, NOW);
    expect(parts(post.text).backLinks).toBe(
      '[返回A\\[1\\]\\_\\*新闻](//finews.withounder.com/category/a1.html)｜[返回首页](//finews.withounder.com/)',
    );
  });

  it('keeps the autolink whole when the URL holds spaces or angle brackets', () => {
    const post = renderPost(article({ url: 'https://example.com/a b<c>' }), SEED_BODY, DEFAULT_EXPORT_SETTINGS, NOW);
    expect(parts(post.text).urlLine).toBe('<https://example.com/a%20b%3Cc%3E>');
  });

  it('writes an article without body as front matter and links only', () => {
    const post = renderPost(SEED_ARTICLE, { ...SEED_BODY, html: '\n' }, DEFAULT_EXPORT_SETTINGS, NOW);
    expect(post.text).toBe(`${parts(SEED_POST).fenced}\n<${SEED_URL}>\n\n${parts(SEED_POST).backLinks}`);
  });

  it('writes a title the old tool broke as valid YAML', () => {
    const title = 'He said "no" \\ and: left\n---\n';
    const post = renderPost(article({ title }), SEED_BODY, DEFAULT_EXPORT_SETTINGS, NOW);
    expect(post.text.split('\n')[2]).toBe(String.raw`title: "He said \"no\" \\ and: left\n---\n"`);
    expect(frontMatterOf(post.text).title).toBe(title);
  });

  it('refuses an unreadable time zone for an undated article', () => {
    const settings = { ...DEFAULT_EXPORT_SETTINGS, timeZone: 'Asia/Shanghai' };
    expect(() => renderPost(article({ publishedAt: null }), SEED_BODY, settings, NOW)).toThrow(/time zone/);
  });

  it('refuses, naming the article and the line, a template that writes a character Jekyll reads differently', () => {
    // A raw NEL inside double quotes: the `yaml` package reads it as itself, Ruby's YAML as a space.
    const template = '---\nlayout: post\ntitle: "{{ title }}\u0085"\n---\n{{ body }}';
    expect(() => renderPost(SEED_ARTICLE, SEED_BODY, DEFAULT_EXPORT_SETTINGS, NOW, template)).toThrow(
      /"量质双升绘宏图.*line 3: front matter holds the raw character U\+0085/,
    );
  });

  it('keeps Liquid quoted by the article as text, and the seed’s bytes where there is none', () => {
    const body = { ...SEED_BODY, html: '<p>模板写法 {{ site.title }} 与 {% include x.html %}</p>' };
    const post = renderPost(SEED_ARTICLE, body, DEFAULT_EXPORT_SETTINGS, NOW);
    expect(parts(post.text).body).toBe('<p>模板写法 {{ "{" }}{ site.title }} 与 {{ "{" }}% include x.html %}</p>');
  });
});

const NASTY = ['"', '\\', ':', ': ', '#', '---', '...', '\n', '\r\n', '\t', '\u0000', '😀', '\u200f', '\u202e', '\u2028', '\u0085', '\ufeff', '\ud800', 'yes', '~', '- ', '[', ']', '*', '_', '南昌日报', ' '];
const nastyString = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((p) => p.join('')),
  fc.tuple(fc.constantFrom(...NASTY), fc.integer({ min: 1000, max: 10_000 })).map(([s, n]) => s.repeat(n).slice(0, 10_000)),
);

describe('renderPost property: any title and source', () => {
  it('gives front matter that Jekyll’s fences find and YAML reads back', () => {
    fc.assert(
      fc.property(nastyString, fc.option(nastyString), (title, source) => {
        const post = renderPost(article({ title, source }), SEED_BODY, DEFAULT_EXPORT_SETTINGS, NOW);
        const data = frontMatterOf(post.text);
        // A lone surrogate has no UTF-8 form (Ruby refuses even its escape): it is written as U+FFFD.
        expect(data.title).toBe(title.replace(/\p{Surrogate}/gu, '\ufffd'));
        expect(data.date).toBe('2022-01-09 07:48:06 +0800');
        expect(typeof data.tags).toBe('string');
        expect(data.categories).toMatch(/^[a-z0-9]+$/);
        expect(Object.keys(data)).toEqual(['layout', 'title', 'date', 'categories', 'tags']);
        expect(post.text.endsWith('\n')).toBe(false);
      }),
      { numRuns: 300 },
    );
    // 300 runs with up to 10 000-character sources through pinyin: seconds on a shared 2-core machine.
  }, 60_000);
});
