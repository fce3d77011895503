// Golden tests: fixture page → extracted metadata and the exported post, with the clock frozen.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../cli/load-document';
import { clipDocument } from '../../utils/clip-document';
import { DEFAULT_EXPORT_CONFIG } from '../../utils/export/export-config';
import { GOLDEN_CASES, NOW, SEED_URL } from './golden-cases';

const here = import.meta.dirname;
const read = (rel: string) => readFileSync(join(here, rel), 'utf8');
// UPDATE_GOLDEN=1 rewrites expected/*.md; review the diff before committing it.
const update = process.env.UPDATE_GOLDEN === '1';

function clip(page: string, url: string, now: string) {
  return clipDocument(loadDocument(read(`pages/${page}`), url), url, DEFAULT_EXPORT_CONFIG, new Date(now));
}

function paragraphs(text: string): string[] {
  return Array.from(text.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g), (m) => m[1].trim());
}

describe.each(GOLDEN_CASES)('$page', ({ page, url, now, expect: expected }) => {
  const result = clip(page, url, now);

  if ('failure' in expected) {
    it(`fails with ${expected.failure}`, () => {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe(expected.failure);
    });
    return;
  }

  it('extracts the metadata', () => {
    expect(result.ok, result.ok ? '' : result.message).toBe(true);
    if (!result.ok) return;
    expect(result.extracted).toMatchObject(expected);
  });

  it('exports the expected post', () => {
    if (!result.ok) throw new Error(result.message);
    const file = join(here, 'expected', page.replace(/\.html$/, '.md'));
    if (update || !existsSync(file)) writeFileSync(file, result.post.text);
    expect(result.post.text).toBe(readFileSync(file, 'utf8'));
  });
});

describe('the seed-shaped page', () => {
  const seed = read('expected/seed-post.md');
  const result = clip('eastmoney-share.html', SEED_URL, NOW);
  if (!result.ok) throw new Error(result.message);
  const post = result.post.text;
  const frame = (text: string) => {
    const [, frontMatter] = text.split('---\n', 3);
    const lines = text.split('\n');
    return { frontMatter, urlLine: lines.at(-3), backLinks: lines.at(-1), blank: [lines.at(-4), lines.at(-2)] };
  };

  it('writes the seed front matter, URL line and back-links byte for byte', () => {
    expect(frame(post)).toEqual(frame(seed));
    expect(post.endsWith('\n')).toBe(false);
    expect(result.post.path).toBe('_posts/2022-01-09-NW202201092240969820.md');
  });

  it('keeps the seed paragraphs, one block per line, without indents', () => {
    expect(paragraphs(post)).toEqual(paragraphs(seed));
    const body = post.split('---\n')[2].split('\n\n<http')[0];
    for (const line of body.split('\n')) expect(line).toMatch(/^<p>[^\u3000].*<\/p>$/);
  });
});
