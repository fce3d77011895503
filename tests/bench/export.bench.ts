// Export bench: 10 000 synthetic articles (half Chinese, realistic sizes) to a streamed zip — time and peak memory (rss).
// One line per preset: `jekyll-news` (the default, HTML body) and `jekyll` (Markdown body, through Turndown).
// The data is pinned: article(i) and body(id) are pure functions of the index (no clock, no randomness), and the
// header prints a fingerprint of all of it, so two runs with the same fingerprint measured the same work.
// EXPORT_BENCH_PRESETS=jekyll picks presets; EXPORT_BENCH_RUNS=3 runs each that many times (fresh processes) and
// adds the median line.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Article, ArticleBody } from '../../utils/types';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import { DEFAULT_PRESET_SETTINGS, settingsForPreset, type PresetId } from '../../utils/export/presets';
import { createRenderer } from '../../utils/export/export-post';
import { recordedIn } from '../../utils/export/post-names';
import { runBatch } from '../../utils/export/batch';
import { createZipWriter } from '../../utils/export/zip';

const COUNT = 10_000;
const NOW = new Date('2026-11-27T04:00:00Z');
const SOURCES = ['南昌日报', '重庆日报', '新京报', '人民日报', '澎湃新闻', 'The Harbor Ledger', 'Reuters', 'Example Times'];
const ZH = '城市更新项目陆续开工，居民生活环境持续改善，相关部门表示将继续推进老旧小区改造和公共空间建设，让群众有更多获得感和幸福感。';
const EN = 'The council voted on Thursday night to rebuild the old ferry pier with state and federal money, after two years of debate about cost. ';

export function article(i: number): Article {
  const zh = i % 2 === 0;
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    id: i + 1,
    url: zh ? `https://finance.example.cn/a/${202201090000 + i}.html` : `https://www.example.com/news/2024/${month}/${day}/story-${i}`,
    title: zh ? `第${i}篇：量质双升绘宏图 民生答卷晒幸福——“十四五”开局${i % 9}` : `Story ${i}: Harbor Town "votes" to rebuild the old ferry pier`,
    source: SOURCES[i % SOURCES.length]!,
    siteName: zh ? '东方财富网' : 'Example',
    author: i % 3 ? (zh ? '刘冕' : 'Jane Doe') : null,
    publishedAt: `2024-${month}-${day}T${String(i % 24).padStart(2, '0')}:15:00${zh ? '+08:00' : '-04:00'}`,
    savedAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    lang: zh ? 'zh-CN' : 'en',
    excerpt: i % 4 ? null : (zh ? ZH.slice(0, 40) : EN.slice(0, 80)),
    leadImage: null,
    siteArticleId: i % 3 ? `NW${202201090000 + i}` : null,
    tags: i % 5 ? [] : ['经济', 'yes'],
    category: null,
    contentHash: '00000000',
    exportedAt: null,
  };
}

/** 8–20 paragraphs: about 1.5–4 KB of Chinese or 1–3 KB of English HTML, like the saved news bodies. */
export function body(id: number): ArticleBody {
  const zh = (id - 1) % 2 === 0;
  const n = 8 + (id % 13);
  const paras = Array.from({ length: n }, (_, k) => `<p>${zh ? ZH.slice(0, 30 + ((id + k) % 30)) + ZH : EN + EN.slice(0, 40 + ((id + k) % 60))}</p>`);
  if (id % 10 === 0) paras.push('<table><tr><th>指标</th><th>数值</th></tr><tr><td>GDP</td><td>600亿元</td></tr></table>');
  return { articleId: id, html: paras.join('\n'), text: paras.join('\n\n').replace(/<[^>]+>/g, '') };
}

/** A hash of every generated article and body: the same value means the same input. */
export function fingerprint(): string {
  const hash = createHash('sha256');
  for (let i = 0; i < COUNT; i++) hash.update(JSON.stringify(article(i))).update(JSON.stringify(body(i + 1)));
  return hash.digest('hex').slice(0, 12);
}

