// Golden tests for every preset: fixture articles → expected files under tests/golden/presets/<preset>/, clock frozen.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS } from '../../../utils/settings-defaults';
import { createRenderer, type ExportConfig } from '../../../utils/export/export-post';
import { DEFAULT_PRESET_SETTINGS, PRESET_IDS, settingsForPreset } from '../../../utils/export/presets';
import { FROZEN_NOW, fixtures } from './fixtures';

const here = import.meta.dirname;
// UPDATE_GOLDEN=1 rewrites the expected files; review the diff before committing it.
const update = process.env.UPDATE_GOLDEN === '1';
const FIXTURES = fixtures();

function config(preset: (typeof PRESET_IDS)[number]): ExportConfig {
  return { ...DEFAULT_EXPORT_SETTINGS, ...settingsForPreset(preset, DEFAULT_PRESET_SETTINGS) };
}

describe.each(PRESET_IDS)('preset %s', (preset) => {
  const renderer = createRenderer(config(preset));
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (name, f) => {
    const post = renderer.render(f.article, f.body, FROZEN_NOW);
    const file = join(here, preset, `${name}.md`);
    const expectedPath = join(here, preset, `${name}.path`);
    if (update || !existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, post.text);
      writeFileSync(expectedPath, post.path);
    }
    expect(post.text).toBe(readFileSync(file, 'utf8'));
    expect(post.path).toBe(readFileSync(expectedPath, 'utf8'));
  });
});

describe('Jekyll news post (the default)', () => {
  const renderer = createRenderer({ ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS });

  // expected/*.md were written by the spine's own renderer before it became this preset: the same bytes, still.
  it.each(FIXTURES.filter((f) => existsSync(join(here, '../expected', `${f.name}.md`))).map((f) => [f.name, f] as const))(
    '%s: the preset writes the page-to-post golden file byte for byte', (name, f) => {
      expect(renderer.render(f.article, f.body, FROZEN_NOW).text).toBe(readFileSync(join(here, '../expected', `${name}.md`), 'utf8'));
    });

  it('reproduces the seed post', () => {
    const seed = FIXTURES.find((f) => f.name === 'eastmoney-share')!;
    const expected = readFileSync(join(here, '../expected/seed-post.md'), 'utf8');
    const post = renderer.render(seed.article, seed.body, FROZEN_NOW);
    expect(post.path).toBe('_posts/2022-01-09-NW202201092240969820.md');
    // The fixture page's body is the seed's, so the frame and every paragraph match.
    const frame = (t: string) => [t.split('\n---\n')[0], t.split('\n').slice(-3)];
    expect(frame(post.text)).toEqual(frame(expected));
  });
});
