// Messages are codes: every problem code utils/ can give has a sentence in each catalog, with the same parameters,
// the Chinese one without English words (only names and formats: Jekyll, YAML, zip, +08:00, {id}…), and the
// problems that reach screens (restore, export, template, settings) come out of utils/ as codes, not sentences.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogs } from '../../locales/bundle';
import { PROBLEM_CODES, problem, problemOf, ProblemError, type Problem } from '../../utils/problem';
import { problemKey, problemText } from '../../utils/problem-text';
import { checkExportConfig } from '../../utils/export/template-check';
import { checkRecord, checkSettings } from '../../utils/backup-validate';
import { readManifest } from '../../utils/backup-format';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import { DEFAULT_PRESET_SETTINGS } from '../../utils/export/presets';

const ROOT = join(import.meta.dirname, '..', '..');
const catalogs = readCatalogs(join(ROOT, 'locales'));
const lookup = (lang: string) => (key: string, subs: string[]) => {
  const text = catalogs.get(lang)![key];
  if (text === undefined) throw new Error(`${lang}: no ${key}`);
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
};
const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

/** Latin letters a Chinese sentence may hold: names of things and formats, never English words. */
const ALLOWED_LATIN = /Jekyll|Hugo|YAML|JSON|ISO|PDF|zip|manifest\.json|http\(s\)|https?|URL|\{id\}|\{\{[#/]?(?:if|else)\}\}|\$\d/g;
const latinLeft = (zh: string) => zh.replace(ALLOWED_LATIN, '').match(/[A-Za-z]+/g) ?? [];

describe('problem catalogs', () => {
  it('every code has a sentence in every language, with the same parameters, and no sentence is left over', () => {
    const keys = new Set(PROBLEM_CODES.map(problemKey));
    for (const [lang, catalog] of catalogs) {
      for (const code of PROBLEM_CODES) expect(catalog[problemKey(code)], `${lang}: ${code}`).toBeTypeOf('string');
      expect(Object.keys(catalog).filter((k) => k.startsWith('pb_') && !keys.has(k)), lang).toEqual([]);
    }
    for (const code of PROBLEM_CODES) {
      const key = problemKey(code);
      expect(placeholders(catalogs.get('zh_CN')![key]!), code).toEqual(placeholders(catalogs.get('en')![key]!));
    }
  });

  it('the Chinese sentences hold no English words', () => {
    const zh = catalogs.get('zh_CN')!;
    const bad = PROBLEM_CODES.map((c) => [c, latinLeft(zh[problemKey(c)]!)] as const).filter(([, words]) => words.length > 0);
    expect(bad).toEqual([]);
  });

  it('the failure messages of save, delete, restore and export pages hold no English words in Chinese either', () => {
    const zh = catalogs.get('zh_CN')!;
    const keys = Object.keys(zh).filter((k) => /^(pop_fail|lib_.*(Fail|Refused|Quota|NoUndo|freed|Freed|free)|exp_)/.test(k));
    expect(keys.length).toBeGreaterThan(15);
    expect(keys.map((k) => [k, latinLeft(zh[k]!)] as const).filter(([, w]) => w.length > 0)).toEqual([]);
  });

  it('a nested problem is said inside its parent, in each language', () => {
    const p = problem('in-template', problem('tpl-if-unclosed', '1', '{{#if title}}'));
    expect(problemText(p, lookup('en'))).toBe('Template: Template line 1: {{#if title}} is never closed with {{/if}}.');
    expect(problemText(p, lookup('zh_CN'))).toBe('模板：模板第 1 行：{{#if title}} 没有用 {{/if}} 结束。');
  });
});

describe('utils give codes, not sentences', () => {
  const base = { ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS };
  const zhOf = (p: Problem) => problemText(p, lookup('zh_CN'));

  it('a template error names the post line and the cause, without any sample title, in Chinese', () => {
    const [p] = checkExportConfig({ ...base, customTemplate: '---\nlayout: post\ntitle: {{ title }}\n---\n{{ body }}' }, new Date('2026-01-01T00:00:00Z'));
    expect(zhOf(p!)).toBe('模板：文章第 3 行：头信息不是有效的 YAML 1.2：有一个键在同一行上缺少值（冒号加空格）。');
    expect(latinLeft(zhOf(p!))).toEqual([]);
  });

  it('a filter given a bad argument says which, through the template line', () => {
    const [p] = checkExportConfig({ ...base, customTemplate: '{{ title | truncate "x" }}' }, new Date('2026-01-01T00:00:00Z'));
    expect(p).toEqual(problem('in-template', problem('tpl-filter', '1', 'truncate', problem('filter-needs-number', 'truncate', '"x"'))));
  });

  it('a file that is not a backup, a refused record and a refused setting come as codes', () => {
    const notZip = (() => {
      try {
        readManifest(new TextEncoder().encode('hello'));
      } catch (err) {
        return problemOf(err);
      }
    })();
    expect(notZip).toEqual({ code: 'backup-not-zip' });
    expect(zhOf(notZip!)).toBe('这不是剪报的备份文件：它不是 zip 压缩包。');
    const refused = checkRecord({ article: { url: 'javascript:alert(1)' }, body: {} }, new Set());
    expect(refused).toEqual({ ok: false, reason: problem('rec-bad-url', 'javascript:alert(1)') });
    expect(checkSettings({ sync: { exportSettings: { timeZone: 'Asia/Shanghai' } } }).problems).toEqual([problem('tz-not-offset', 'Asia/Shanghai')]);
  });

  it('an error that carries no problem is `unexpected`, with its English kept as the detail', () => {
    expect(problemOf(new TypeError('x is undefined'))).toEqual({ code: 'unexpected', params: ['x is undefined'] });
    expect(problemOf(new ProblemError(problem('gone'), 'gone'))).toEqual({ code: 'gone' });
  });

  it('no screen shows an error\'s own message: the pages render problems (say) or their own catalog texts', () => {
    // Where a page once put `err.message` or a background answer's `message` on screen, it now says the problem.
    const files = ['entrypoints', 'components'].flatMap((dir) => walk(join(ROOT, dir))).filter((f) => /\.tsx?$/.test(f));
    const shown = /\(err as Error\)\.message|\berr\.message\b(?![^\n]*console\.)|\b(?:marked|report|checked)\.message\b/;
    const offenders = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => [f, i + 1, line] as const))
      .filter(([, , line]) => shown.test(line) && !/console\.|code: 'interrupted'/.test(line))
      .map(([f, n, line]) => `${f.slice(ROOT.length + 1)}:${n}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}
