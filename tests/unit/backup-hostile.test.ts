// A backup file is input, not truth: hostile records and settings through the library's restore and `npm run -s export`;
// a restore interrupted halfway resumes where it stopped; no restore message comes near the browser's 64 MiB cap.
import { createEnglish } from '../../cli/english';

const english = createEnglish();
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupWriter, joinParts, type BackupRecord } from '../../utils/backup-format';
import { RESTORE_BATCH_BYTES, restoreBackup, type RestorePosition } from '../../utils/backup';
import { checkSettings } from '../../utils/backup-validate';
import { at, freshLibrary } from './library-fixtures';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function record(id: unknown, over: Record<string, unknown> = {}): BackupRecord {
  const t = at(2).toISOString();
  return {
    article: {
      id, url: `https://news.example.cn/${String(id)}.html`, title: `第${String(id)}篇`, source: '南昌日报', siteName: null, author: null,
      publishedAt: '2022-01-09T07:48:06+08:00', savedAt: t, updatedAt: t, lang: 'zh', excerpt: null, leadImage: null,
      siteArticleId: null, tags: ['a'], category: null, contentHash: '0', exportedAt: null, ...over,
    },
    body: { html: `<p>正文 ${String(id)}</p>`, text: `正文 ${String(id)}` },
  } as unknown as BackupRecord;
}

function backup(records: BackupRecord[], settings: Record<string, unknown> = {}, perChunk = 1024): Uint8Array {
  const w = new BackupWriter();
  for (let i = 0; i < records.length; i += perChunk) w.addChunk(records.slice(i, i + perChunk));
  w.finish(at(3), settings);
  return joinParts(w.parts);
}

// Each hostile record: what the restore must do with it.
const HOSTILE: [string, BackupRecord, 'kept-id' | 'fresh-id' | 'refused', RegExp?][] = [
  ['an ordinary record', record(1), 'kept-id'],
  ['id 2^53 (the key generator would stop forever)', record(2 ** 53), 'fresh-id'],
  ['id 2^32 (search postings hold 32-bit ids)', record(2 ** 32), 'fresh-id'],
  ['id 0', record(0), 'fresh-id'],
  ['id -5', record(-5), 'fresh-id'],
  ['id 1.5', record(1.5), 'fresh-id'],
  ['a repeated id', record(1, { url: 'https://news.example.cn/again.html' }), 'fresh-id'],
  ['`edited` as a string', record(7, { edited: 'title' }), 'kept-id'],
  ['a javascript: URL', record(8, { url: 'javascript:alert(1)' }), 'refused', /not an http\(s\) URL/],
  ['a data: URL', record(9, { url: 'data:text/html,<script>alert(1)</script>' }), 'refused', /not an http\(s\) URL/],
  ['a save time that is not a time', record(10, { savedAt: 'yesterday' }), 'refused', /save time/],
  ['a publication time without offset', record(11, { publishedAt: '2022-01-09 07:48' }), 'refused', /publication time/],
  ['tags that are not text', record(12, { tags: ['ok', 3, null, { x: 1 }] }), 'kept-id'],
  ['a javascript: lead image', record(13, { leadImage: 'javascript:alert(2)' }), 'kept-id'],
];

