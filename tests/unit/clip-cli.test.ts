// `npm run -s clip` with --preset and --out: any preset, the post written at its export path and the path printed.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const SEED_PAGE = path.join(ROOT, 'tests/golden/pages/eastmoney-share.html');
const SEED_URL = 'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201092240969820';
const NOW = '2026-11-27T04:00:00Z';

function clip(...args: string[]) {
  return spawnSync(TSX, [path.join(ROOT, 'cli/clip.ts'), SEED_PAGE, '--url', SEED_URL, '--now', NOW, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('clip', { timeout: 60_000 }, () => {
  it('writes the seed page’s post to stdout with the default preset, byte for byte (its golden file)', () => {
    const r = clip();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(ROOT, 'tests/golden/expected/eastmoney-share.md'), 'utf8'));
  });

  it('writes any preset under its export path with --out and prints that path', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'jianbao-clip-'));
    try {
      for (const [preset, rel] of [['hugo', 'content/posts/2022-01-09-NW202201092240969820.md'], ['jekyll', '_posts/2022-01-09-NW202201092240969820.md']] as const) {
        const r = clip('--preset', preset, '--out', out);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toBe(`${path.join(out, rel)}\n`);
        const text = readFileSync(path.join(out, rel), 'utf8');
        expect(text).toBe(readFileSync(path.join(ROOT, `tests/golden/presets/${preset}/eastmoney-share.md`), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses an unknown preset (also __proto__) with a message, not a stack trace', () => {
    for (const preset of ['nope', '__proto__']) {
      const r = clip('--preset', preset);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^unknown preset ".*"; one of jekyll-news, jekyll, hugo, obsidian, markdown\n$/);
    }
  });
});
