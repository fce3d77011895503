// Publish against a real git server (git http-backend): one commit, both publishers' commits kept, renames, codes.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from 'isomorphic-git';
import { publishPosts } from '../../utils/publish/publish-posts';
import { checkConnection } from '../../utils/publish/connect-check';
import type { RepositoryTarget } from '../../utils/publish/publish-types';
import {
  AUTHOR, NOW, TOKEN, clients, git, gitAsync, gitServerMissing, http, post, startGitServer, tempDir,
  type GitServer,
} from './publish-fixtures';

const missing = gitServerMissing();
if (missing) console.warn(`publish tests skipped: ${missing}`);

describe.skipIf(missing !== null)('publish to a git http-backend', () => {
  let server: GitServer;
  let n = 0;
  /** A new bare repository with one seed commit (a README), and the target for it. */
  const repo = (files = [{ path: 'README.md', text: '# site\n' }]) => {
    const name = `site${++n}`;
    server.createBare(name);
    if (files.length) server.seed(name, files);
    const target: RepositoryTarget = { url: server.url(name), branch: 'main', token: TOKEN };
    return { name, dir: server.repoDir(name), target };
  };
  const clone = (name: string) => {
    const dir = join(tempDir('clone'), 'site');
    git(['clone', '--quiet', '--branch', 'main', server.repoDir(name), dir]);
    return dir;
  };
  const publish = (target: RepositoryTarget, posts: ReturnType<typeof post>[], httpClient: HttpClient = http) =>
    publishPosts({ target, clients: clients(httpClient), posts, author: AUTHOR, now: NOW, offsetMinutes: 480, message: 'Jianbao: 3 posts' });

  beforeAll(async () => {
    server = await startGitServer({ token: TOKEN });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('publishes 3 posts and an image as ONE commit that the git CLI clones', async () => {
    const { name, dir, target } = repo();
    const posts = [post(1), post(2), post(3)];
    const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]);
    posts[0] = { ...posts[0]!, files: [{ path: 'assets/images/ab/abcdef.png', bytes: image }] };
    const report = await publish(target, posts);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.pushed.map((p) => [p.path, p.status])).toEqual(posts.map((p) => [p.path, 'added']));
    expect(report.files).toEqual(['assets/images/ab/abcdef.png']);
    expect(report.renamed).toEqual([]);
    expect(git(['rev-parse', 'main'], { cwd: dir }).trim()).toBe(report.commit);
    expect(git(['rev-list', '--count', 'main'], { cwd: dir }).trim()).toBe('2');
    const changed = git(['show', '--name-only', '--format=', 'main'], { cwd: dir }).trim().split('\n').sort();
    expect(changed).toEqual([...posts.map((p) => p.path), 'assets/images/ab/abcdef.png'].sort());
    expect(git(['log', '-1', '--format=%an <%ae> %ad|%s', '--date=raw', 'main'], { cwd: dir }).trim())
      .toBe(`Jianbao Test <jianbao@example.test> ${NOW.getTime() / 1000} +0800|Jianbao: 3 posts`);
    git(['fsck', '--strict', '--no-progress'], { cwd: dir });
    const work = clone(name);
    for (const p of posts) expect(readFileSync(join(work, p.path), 'utf8')).toBe(p.text);
    expect(new Uint8Array(readFileSync(join(work, 'assets/images/ab/abcdef.png')))).toEqual(image);
    expect(readFileSync(join(work, 'README.md'), 'utf8')).toBe('# site\n');
  });

  it('creates the branch in an empty repository', async () => {
    const { dir, target } = repo([]);
    const report = await publish(target, [post(1)]);
    expect(report.errors).toEqual([]);
    expect(report.base).toBeNull();
    expect(git(['ls-tree', '-r', '--name-only', 'main'], { cwd: dir }).trim()).toBe(post(1).path);
  });

  it('re-applies on the new tip when another publisher pushed between fetch and push; both commits stay', async () => {
    const { name, dir, target } = repo();
    // The other publisher: the git CLI clones over HTTP, commits a post and pushes, just before our push asks.
    const other = tempDir('other');
    const authed = target.url.replace('http://', `http://user:${TOKEN}@`);
    await gitAsync(['clone', '--quiet', '--depth', '1', authed, other]);
    let injected = false;
    const racing: HttpClient = {
      async request(req) {
        if (!injected && req.url.includes('service=git-receive-pack')) {
          injected = true;
          const theirs = post(50);
          await import('node:fs').then((fs) => {
            fs.mkdirSync(join(other, '_posts'), { recursive: true });
            fs.writeFileSync(join(other, theirs.path), theirs.text);
          });
          await gitAsync(['add', '-A'], { cwd: other });
          await gitAsync(['commit', '--quiet', '-m', 'other browser'], { cwd: other });
          await gitAsync(['push', '--quiet', 'origin', 'HEAD:main'], { cwd: other });
        }
        return http.request(req);
      },
    };
    const report = await publish(target, [post(1), post(2), post(3)], racing);
    expect(report.errors).toEqual([]);
    expect(injected).toBe(true);
    expect(report.attempts).toBe(2);
    const log = git(['log', '--format=%s', 'main'], { cwd: dir }).trim().split('\n');
    expect(log).toEqual(['Jianbao: 3 posts', 'other browser', 'seed']);
    const files = git(['ls-tree', '-r', '--name-only', 'main'], { cwd: dir }).trim().split('\n');
    expect(files).toEqual(expect.arrayContaining([post(1).path, post(2).path, post(3).path, post(50).path, 'README.md']));
    expect(existsSync(join(clone(name), post(50).path))).toBe(true);
  });

  it('re-applies when the branch moves after the push began (the host refuses the stale update)', async () => {
    const { dir, target } = repo();
    let injected = false;
    const racing: HttpClient = {
      async request(req) {
        if (!injected && req.method === 'POST' && req.url.endsWith('/git-receive-pack')) {
          injected = true;
          server.seed(target.url.split('/').pop()!.replace(/\.git$/, ''), [post(60)], { message: 'late push' });
        }
        return http.request(req);
      },
    };
    const report = await publish(target, [post(1)], racing);
    expect(report.errors).toEqual([]);
    expect(report.attempts).toBe(2);
    expect(git(['log', '--format=%s', 'main'], { cwd: dir }).trim().split('\n')).toEqual(['Jianbao: 3 posts', 'late push', 'seed']);
  });

  it('renames a post whose name holds a different article, replaces the same article, skips an identical one', async () => {
    const theirs = post(7, { url: 'https://other.example.cn/news/7.html', title: '另一篇文章' });
    const mine = post(7);
    expect(theirs.path).toBe(mine.path);
    const { name, dir, target } = repo([{ path: theirs.path, text: theirs.text }, { path: post(8).path, text: post(8).text }]);
    const edited = post(8, {}, '（更正）');
    const report = await publish(target, [mine, edited, post(9)]);
    expect(report.errors).toEqual([]);
    const renamedPath = mine.path.replace(/\.md$/, '-2.md');
    expect(report.renamed).toEqual([{ requested: mine.path, path: renamedPath, heldBy: 'https://other.example.cn/news/7.html' }]);
    expect(report.pushed.map((p) => [p.path, p.status])).toEqual([[renamedPath, 'added'], [edited.path, 'replaced'], [post(9).path, 'added']]);
    const work = clone(name);
    expect(readFileSync(join(work, theirs.path), 'utf8')).toBe(theirs.text);
    expect(readFileSync(join(work, renamedPath), 'utf8')).toBe(mine.text);
    expect(readFileSync(join(work, edited.path), 'utf8')).toBe(edited.text);

    // Publishing the same again: every post is already there (the renamed one found at its -2 name), no commit.
    const again = await publish(target, [mine, edited, post(9)]);
    expect(again.ok).toBe(true);
    expect(again.commit).toBeNull();
    expect(again.unchanged.map((p) => p.path)).toEqual([renamedPath, edited.path, post(9).path]);
    expect(git(['rev-list', '--count', 'main'], { cwd: dir }).trim()).toBe('2');
  });

  it('a wrong token gives {code: auth} and changes nothing', async () => {
    const { dir, target } = repo();
    const before = git(['rev-parse', 'main'], { cwd: dir }).trim();
    const report = await publish({ ...target, token: 'wrong' }, [post(1)]);
    expect(report).toMatchObject({ ok: false, commit: null, pushed: [], errors: [{ code: 'auth', status: 401 }] });
    const none = await publish({ ...target, token: null }, [post(1)]);
    expect(none.errors).toEqual([{ code: 'auth', status: 401 }]);
    expect(git(['rev-parse', 'main'], { cwd: dir }).trim()).toBe(before);
  });

  it('a push refused by the host (pre-receive hook) gives {code: rejected} with its reason', async () => {
    const { name, dir, target } = repo();
    server.rejectPushes(name, 'branch is protected');
    const before = git(['rev-parse', 'main'], { cwd: dir }).trim();
    const report = await publish(target, [post(1)]);
    expect(report.ok).toBe(false);
    expect(report.pushed).toEqual([]);
    expect(report.commit).toBeNull();
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ code: 'rejected' });
    const reason = (report.errors[0] as { reason: string }).reason;
    expect(reason).toMatch(/pre-receive hook declined/);
    expect(reason).toMatch(/branch is protected/);
    expect(git(['rev-parse', 'main'], { cwd: dir }).trim()).toBe(before);
  });

  it('refuses a bad post path, and a missing branch unless asked to create it', async () => {
    const { target } = repo();
    const bad = await publish(target, [{ path: '../evil.md', text: 'x' }]);
    expect(bad.errors).toEqual([{ code: 'bad-post', path: '../evil.md', problem: 'path' }]);
    const noBranch = await publish({ ...target, branch: 'gh-pages' }, [post(1)]);
    expect(noBranch.errors).toEqual([{ code: 'not-found', what: 'branch' }]);
    const created = await publishPosts({ target: { ...target, branch: 'gh-pages' }, clients: clients(), posts: [post(1)], author: AUTHOR, now: NOW, message: 'm', createBranch: true });
    expect(created.errors).toEqual([]);
  });

  it('checkConnection answers with codes', async () => {
    const { target } = repo();
    const { target: empty } = repo([]);
    const ok = await checkConnection(target, { http });
    expect(ok).toMatchObject({ ok: true, empty: false });
    expect((ok as { head: string }).head).toMatch(/^[0-9a-f]{40}$/);
    expect(await checkConnection(empty, { http })).toMatchObject({ ok: true, empty: true, head: null });
    expect(await checkConnection({ ...target, token: 'wrong' }, { http })).toEqual({ ok: false, error: { code: 'auth', status: 401 } });
    expect(await checkConnection({ ...target, branch: 'nope' }, { http })).toEqual({ ok: false, error: { code: 'not-found', what: 'branch' } });
    expect(await checkConnection({ ...target, url: `${server.baseUrl}/missing.git` }, { http })).toMatchObject({ ok: false, error: { code: 'not-found', what: 'repository' } });
    expect(await checkConnection({ ...target, url: 'http://127.0.0.1:9/site.git' }, { http })).toMatchObject({ ok: false, error: { code: 'network' } });
  });
});
