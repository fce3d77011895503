// Backup round trip and refusal of damaged or foreign files, against fresh fake IndexedDBs.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { BackupError, BackupWriter, joinParts, readManifest, type BackupRecord } from '../../utils/backup-format';
import { restoreBackup, writeBackup } from '../../utils/backup';
import { mergeDecision } from '../../utils/restore-merge';
import { at, freshLibrary, page } from './library-fixtures';

async function filled(n: number) {
  const lib = freshLibrary();
  // Seeded in bulk (as the browser test does), then touched through the ordinary paths.
  const records: BackupRecord[] = Array.from({ length: n }, (_, i) => {
    const zh = i % 2 === 0;
    const p = page({
      url: `https://x.example/${i}`,
      title: zh ? `第${i}条新闻 "引号" \\ 反斜杠` : `Story ${i}`,
      publishedAt: i % 3 === 0 ? null : '2022-01-09T07:48:06+08:00',
    });
    const { html: _h, text: _t, ...fields } = p;
    const savedAt = at(1 + (i % 20)).toISOString();
    return {
      article: { ...fields, id: i + 1, savedAt, updatedAt: savedAt, tags: [], category: null, contentHash: '0', exportedAt: null },
      body: { html: `<p>正文 ${i} 🎉 \u2028</p>`, text: `正文 ${i} 🎉 \u2028` },
    };
  });
  await lib.library.importRecords(records);
  await lib.library.save(page({ url: 'https://x.example/1', title: '重新保存' }), at(24));
  await lib.library.tag([1, 2], ['标签'], [], at(25));
  await lib.library.update(3, { title: '改过的标题' }, at(26));
  await lib.library.markExported([4], at(27));
  return lib;
}

const dump = async ({ db }: ReturnType<typeof freshLibrary>) =>
  Promise.all([db.articles.toArray(), db.bodies.toArray(), db.terms.toArray(), db.postings.toArray()]);

async function backupOf(lib: ReturnType<typeof freshLibrary>, settings = { sync: { exportSettings: { siteHost: 'a.example' } } }) {
  const { parts, manifest } = await writeBackup(lib.library, settings, at(30));
  return { data: joinParts(parts), manifest };
}

describe('backup round trip', { timeout: 30_000 }, () => {
  it('backup → empty library → restore gives identical rows, bodies, terms and settings', async () => {
    const source = await filled(2100);
    const progress: string[] = [];
    const { data, manifest } = await backupOf(source);
    expect(manifest).toMatchObject({ format: 'jianbao-backup', version: 1, articleCount: 2100 });
    expect(manifest.chunks).toHaveLength(3);

    const target = freshLibrary('other');
    const { counts, manifest: read } = await restoreBackup(data, (r) => target.library.importRecords(r), (p) => progress.push(`${p.phase}:${p.done}/${p.total}`));
    expect(counts).toEqual({ added: 2100, replaced: 0, skipped: 0 });
    expect(read.settings).toEqual({ sync: { exportSettings: { siteHost: 'a.example' } } });
    expect(progress).toEqual(['check:1/3', 'check:2/3', 'check:3/3', 'restore:1024/2100', 'restore:2048/2100', 'restore:2100/2100']);
    expect(await dump(target)).toEqual(await dump(source));
    // Restoring the same file again changes nothing.
    expect((await restoreBackup(data, (r) => target.library.importRecords(r))).counts).toEqual({ added: 0, replaced: 0, skipped: 2100 });
    expect(await dump(target)).toEqual(await dump(source));
  }, 120_000); // 2 100 articles through fake IndexedDB: slow on a loaded 2-core machine, and no timing is asserted

  it('merges into a library that has articles: same URL, the newer edit wins; other ids are renumbered', async () => {
    const source = await filled(4);
    const { data } = await backupOf(source);
    const target = freshLibrary('target');
    await target.library.save(page({ url: 'https://own.example/1', title: '自己的' }), at(1));
    await target.library.save(page({ url: 'https://x.example/3', title: '更旧的' }), at(1));
    await target.library.save(page({ url: 'https://x.example/0' }), at(28));
    await target.library.update(3, { title: '目标里更新的编辑' }, at(29));
    const { counts } = await restoreBackup(data, (r) => target.library.importRecords(r));
    expect(counts).toEqual({ added: 2, replaced: 1, skipped: 1 });
    expect(await target.library.count()).toBe(5);
    const titles = (await target.library.list()).map((a) => a.title).sort();
    expect(titles).toContain('改过的标题');
    expect(titles).toContain('目标里更新的编辑');
    expect(titles).toContain('自己的');
    expect((await target.library.search('改过', 5)).map((a) => a.title)).toEqual(['改过的标题']);
  });

  it('decides merges by updatedAt', () => {
    expect(mergeDecision(undefined, { updatedAt: 'b' })).toBe('add');
    expect(mergeDecision({ updatedAt: 'a' }, { updatedAt: 'b' })).toBe('replace');
    expect(mergeDecision({ updatedAt: 'b' }, { updatedAt: 'b' })).toBe('skip');
    expect(mergeDecision({ updatedAt: 'c' }, { updatedAt: 'b' })).toBe('skip');
  });
});

