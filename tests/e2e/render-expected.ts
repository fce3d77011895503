// For tests/e2e/one-click-presets.test.mjs: what the engine writes for these articles in one preset, as JSON on stdout.
import { readFileSync } from 'node:fs';
import type { Article, ArticleBody } from '../../utils/types';
import { DEFAULT_EXPORT_CONFIG, withPreset } from '../../utils/export/export-config';
import { createRenderer } from '../../utils/export/export-post';
import type { PresetId } from '../../utils/export/presets';

const input = JSON.parse(readFileSync(0, 'utf8')) as { articles: Article[]; bodies: ArticleBody[]; preset: PresetId; now: string };
const renderer = createRenderer(withPreset(DEFAULT_EXPORT_CONFIG, input.preset));
const posts = input.articles.map((a, i) => ({ id: a.id, path: renderer.path(a), text: renderer.renderText(a, input.bodies[i]!, new Date(input.now)) }));
process.stdout.write(JSON.stringify(posts));
