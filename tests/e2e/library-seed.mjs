// Synthetic saved articles for the library's browser test and bench, half Chinese, half English.
// `seedInWorker` runs inside the extension's service worker (passed whole to worker.evaluate), so it is self-contained.

/**
 * Imports `count` synthetic articles numbered from `start` through globalThis.jianbao.library.importRecords,
 * `batch` per transaction. `paragraphs` sets the body size (a Chinese paragraph is about 90 characters).
 */
export async function seedInWorker({ start, count, batch = 1024, paragraphs = 12 }) {
  const ZH_WORDS = ('经济 发展 城市 建设 项目 企业 市场 服务 政府 工作 群众 社会 文化 教育 医疗 交通 科技 创新 生态 环境 乡村 振兴 产业 投资 ' +
    '民生 就业 消费 改革 开放 安全 治理 社区 居民 公共 资源 数字 平台 农业 旅游 工业 园区 基础 设施 质量 效率 人才 政策 资金 金融 ' +
    '银行 保险 医院 学校 学生 老师 家庭 老人 儿童 青年 志愿 活动 会议 代表 委员 调研 推进 落实 加快 提升 完善 加强 推动 实施 开展 ' +
    '举办 召开 启动 完成 实现 保障 支持 鼓励 引导 规划 目标 任务 成效 成果 经验 问题 困难 措施 方案 标准 体系 机制 平稳 增长 同比 ' +
    '全年 上半年 季度 百分点 亿元 万元 公里 面积 人口 地区 全省 全市 全县 街道 乡镇 村民 农民 工人 记者 采访 表示 介绍 据悉 截至 目前').split(' ');
  const ZH_PLACES = '南昌 青山湖 杭州 西湖 武汉 长沙 成都 重庆 西安 郑州 合肥 福州 厦门 昆明 贵阳 南宁 太原 济南 青岛 苏州'.split(' ');
  const ZH_SOURCES = '南昌日报 杭州日报 长江日报 人民日报 新华社 光明日报 经济日报 江西日报 浙江日报 湖南日报'.split(' ');
  const EN_WORDS = ('city council budget transport housing market energy climate school health hospital policy minister election ' +
    'economy growth inflation interest rates bank workers union strike court ruling report investigation police community ' +
    'festival museum science research university students teachers water river flood storm weather farmers harvest prices ' +
    'company shares profits technology software data privacy security network service public private plan project bridge ' +
    'railway airport train bus station road traffic mayor governor officials residents neighbours families children visitors').split(' ');
  const EN_SOURCES = 'Reuters,Associated Press,The Guardian,BBC News,City Daily,Evening Post,Morning Herald,Tribune'.split(',');
  // mulberry32: small, deterministic per start, and good enough that titles do not repeat.
  let s = (start * 2654435761 + 1) >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const zhSentence = () => {
    let out = pick(ZH_PLACES);
    const n = 6 + Math.floor(rnd() * 8);
    for (let i = 0; i < n; i++) out += pick(ZH_WORDS);
    return out + (rnd() < 0.3 ? '，' + pick(ZH_WORDS) + pick(ZH_WORDS) : '') + '。';
  };
  const enSentence = () => {
    const n = 8 + Math.floor(rnd() * 10);
    const w = [];
    for (let i = 0; i < n; i++) w.push(pick(EN_WORDS));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return w.join(' ') + '.';
  };
  const pad = (n) => String(n).padStart(2, '0');
  const base = Date.UTC(2020, 0, 1);
  const lib = globalThis.jianbao.library;
  let written = 0;
  for (let from = start; from < start + count; from += batch) {
    const records = [];
    for (let i = from; i < Math.min(start + count, from + batch); i++) {
      const zh = i % 2 === 0;
      const day = new Date(base + i * 3600_000 * 5);
      const published = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T${pad(day.getUTCHours())}:${pad(day.getUTCMinutes())}:00+08:00`;
      const paras = [];
      for (let p = 0; p < paragraphs; p++) {
        let text = '';
        for (let k = 0; k < 3; k++) text += zh ? zhSentence() : enSentence() + ' ';
        paras.push(text.trim());
      }
      const title = zh
        ? `${pick(ZH_PLACES)}${pick(ZH_WORDS)}${pick(ZH_WORDS)}${pick(ZH_WORDS)} 第${i}期`
        : `${enSentence().slice(0, -1).split(' ').slice(0, 7).join(' ')} (${i})`;
      const savedAt = new Date(base + i * 60_000).toISOString();
      records.push({
        article: {
          url: `https://news.example/${zh ? 'zh' : 'en'}/${i}.html`, title, source: zh ? pick(ZH_SOURCES) : pick(EN_SOURCES),
          siteName: zh ? '东方财富网' : 'News Portal', author: zh ? null : 'Staff Reporter', publishedAt: published,
          savedAt, updatedAt: savedAt, lang: zh ? 'zh-CN' : 'en', excerpt: paras[0].slice(0, 120), leadImage: null,
          siteArticleId: `S${i}`, tags: i % 10 === 0 ? ['要闻'] : [], category: null, contentHash: '00000000', exportedAt: null,
        },
        body: { html: paras.map((p) => `<p>${p}</p>`).join('\n'), text: paras.join('\n\n') },
      });
    }
    await lib.importRecords(records);
    written += records.length;
  }
  return written;
}