describe('refusing bad files', { timeout: 30_000 }, () => {
  async function refused(data: Uint8Array, code: string) {
    const target = freshLibrary('t');
    await target.library.save(page(), at(1));
    const before = await dump(target);
    const err = await restoreBackup(data, (r) => target.library.importRecords(r)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err).toMatchObject({ code });
    expect((err as Error).message.length).toBeGreaterThan(20);
    expect(await dump(target)).toEqual(before);
  }

  it('refuses a file that is not a zip', () => refused(strToU8('{"format":"jianbao-backup"}'), 'not-zip'));
  it('refuses a foreign zip', () => refused(zipSync({ 'readme.txt': strToU8('hi') }), 'foreign'));
  it('refuses another program\'s manifest', () => refused(zipSync({ 'manifest.json': strToU8('{"format":"other"}') }), 'foreign'));
  it('refuses a backup from a newer format', async () => {
    const w = new BackupWriter();
    w.finish(at(1), {});
    const m = readManifest(joinParts(w.parts));
    await refused(zipSync({ 'manifest.json': strToU8(JSON.stringify({ ...m, version: 99 })) }), 'newer-version');
  });

  it('refuses a backup whose last chunk is damaged, before writing the good chunks', async () => {
    const { data } = await backupOf(await filled(2049));
    const { unzipSync } = await import('fflate');
    const files = unzipSync(data);
    const last = 'articles/00003.json';
    const records = JSON.parse(new TextDecoder().decode(files[last])) as BackupRecord[];
    records[0]!.article.title = 'tampered';
    await refused(zipSync({ ...files, [last]: strToU8(JSON.stringify(records)) }), 'corrupt');
    await refused(zipSync({ ...files, [last]: strToU8('[{"article":{}}]') }), 'corrupt');
    const { [last]: _, ...missing } = files;
    await refused(zipSync(missing), 'corrupt');
    await refused(data.slice(0, data.length >> 1), 'not-zip');
  });

  it('refuses a chunk that does not hold records, even when its checksum matches', async () => {
    const w = new BackupWriter();
    w.addChunk(['not a record'] as unknown as BackupRecord[]);
    w.finish(at(1), {});
    await refused(joinParts(w.parts), 'corrupt');
  });

  it('refuses and lists a record of the wrong shape, and restores the others', async () => {
    const good = (await (await filled(1)).library.readRecords(0, 10))[0]!;
    const w = new BackupWriter();
    w.addChunk([{ article: { url: 1 }, body: {} } as unknown as BackupRecord, good]);
    w.finish(at(1), {});
    const target = freshLibrary('shape');
    const report = await restoreBackup(joinParts(w.parts), (r, position) => target.library.importRecords(r, position));
    expect(report.refused).toEqual([{ title: '', reason: { code: 'rec-bad-url', params: ['1'] } }]);
    expect(report.counts.added).toBe(1);
    expect(await target.library.count()).toBe(1);
    expect(await target.library.restoreProgress()).toBeNull();
  });
});

describe('importRecords', () => {
  it('takes only the newest version of a URL that appears twice in one batch', async () => {
    const { library } = freshLibrary('dup');
    const base = (await (await filled(1)).library.readRecords(0, 10))[0]!;
    const older = { ...base, article: { ...base.article, id: undefined, title: 'older', updatedAt: '2026-01-01T00:00:00.000Z' } };
    const newer = { ...base, article: { ...base.article, id: undefined, title: 'newer', updatedAt: '2026-02-01T00:00:00.000Z' } };
    expect(await library.importRecords([newer, older, newer])).toEqual({ added: 1, replaced: 0, skipped: 2 });
    expect((await library.list()).map((a) => a.title)).toEqual(['newer']);
  });
});
