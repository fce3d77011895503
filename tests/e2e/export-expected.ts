// For tests/e2e/export.test.mjs: the files an export of these articles must hold, by the same pure code, as JSON on stdout.
import { readFileSync } from 'node:fs';
import type { Article, ArticleBody } from '../../utils/types';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import { DEFAULT_PRESET_SETTINGS } from '../../utils/export/presets';
import { createRenderer } from '../../utils/export/export-post';
import { runBatch } from '../../utils/export/batch';
import { recordedIn } from '../../utils/export/post-names';

const input = JSON.parse(readFileSync(0, 'utf8')) as { articles: Article[]; bodies: ArticleBody[]; now: string };
const bodies = new Map(input.bodies.map((b) => [b.articleId, b]));
const files: Record<string, string> = {};
const report = await runBatch({
  articles: [...input.articles].sort((a, b) => a.id! - b.id!),
  recorded: recordedIn(input.articles),
  renderer: createRenderer({ ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS }),
  loadBodies: async (ids) => ids.map((id) => bodies.get(id)),
  sink: { write: (path, text) => void (files[path] = text) },
  now: new Date(input.now),
});
process.stdout.write(JSON.stringify({ files, failed: report.failed }));