describe('hostile records through the library restore', () => {
  it('keeps, re-ids or refuses each one, and stores nothing as it came', async () => {
    const protoRecord = JSON.parse('{"article":{"__proto__":{"polluted":true},"id":14,"url":"https://news.example.cn/14.html","title":"原型","source":null,"siteName":null,"author":null,"publishedAt":null,"savedAt":"2026-01-02T00:00:00.000Z","updatedAt":"2026-01-02T00:00:00.000Z","lang":null,"excerpt":null,"leadImage":null,"siteArticleId":null,"tags":[],"category":null,"contentHash":"0","exportedAt":null,"constructor":"x"},"body":{"html":"","text":""}}') as BackupRecord;
    const data = backup([...HOSTILE.map((h) => h[1]), protoRecord]);
    const { library, db } = freshLibrary('hostile');
    const report = await restoreBackup(data, (r, p) => library.importRecords(r, p));
    const refusedWant = HOSTILE.filter((h) => h[2] === 'refused');
    expect(report.refusedCount).toBe(refusedWant.length);
    refusedWant.forEach(([, , , reason], i) => expect(english(report.refused[i]!.reason)).toMatch(reason!));
    expect(report.freshIds).toBe(HOSTILE.filter((h) => h[2] === 'fresh-id').length);
    const rows = await db.articles.toArray();
    expect(rows).toHaveLength(HOSTILE.length - refusedWant.length + 1);
    for (const row of rows) {
      expect(row.id).toBeGreaterThan(0);
      expect(row.id).toBeLessThan(2 ** 31);
      expect(row.url).toMatch(/^https:\/\//);
      expect(row.edited === undefined || Array.isArray(row.edited)).toBe(true);
      expect(row.tags.every((t) => typeof t === 'string')).toBe(true);
      expect(row.leadImage).toBeNull();
      expect(Object.keys(row)).not.toContain('constructor');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The library stays usable: a new save gets an id, search finds the restored rows.
    await library.save({ url: 'https://news.example.cn/new.html', title: '新文章', source: null, siteName: null, author: null, publishedAt: null, lang: 'zh', excerpt: null, leadImage: null, siteArticleId: null, html: '<p>x</p>', text: 'x' }, at(4));
    expect((await library.search('第1', 20)).length).toBeGreaterThan(0);
  });
});

describe('hostile settings', () => {
  it.each([
    ['an unknown preset', { sync: { presetSettings: { preset: '__proto__', bodyFormat: 'html', filenamePattern: '{date}-{id}', slugStyle: 'pinyin' } } }, /The preset "__proto__" is not one of this version's presets; the default is used/],
    ['a time zone name instead of an offset', { sync: { exportSettings: { timeZone: 'Asia/Shanghai' } } }, /The time zone "Asia\/Shanghai" is not an offset/],
    ['a setting over the sync quota', { sync: { exportSettings: { siteHost: 'x', backLinkText: 'y'.repeat(400), homeLinkText: 'z'.repeat(400), categoryOverrides: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`来源${i}`, `slug-${i}`])) } } }, /larger than the browser's limit of 8192 bytes/],
    ['a template that does not compile', { local: { customTemplate: '{{#if title}}never closed' } }, /^Template: Template line 1: \{\{#if title\}\} is never closed/],
    ['a file name pattern with unknown parts', { sync: { presetSettings: { preset: 'hugo', bodyFormat: 'markdown', filenamePattern: '{nope}', slugStyle: 'pinyin' } } }, /^File name: Unknown file name parts: \{nope\}/],
  ])('leaves out %s and says why', (_name, settings, problem) => {
    const checked = checkSettings(settings);
    expect(checked.problems.map(english).join('\n')).toMatch(problem);
    expect(JSON.stringify({ sync: checked.sync, local: checked.local })).not.toMatch(/Asia\/Shanghai|__proto__|never closed|\{nope\}/);
  });

  it('keeps every setting of this version as it is', () => {
    const settings = { sync: { exportSettings: { siteHost: 'news.example.org', layout: 'post', tagSuffix: '新闻', timeZone: '+09:00', backLinkText: '返回{source}新闻', homeLinkText: '返回首页', categoryOverrides: { 南昌日报: 'ncrb' } }, presetSettings: { preset: 'hugo', bodyFormat: 'markdown', filenamePattern: '{date}-{id}', slugStyle: 'pinyin' }, clickSaves: false }, local: { customTemplate: '---\ntitle: {{ title | yaml }}\n---\n{{ body }}' } };
    expect(checkSettings(settings)).toEqual({ ...settings, problems: [] });
  });
});

describe('an interrupted restore resumes', () => {
  it('records where it stopped with each batch, and a second run of the same file finishes it with the same rows', async () => {
    const records = Array.from({ length: 2500 }, (_, i) => record(i + 1));
    const data = backup(records);
    const broken = freshLibrary('broken');
    let calls = 0;
    const err = await restoreBackup(data, async (r, p) => {
      if (++calls === 2) throw new Error('the tab was closed');
      return broken.library.importRecords(r, p);
    }).catch((e: Error) => e);
    expect(String(err)).toMatch(/tab was closed/);
    const stopped = await broken.library.restoreProgress();
    expect(stopped).toMatchObject({ done: 1024, total: 2500 });
    const report = await restoreBackup(data, (r, p) => broken.library.importRecords(r, p), undefined, stopped as RestorePosition);
    expect(report.resumedFrom).toBe(1024);
    expect(report.counts.added).toBe(2500 - 1024);
    expect(await broken.library.restoreProgress()).toBeNull();
    const whole = freshLibrary('whole');
    await restoreBackup(data, (r, p) => whole.library.importRecords(r, p));
    expect(await broken.db.articles.toArray()).toEqual(await whole.db.articles.toArray());
  }, 60_000);
});

describe('restore messages stay small', () => {
  it('splits 1 100 articles of 12 000 Chinese characters (75 MB of JSON) into batches under the cap', async () => {
    const text = '城市更新项目陆续开工居民生活环境持续改善'.repeat(600);
    const records = Array.from({ length: 1100 }, (_, i) => ({ ...record(i + 1), body: { html: `<p>${text}</p>`, text } }));
    const sizes: number[] = [];
    let total = 0;
    await restoreBackup(backup(records), async (r) => {
      const bytes = new TextEncoder().encode(JSON.stringify(r)).length;
      sizes.push(bytes);
      total += r.length;
      return { added: r.length, replaced: 0, skipped: 0 };
    });
    expect(total).toBe(1100);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(64 * 1024 * 1024);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(RESTORE_BATCH_BYTES);
  }, 60_000);
});

describe('hostile backups through npm run -s export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jianbao-hostile-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the records it can, names the refused ones, gives repeated ids fresh ones and counts files exactly', async () => {
    const file = path.join(dir, 'hostile.zip');
    await writeFile(file, backup([record(1), record(1, { url: 'https://news.example.cn/dup.html', siteArticleId: 'DUP' }), record(3, { url: 'javascript:alert(1)' }), record(2 ** 53, { siteArticleId: 'BIG' })], { sync: { presetSettings: { preset: '__proto__' }, exportSettings: { timeZone: 'Asia/Shanghai' } } }));
    const out = path.join(dir, 'site');
    const r = await run(TSX, [path.join(ROOT, 'cli/export.ts'), file, '--out', out], { cwd: ROOT }).then(
      (x) => ({ code: 0, ...x }), (e: { code: number; stdout: string; stderr: string }) => e);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/setting left out: The time zone "Asia\/Shanghai"/);
    expect(r.stderr).toMatch(/setting left out: The preset "__proto__"/);
    expect(r.stderr).toMatch(/refused record 3 of articles\/00001\.json: its address is not an http\(s\) URL/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const files = await readdir(path.join(out, '_posts'));
    expect(r.stdout).toBe(`${files.length} posts written to ${out}; 1 records refused, 2 given a fresh id\n`);
    expect(files.sort()).toEqual(['2022-01-09-BIG.md', '2022-01-09-DUP.md', '2022-01-09-di-1-pian.md']);
  }, 60_000);
});
