// A site of 10 000 posts: a publish reads and writes only tree objects on the touched paths. Numbers are printed, not asserted.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderer } from '../../utils/export/export-post';
import { DEFAULT_EXPORT_CONFIG } from '../../utils/export/export-config';
import { publishPosts } from '../../utils/publish/publish-posts';
import { readSitePosts } from '../../utils/publish/read-site-posts';
import { importPosts } from '../../utils/publish/import-posts';
import { AUTHOR, NOW, TOKEN, clients, git, gitServerMissing, post, startGitServer, type GitServer } from './publish-fixtures';

const SIZE = 10_000;
const seed = readFileSync(join(import.meta.dirname, '../../../shared/spec/seed-post.md'), 'utf8');
const SEED_ID = 'NW202201092240969820';

/** Post i of the archive: the seed post with its own id, URL and title (the old scraper's output, 5 KB each). */
function archivePost(i: number) {
  const id = `NW2021${String(i).padStart(14, '0')}`;
  return { path: `_posts/2021-${String((i % 12) + 1).padStart(2, '0')}-01-${id}.md`, text: seed.replaceAll(SEED_ID, id).replace('量质双升绘宏图', `第${i}号`) };
}

/** Peak heap and RSS while `run` runs, sampled every 10 ms. */
async function measure<T>(run: () => Promise<T>) {
  const start = process.memoryUsage();
  let peakHeap = start.heapUsed;
  let peakRss = start.rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 10);
  const t0 = performance.now();
  try {
    const result = await run();
    const end = process.memoryUsage();
    peakHeap = Math.max(peakHeap, end.heapUsed);
    peakRss = Math.max(peakRss, end.rss);
    const mib = (n: number) => Math.round((n / 1048576) * 10) / 10;
    return { result, ms: Math.round(performance.now() - t0), heapBeforeMiB: mib(start.heapUsed), peakHeapMiB: mib(peakHeap), peakHeapGrowthMiB: mib(peakHeap - start.heapUsed), peakRssMiB: mib(peakRss) };
  } finally {
    clearInterval(timer);
  }
}

const missing = gitServerMissing();
if (missing) console.warn(`publish scale test skipped: ${missing}`);

describe.skipIf(missing !== null)(`a site of ${SIZE} posts`, () => {
  let server: GitServer;
  beforeAll(async () => {
    server = await startGitServer({ token: TOKEN });
    server.createBare('big');
    const files = Array.from({ length: SIZE }, (_, i) => archivePost(i));
    files.push({ path: '_config.yml', text: 'title: 剪报\n' });
    server.seed('big', files, { message: `${SIZE} posts` });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('publishes 10 posts in one commit touching only trees, then 10 more incrementally, then imports all', async () => {
    const target = { url: server.url('big'), branch: 'main', token: TOKEN };
    const dir = server.repoDir('big');
    const publisher = clients();
    const posts = Array.from({ length: 10 }, (_, i) => post(100 + i));
    const mark = server.requests.length;
    const first = await measure(() => publishPosts({ target, clients: publisher, posts, author: AUTHOR, now: NOW, message: 'first publish' }));
    const report = first.result;
    expect(report.errors).toEqual([]);
    expect(report.pushed).toHaveLength(10);
    const firstRequests = server.requests.slice(mark);
    const pushBytes = firstRequests.filter((r) => r.method === 'POST' && r.path.endsWith('git-receive-pack')).reduce((s, r) => s + r.bytesIn, 0);
    const fetchBytes = firstRequests.filter((r) => r.method === 'POST' && r.path.endsWith('git-upload-pack')).reduce((s, r) => s + r.bytesOut, 0);
    // Only the root and _posts/ trees are read and rewritten; the push carries 10 blobs and 2 trees, not the site:
    // the new _posts/ tree is most of it (10 010 entries × ~70 bytes, SHA-1s do not deflate; isomorphic-git sends
    // no deltas), against ~50 MB of posts that a full push would carry.
    expect(report.stats.trees).toEqual({ treesRead: 2, treesWritten: 2 });
    expect(pushBytes).toBeLessThan(1_000_000);
    expect(git(['rev-list', '--count', 'main'], { cwd: dir }).trim()).toBe('2');
    expect(git(['ls-tree', '-r', '--name-only', 'main'], { cwd: dir }).trim().split('\n')).toHaveLength(SIZE + 11);

    // A later publish from the same page: the gitdir is kept, so the fetch says "have" and gets only new objects.
    const mark2 = server.requests.length;
    const later = await measure(() => publishPosts({ target, clients: publisher, posts: Array.from({ length: 10 }, (_, i) => post(200 + i)), author: AUTHOR, now: NOW, message: 'later publish' }));
    expect(later.result.errors).toEqual([]);
    const laterFetchBytes = server.requests.slice(mark2).filter((r) => r.method === 'POST' && r.path.endsWith('git-upload-pack')).reduce((s, r) => s + r.bytesOut, 0);

    const imported = await measure(async () => {
      const read = await readSitePosts(target, clients());
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      const renderer = createRenderer(DEFAULT_EXPORT_CONFIG);
      return importPosts(read.posts, { settings: DEFAULT_EXPORT_CONFIG, now: NOW, nameKey: renderer.nameKey, verify: renderer });
    });
    expect(imported.result.posts).toHaveLength(SIZE + 20);
    expect(imported.result.posts.filter((p) => !p.exact)).toEqual([]);

    const numbers = {
      posts: SIZE,
      firstPublish: { ...first, result: undefined, objectsFetched: report.stats.objectsFetched, trees: report.stats.trees, fetchedBytes: fetchBytes, pushedBytes: pushBytes, gitdirBytes: publisher.fs.promises.bytesStored(), requests: firstRequests.length },
      laterPublish: { ...later, result: undefined, objectsFetched: later.result.stats.objectsFetched, fetchedBytes: laterFetchBytes },
      importAll: { ...imported, result: undefined, posts: imported.result.posts.length },
    };
    console.log(`publish scale numbers: ${JSON.stringify(numbers, null, 1)}`);
    writeFileSync(join(tmpdir(), 'jianbao-publish-scale.json'), JSON.stringify(numbers, null, 1));
  }, 300_000);
});
