// The template engine: variables, filters, sections, and templates refused with the line that is wrong.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { TemplateError, compileTemplate, renderTemplate, type TemplateVars } from '../../utils/export/template';
import { checkPostYaml } from '../../utils/export/post-check';
import { formatDate, slugify } from '../../utils/export/template-filters';
import { createRenderer } from '../../utils/export/export-post';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import { DEFAULT_PRESET_SETTINGS, PRESETS, PRESET_IDS, settingsForPreset } from '../../utils/export/presets';
import type { Article } from '../../utils/types';

const render = (tpl: string, vars: TemplateVars) => renderTemplate(compileTemplate(tpl), vars);

describe('renderTemplate', () => {
  it('fills variables and chains filters with quoted arguments', () => {
    expect(render('{{ a }}-{{ b | upper }}-{{ c | default "x | y" }}', { a: '1', b: 'b', c: '' })).toBe('1-B-x | y');
  });

  it('renders {{#if}} / {{else}} / {{#unless}} sections, nested', () => {
    const tpl = '{{#if a}}A{{#unless b}}!b{{/unless}}{{else}}no a{{/if}}';
    expect(render(tpl, { a: 'x', b: '' })).toBe('A!b');
    expect(render(tpl, { a: 'x', b: 'y' })).toBe('A');
    expect(render(tpl, { a: null, b: 'y' })).toBe('no a');
    expect(render('{{#if t}}has{{/if}}', { t: [] })).toBe('');
  });

  it('formats dates in their own offset', () => {
    expect(formatDate('2022-01-09T07:48:06+08:00', 'YYYY-MM-DD HH:mm:ss ZZ')).toBe('2022-01-09 07:48:06 +0800');
    expect(formatDate('2024-05-02T18:30:00-04:00', '[on] DD/MM/YYYY Z')).toBe('on 02/05/2024 -04:00');
    expect(render('{{ d | jekyll_date }}', { d: '2026-11-20T01:02:03.000Z' })).toBe('2026-11-20 01:02:03 +0000');
  });

  it('writes slugs, pinyin (重庆 → chongqing), truncation by characters', () => {
    expect(slugify('重庆 Daily News!')).toBe('chong-qing-daily-news');
    expect(slugify('重庆 Daily News!', true)).toBe('重庆-daily-news');
    expect(render('{{ s | pinyin }}', { s: '重庆日报' })).toBe('chongqingribao');
    expect(render('{{ s | truncate 3 }}', { s: '😀😀😀😀' })).toBe('😀😀😀…');
  });

  it('writes YAML values that read back as themselves', () => {
    const out = render('a: {{ x | yaml }}\nb: {{ y | yaml }}\nc: {{ t | yaml }}\nd: {{ x | yaml_quoted }}', { x: 'yes', y: 'a: "b"', t: ['1:20', 'ok'] });
    expect(parse(out, { version: '1.1' })).toEqual({ a: 'yes', b: 'a: "b"', c: ['1:20', 'ok'], d: 'yes' });
  });

  it.each([
    ['{{ nope }}', /line 1: unknown variable "nope"/],
    ['x\n{{ a | frobnicate }}', /line 2: unknown filter "frobnicate"/],
    ['{{#if a}}\nopen', /line 1: \{\{#if a\}\} is never closed/],
    ['a\nb\n{{/if}}', /line 3: \{\{\/if\}\} without its \{\{#if\}\}/],
    ['{{ a b }}', /line 1: .* is not a variable name/],
    ['{{ a | truncate x }}', /line 1: filter truncate: truncate needs a whole number/],
  ])('refuses %j naming the line', (tpl, message) => {
    expect(() => render(tpl, { a: 'v' })).toThrow(message);
  });
});

describe('checkPostYaml', () => {
  it('accepts a valid front matter and a post without one', () => {
    expect(() => checkPostYaml('---\ntitle: "a"\ntags: [a, b]\n---\nbody')).not.toThrow();
    expect(() => checkPostYaml('# Plain\n\nbody')).not.toThrow();
  });

  it.each([
    ['---\ntitle: ok\ntitle: again\n---\n', 3],
    ['---\nlayout: post\ntitle: "He said "no""\n---\nbody', 3],
    ['---\na: 1\nb: 2\nc: [unclosed\n---\n', 4],
    ['---\nlayout: post\ntitle: x\n- item\n---\n', 4],
  ])('refuses %j at line %i of the post', (text, line) => {
    let error: unknown;
    try {
      checkPostYaml(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).line).toBe(line);
    expect((error as Error).message).toMatch(new RegExp(`^line ${line}: `));
  });

  it('refuses front matter that is never closed', () => {
    expect(() => checkPostYaml('---\ntitle: x\nbody')).toThrow(/line 1: .*never closed/);
  });
});

const ARTICLE: Article = {
  id: 1, url: 'https://example.com/a', title: 't', source: '重庆日报', siteName: null, author: null,
  publishedAt: '2022-01-09T07:48:06+08:00', savedAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
  lang: 'zh', excerpt: null, leadImage: null, siteArticleId: null, tags: [], category: null, contentHash: 'x', exportedAt: null,
};
const NOW = new Date('2026-11-27T04:00:00Z');

describe('a custom template', () => {
  it('that writes a raw title is refused for a title with quotes, naming the line', () => {
    const renderer = createRenderer({ ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS, customTemplate: '---\nlayout: post\ntitle: "{{ title }}"\n---\n{{ body }}' });
    expect(() => renderer.render({ ...ARTICLE, title: 'He said "no"' }, { articleId: 1, html: '<p>x</p>', text: 'x' }, NOW)).toThrow(/line 3: front matter is not valid YAML/);
    expect(renderer.render(ARTICLE, { articleId: 1, html: '<p>x</p>', text: 'x' }, NOW).text).toBe('---\nlayout: post\ntitle: "t"\n---\n<p>x</p>');
  });
});

/** Strings that broke the old tool or trip YAML readers, mixed with arbitrary text. */
const NASTY = ['"', '\\', ':', ': ', ' #', '---', '...', '\n', '\r', '\t', '\u0000', '😀', '\u200f', '\u202e', '\u2028', '\u0085', 'yes', 'on', '~', '1:20', '- ', '&a', '*a', '!t', '%', '@', '`', "'", '{', '[', ',', '|', '>', '南昌日报', '<', '>'];
const nasty = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string()), { maxLength: 20 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY), fc.integer({ min: 1000, max: 10_000 })).map(([p, n]) => p.repeat(n).slice(0, n)) },
);

describe('property: every preset writes front matter that reads back as the article', () => {
  it.each(PRESET_IDS.filter((id) => PRESETS[id].template.startsWith('---')))('%s', (preset) => {
    const renderer = createRenderer({ ...DEFAULT_EXPORT_SETTINGS, ...settingsForPreset(preset, DEFAULT_PRESET_SETTINGS) });
    fc.assert(
      fc.property(nasty, nasty, fc.array(nasty, { maxLength: 3 }), nasty, (title, source, tags, author) => {
        const article = { ...ARTICLE, title, source, tags, author: author || null };
        const post = renderer.render(article, { articleId: 1, html: '<p>body</p>', text: 'body' }, NOW);
        const end = post.text.indexOf('\n---\n', 3);
        expect(end).toBeGreaterThan(0);
        const block = post.text.slice(4, end);
        for (const line of block.split('\n')) expect(line).not.toMatch(/^(---|\.\.\.)/);
        for (const version of ['1.1', '1.2'] as const) {
          const data = parse(block, { version }) as Record<string, unknown>;
          expect(data.title).toBe(title);
          if (preset === 'obsidian') expect(data.publisher).toBe(source.trim() || 'example.com');
          else expect(data.source ?? data.tags).toBeTruthy();
          if (author.trim() && preset !== 'jekyll-news') expect(data.author).toBe(author);
        }
        // The file name is safe and within 200 bytes whatever the title.
        const name = post.path.split('/').pop()!;
        expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
        expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|^\./);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('checkExportConfig (the options page refuses to save these)', async () => {
  const { checkExportConfig } = await import('../../utils/export/template-check');
  const base = { ...DEFAULT_EXPORT_SETTINGS, ...DEFAULT_PRESET_SETTINGS };
  it('accepts every preset as it comes', () => {
    for (const id of PRESET_IDS) expect(checkExportConfig({ ...base, ...settingsForPreset(id, DEFAULT_PRESET_SETTINGS) }, NOW)).toEqual([]);
  });
  it('refuses a template that writes the title raw, naming the line', () => {
    const problems = checkExportConfig({ ...base, customTemplate: '---\nlayout: post\ntitle: {{ title }}\n---\n{{ body }}' }, NOW);
    expect(problems).toHaveLength(1);
    // No sample title in it: the line of the post, the YAML version and why, each a code the page translates.
    expect(problems[0]).toEqual({ code: 'in-template', params: [{ code: 'fm-invalid-yaml', params: ['3', '1.2', { code: 'yaml-map-value' }] }] });
  });
  it('refuses a bad time zone and a pattern without parts', () => {
    expect(checkExportConfig({ ...base, timeZone: 'Asia/Shanghai' }, NOW)[0]).toEqual({ code: 'tz-not-offset', params: ['Asia/Shanghai'] });
    expect(checkExportConfig({ ...base, filenamePattern: 'post' }, NOW)[0]).toEqual({ code: 'in-file-name', params: [{ code: 'fn-no-part' }] });
  });
});

describe('plainlyValid (the YAML check’s fast path)', async () => {
  const { plainlyValid } = await import('../../utils/export/post-check');
  const { parseDocument } = await import('yaml');
  const PIECES = ['a', 'B', '1', ' ', '-', '_', '.', ':', ': ', '#', ' #', '"', '\\', '南昌', '：', '“', '[', ']', ', ', ',', '{', '&', '*', '!', '|', '>', "'", '2022-01-09', ' 07:48:06 +0800', 'T07:48:06+08:00', '\u2028', '\t', '%', '@', '`', '?', '~'];
  const junk = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join(''));
  const safe = fc.array(fc.constantFrom('a', 'B', '1', ' ', '-', '_', '.', '南昌', '日报', 'x'), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
  const item = fc.oneof(junk, safe, junk.map((j) => `"${j}"`), safe.map((j) => `"${j}"`), junk.map((j) => `"${j.replace(/["\\]/g, '\\$&')}"`));
  const value = fc.oneof(item, fc.array(item, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`));
  const line = fc.tuple(fc.constantFrom('title', 'date', 'tags', 'a_b', 'x-y', 'k1', 'k2', 'k3', 'k4', 'k5'), value).map(([k, v]) => `${k}: ${v}`);
  it('property: a block it accepts is a valid mapping for YAML 1.1 and 1.2 readers', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), (lines) => {
        const block = lines.join('\n');
        if (!plainlyValid(block)) return;
        accepted++;
        for (const version of ['1.1', '1.2'] as const) {
          const doc = parseDocument(block, { version, uniqueKeys: true });
          expect(doc.errors).toEqual([]);
          expect(Object.keys(doc.toJS() as object)).toHaveLength(lines.length);
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  }, 60_000);
  it('accepts the seed front matter and takes \\" and \\\\ escapes but no others', () => {
    expect(plainlyValid('layout: post\ntitle: "量质双升绘宏图 民生答卷晒幸福 ——青山湖区经济社会发展迈上新台阶"\ndate: 2022-01-09 07:48:06 +0800\ncategories: nanchangribao\ntags: 南昌日报新闻')).toBe(true);
    expect(plainlyValid('title: "a \\"b\\" c:\\\\d"')).toBe(true);
    expect(plainlyValid('title: "a \\nb"')).toBe(false);
    expect(plainlyValid('title: "a \\"')).toBe(false);
    expect(plainlyValid('title: a\ntitle: b')).toBe(false);
  });
});
