// The export command line over a backup file: posts written as the extension would, damaged files refused.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinParts } from '../../utils/backup-format';
import { writeBackup } from '../../utils/backup';
import { at, freshLibrary, page } from './library-fixtures';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
let dir: string;

async function cli(...args: string[]) {
  return run(TSX, [path.join(ROOT, 'cli/export.ts'), ...args], { cwd: ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jianbao-cli-'));
  const { library } = freshLibrary();
  const { article } = await library.save(page({ siteArticleId: 'NW1' }), at(1));
  await library.update(article.id!, { title: '编辑过的标题' }, at(2));
  await library.save(page({ url: 'https://e.example/2', title: 'English story', source: 'City Daily', siteArticleId: 'EN2', publishedAt: '2023-05-01T10:00:00+01:00' }), at(3));
  const { parts } = await writeBackup(library, { sync: { exportSettings: { siteHost: 'news.example.org' } } }, at(4));
  await writeFile(path.join(dir, 'backup.zip'), joinParts(parts));
  await writeFile(path.join(dir, 'bad.zip'), 'not a zip at all');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run export', { timeout: 30_000 }, () => {
  it('writes every article as a post with the edits and the backed-up settings', async () => {
    const out = path.join(dir, 'site');
    const r = await cli(path.join(dir, 'backup.zip'), '--out', out, '--now', '2026-01-05T00:00:00Z');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 posts written/);
    expect((await readdir(path.join(out, '_posts'))).sort()).toEqual(['2022-01-09-NW1.md', '2023-05-01-EN2.md']);
    const post = await readFile(path.join(out, '_posts/2022-01-09-NW1.md'), 'utf8');
    expect(post).toContain('title: "编辑过的标题"');
    expect(post).toContain('date: 2022-01-09 07:48:06 +0800');
    expect(post).toContain('//news.example.org/category/hangzhouribao.html');
  });

  it('takes another preset', async () => {
    const out = path.join(dir, 'hugo');
    const r = await cli(path.join(dir, 'backup.zip'), '--out', out, '--preset', 'hugo');
    expect(r.code).toBe(0);
    expect(await readdir(path.join(out, 'content/posts'))).toHaveLength(2);
    expect((await cli(path.join(dir, 'backup.zip'), '--out', out, '--preset', 'nope')).stderr).toMatch(/unknown preset/);
  });

  it('refuses a damaged file and a missing --out', async () => {
    const r = await cli(path.join(dir, 'bad.zip'), '--out', path.join(dir, 'x'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a Jianbao backup/);
    expect((await cli(path.join(dir, 'backup.zip'))).stderr).toMatch(/usage/);
  });
});