interface Result { preset: string; seconds: number; cpu: number; peakMb: number; postsPerSecond: number; zipMb: number }

async function run(preset: PresetId): Promise<void> {
  globalThis.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
  const library = Array.from({ length: COUNT }, (_, i) => article(i));
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const renderer = createRenderer({ ...DEFAULT_EXPORT_SETTINGS, ...settingsForPreset(preset, DEFAULT_PRESET_SETTINGS) });
  // Kept as the export page keeps them: Blob parts in memory, then one download.
  const parts: Uint8Array[] = [];
  let zipBytes = 0;
  let textBytes = 0;
  const zip = createZipWriter((chunk) => { parts.push(chunk); zipBytes += chunk.length; }, NOW);
  const report = await runBatch({
    articles: library,
    recorded: recordedIn(library),
    renderer,
    loadBodies: async (ids) => ids.map(body),
    sink: { write: (path, text) => { textBytes += text.length; zip.add(path, text); } },
    now: NOW,
    onProgress: sample,
  });
  await zip.end();
  sample();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time too: on a shared 2-core machine the wall time also counts the other processes' turns.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const blob = new Blob(parts as BlobPart[]);
  sample();
  console.log(
    `${preset.padEnd(12)} ${report.written.length} posts (${report.failed.length} failed) in ${seconds.toFixed(2)} s ` +
      `(${Math.round(report.written.length / seconds)} posts/s, CPU ${cpuSeconds.toFixed(2)} s, load ${loadavg()[0]!.toFixed(1)}); zip ${(blob.size / 1e6).toFixed(1)} MB from ${(textBytes / 1e6).toFixed(1)} M chars; ` +
      `peak rss ${(peakRss / 1e6).toFixed(0)} MB (+${((peakRss - baseRss) / 1e6).toFixed(0)} MB over the start)`,
  );
  if (report.failed.length) console.log('  first failure:', report.failed[0]);
  const result: Result = { preset, seconds, cpu: cpuSeconds, peakMb: peakRss / 1e6, postsPerSecond: report.written.length / seconds, zipMb: zipBytes / 1e6 };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export default async function (): Promise<void> {
  const runs = Math.max(1, Number(process.env.EXPORT_BENCH_RUNS ?? 1) || 1);
  console.log(
    `Export of ${COUNT} synthetic articles (half Chinese, data ${fingerprint()}) to a streamed zip; target ≤ 5 s and ≤ 300 MB for each preset` +
      `${runs > 1 ? `; ${runs} runs each, median last` : ''}.`,
  );
  // Each run in a fresh process, so that one run's heap does not count in the next one's peak.
  for (const preset of (process.env.EXPORT_BENCH_PRESETS?.split(',') ?? ['jekyll-news', 'jekyll']) as PresetId[]) {
    const results: Result[] = [];
    for (let r = 0; r < runs; r++) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
        env: { ...process.env, EXPORT_BENCH_CHILD: preset },
        maxBuffer: 16 * 1024 * 1024,
      }).toString();
      const lines = out.split('\n');
      const line = lines.find((l) => l.startsWith('RESULT '));
      if (line) results.push(JSON.parse(line.slice(7)) as Result);
      process.stdout.write(lines.filter((l) => !l.startsWith('RESULT ')).join('\n'));
    }
    if (runs > 1 && results.length) {
      const m = (key: keyof Omit<Result, 'preset'>) => median(results.map((x) => x[key]));
      console.log(
        `${preset.padEnd(12)} median of ${results.length}: ${m('seconds').toFixed(2)} s, CPU ${m('cpu').toFixed(2)} s, ` +
          `peak rss ${m('peakMb').toFixed(0)} MB, ${Math.round(m('postsPerSecond'))} posts/s, zip ${m('zipMb').toFixed(1)} MB`,
      );
    }
  }
}

if (process.env.EXPORT_BENCH_CHILD) await run(process.env.EXPORT_BENCH_CHILD as PresetId);
