// Exports every fixture article with every preset, builds the Jekyll and Hugo posts with the REAL generators, opens
// the pages in Chromium, and reads every front matter with Ruby's YAML: what we export must be read by them exactly
// as we mean it. Needs jekyll, hugo, ruby and /usr/bin/chromium (Debian packages); without one of them the checks
// that need it are skipped, or fail when CI is set. JIANBAO_KEEP_SITES=1 keeps the built sites and prints where.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import { parseDocument } from 'yaml';
import { createRenderer, type ExportConfig, type ExportedPost } from '../../utils/export/export-post';
import { DEFAULT_PRESET_SETTINGS, PRESET_IDS, settingsForPreset, type PresetId } from '../../utils/export/presets';
import { sourceName } from '../../utils/export/source-name';
import { categorySlug } from '../../utils/export/category-slug';
import { isoInOffset, offsetMinutes } from '../../utils/dates';
import { DEFAULT_EXPORT_SETTINGS } from '../../utils/settings-defaults';
import { siteFixtures, TAGS, type SiteFixture } from './fixtures';
import {
  buildSite, CHROMIUM, frontMatterBlock, hasCommand, INSTALL_HINT, JEKYLL_TIMEZONE, lineNaming, readPage, rubyReadYaml, serveFolder, show, SITE_MARKER,
  squash, urlOf, visitPages, type Generator, type PageFacts, type RubyRead, type SiteBuild, type VisitReport,
} from './harness';

// ---------------------------------------------------------------------------------------------------------------
// Inputs: the fixtures, rendered with every preset.

const FIXTURES = siteFixtures();
const HAVE = { jekyll: hasCommand('jekyll'), hugo: hasCommand('hugo'), ruby: hasCommand('ruby'), chromium: existsSync(CHROMIUM) };
type Tool = keyof typeof HAVE;

const BUILT: { preset: PresetId; generator: Generator; showsExcerpt: boolean }[] = [
  // The seed format has no excerpt; `jekyll` quotes it first (Jekyll's page.excerpt), `hugo` writes `summary:`.
  { preset: 'jekyll-news', generator: 'jekyll', showsExcerpt: false },
  { preset: 'jekyll', generator: 'jekyll', showsExcerpt: true },
  { preset: 'hugo', generator: 'hugo', showsExcerpt: true },
];

function config(preset: PresetId): ExportConfig {
  return { ...DEFAULT_EXPORT_SETTINGS, ...settingsForPreset(preset, DEFAULT_PRESET_SETTINGS) };
}

interface Rendered {
  fixture: SiteFixture;
  preset: PresetId;
  post: ExportedPost | null;
  error: string | null;
}

const RENDERED: Rendered[] = PRESET_IDS.flatMap((preset) => {
  let renderer: ReturnType<typeof createRenderer>;
  try {
    renderer = createRenderer(config(preset));
  } catch (err) {
    return FIXTURES.map((fixture) => ({ fixture, preset, post: null, error: `createRenderer: ${String(err)}` }));
  }
  return FIXTURES.map((fixture) => {
    try {
      return { fixture, preset, post: renderer.render(fixture.article, fixture.body, fixture.now), error: null };
    } catch (err) {
      return { fixture, preset, post: null, error: String(err) };
    }
  });
});

const label = (r: Pick<Rendered, 'fixture' | 'preset'>) => `${r.fixture.name} [${r.preset}]`;
const renderedFor = (preset: PresetId) => RENDERED.filter((r) => r.preset === preset);

/** The posts a built preset writes: the first article at each path (a clash is a failure of its own). */
function sitePosts(preset: PresetId): Rendered[] {
  const seen = new Set<string>();
  return renderedFor(preset).filter((r) => r.post && !seen.has(r.post.path) && seen.add(r.post.path));
}

// ---------------------------------------------------------------------------------------------------------------
// What the article means: the values every reader must get back.

const source = (f: SiteFixture) => sourceName(f.article);
const slug = (f: SiteFixture) => categorySlug(source(f), DEFAULT_EXPORT_SETTINGS.categoryOverrides);
const tagName = (f: SiteFixture) => `${source(f)}${DEFAULT_EXPORT_SETTINGS.tagSuffix}`;
function publishedAt(f: SiteFixture): string {
  return f.article.publishedAt ?? isoInOffset(f.now, offsetMinutes(DEFAULT_EXPORT_SETTINGS.timeZone)!);
}

/** A moment as readers compare it: the instant (UTC) and the offset it was written in (null: none written). */
interface Moment { $instant: string; $offset: string | null }
interface Day { $day: string }

function moment(iso: string): Moment {
  const m = /([+-]\d\d:\d\d|Z)$/.exec(iso);
  return { $instant: new Date(iso).toISOString(), $offset: m ? (m[1] === 'Z' ? '+00:00' : m[1]!) : null };
}

/** YAML 1.1 timestamps, and the `+0800` offsets Psych (Jekyll) reads too. */
const STAMP = /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(\.\d+)?(?:[ \t]*(Z|[-+]\d\d?(?::?\d\d)?))?)?$/;

function parseStamp(text: string): Moment | Day | null {
  const m = STAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const pad = (v: string) => v.padStart(2, '0');
  const day = `${y}-${pad(mo!)}-${pad(d!)}`;
  if (h === undefined) return { $day: day };
  let offset: string | null = null;
  if (zone === 'Z') offset = '+00:00';
  else if (zone) {
    const z = /^([-+])(\d\d?)(?::?(\d\d))?$/.exec(zone)!;
    offset = `${z[1]}${pad(z[2]!)}:${z[3] ?? '00'}`;
  }
  const iso = `${day}T${pad(h)}:${mi}:${s}${frac ?? ''}${offset ?? 'Z'}`;
  return { $instant: new Date(iso).toISOString(), $offset: offset };
}

const DATE_KEYS = new Set(['date', 'published', 'created']);

/** The front matter each preset should write, key by key (keys not listed are compared between readers only). */
function intended(r: Rendered): Record<string, unknown> {
  const f = r.fixture;
  const a = f.article;
  const postTags = [tagName(f), ...a.tags.filter((t) => t !== tagName(f))];
  const when = moment(publishedAt(f));
  const optional = (key: string, value: string | null) => (value ? { [key]: value } : {});
  switch (r.preset) {
    case 'jekyll-news':
      return { layout: 'post', title: a.title, date: when, categories: slug(f), tags: tagName(f) };
    case 'jekyll':
      return { layout: 'post', title: a.title, date: when, categories: slug(f), tags: postTags, source: source(f), ...optional('author', a.author), original_url: a.url };
    case 'hugo':
      return {
        // `summary` is not here: Hugo renders it as Markdown, so it holds the excerpt escaped; the page's summary is checked.
        title: a.title, date: when, draft: false, categories: slug(f), tags: postTags, source: source(f), ...optional('author', a.author),
        original_url: a.url,
      };
    case 'obsidian': {
      const day = publishedAt(f).slice(0, 10);
      return { title: a.title, source: a.url, publisher: source(f), ...optional('author', a.author), published: { $day: day }, tags: ['jianbao', ...a.tags] };
    }
    default:
      return {};
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Readers' values, normalized: dates as moments or days, everything else as read.

function normRuby(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normRuby);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.$time === 'string') return moment(v.$time);
    if (typeof v.$date === 'string') return { $day: v.$date };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normRuby(x)]));
  }
  return value;
}

type OurRead = { value: Record<string, unknown> | null } | { error: string };

/** The `yaml` package's reading (YAML 1.1, as Jekyll's libyaml), dates with the offset their text gave. */
function readOurs(block: string): OurRead {
  const doc = parseDocument(block, { version: '1.1' });
  if (doc.errors.length) return { error: doc.errors.map((e) => e.message.split('\n')[0]).join('; ') };
  const js = doc.toJS() as unknown;
  if (js === null || js === undefined) return { value: null };
  if (typeof js !== 'object' || Array.isArray(js)) return { error: `not a mapping: ${show(js)}` };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(js as Record<string, unknown>)) {
    let v = value;
    if (v instanceof Date) {
      const node = doc.get(key, true) as { source?: string } | undefined;
      v = (node?.source && parseStamp(node.source)) || moment(v.toISOString());
    } else if (DATE_KEYS.has(key) && typeof v === 'string') {
      // `yaml` reads `2022-01-09 07:48:06 +0800` (Jekyll's form) as a string; Psych reads it as a time.
      v = parseStamp(v) ?? v;
    }
    out[key] = v;
  }
  return { value: out };
}

function sameValue(a: unknown, b: unknown): boolean {
  const isMoment = (x: unknown): x is Moment => !!x && typeof x === 'object' && '$instant' in x;
  if (isMoment(a) && isMoment(b)) return a.$instant === b.$instant && (a.$offset === null || b.$offset === null || a.$offset === b.$offset);
  return isDeepStrictEqual(a, b);
}

// ---------------------------------------------------------------------------------------------------------------
// Running the generators, the browser and Ruby, once for the whole file.

const builds = new Map<PresetId, SiteBuild>();
const facts = new Map<string, PageFacts>();
const visits = new Map<string, VisitReport>();
let browserFailure: string | null = null;
let ruby: { reads: RubyRead[] } | { failed: string } | null = null;
let tmp = '';
const timings: string[] = [];
const pageKey = (preset: PresetId, path: string) => `${preset}\u0000${path}`;

/** Blocks Ruby reads: every rendered post that has front matter (the plain `markdown` preset has none). */
const FRONT_MATTER = RENDERED.flatMap((r) => {
  if (!r.post || !r.post.text.startsWith('---')) return [];
  return [{ r, block: frontMatterBlock(r.post.text) }];
});

function requireTools(ctx: TestContext, ...tools: Tool[]): void {
  const missing = tools.filter((t) => !HAVE[t]);
  if (!missing.length) return;
  const message = `${missing.map((t) => (t === 'chromium' ? CHROMIUM : t)).join(', ')} ${missing.length > 1 ? 'are' : 'is'} not installed; install with: ${INSTALL_HINT}`;
  if (process.env.CI) throw new Error(`CI must run this check, but ${message}`);
  ctx.skip(message);
}

function fail(what: string, failures: string[]): void {
  if (failures.length) throw new Error(`${failures.length} ${what}:\n  ${failures.join('\n  ')}`);
}

beforeAll(async () => {
  const missing = (Object.keys(HAVE) as Tool[]).filter((t) => !HAVE[t]);
  if (missing.length) console.warn(`tests/sites: ${missing.join(', ')} missing: the checks that need ${missing.length > 1 ? 'them' : 'it'} ${process.env.CI ? 'fail (CI is set)' : 'are skipped'}; install with: ${INSTALL_HINT}`);
  tmp = mkdtempSync(join(tmpdir(), 'jianbao-sites-'));
  const t0 = Date.now();
  const jobs: Promise<void>[] = [];
  for (const { preset, generator } of BUILT) {
    if (!HAVE[generator]) continue;
    const posts = sitePosts(preset).map((r) => r.post!);
    jobs.push(buildSite(generator, posts, join(tmp, preset)).then((b) => {
      builds.set(preset, b);
      timings.push(`${generator} ${preset}: ${b.runs.map((x) => x.ms).join('+')} ms`);
    }));
  }
  if (HAVE.ruby) {
    const blocks = FRONT_MATTER.map((x) => x.block ?? '');
    jobs.push(rubyReadYaml(blocks).then((x) => void (ruby = x)));
  }
  await Promise.all(jobs);
  timings.push(`builds and ruby: ${Date.now() - t0} ms`);

  for (const [preset, build] of builds) {
    for (const [path, file] of build.pages) facts.set(pageKey(preset, path), readPage(readFileSync(file, 'utf8'), 'http://127.0.0.1/'));
  }

  if (HAVE.chromium && builds.size) {
    const t1 = Date.now();
    const server = await serveFolder(tmp);
    try {
      const list = [...builds].flatMap(([preset, build]) =>
        [...build.pages].map(([path, file]) => ({ label: pageKey(preset, path), url: urlOf(server.origin, tmp, file) })));
      for (const report of await visitPages(list)) visits.set(report.label, report);
    } catch (err) {
      browserFailure = String(err);
    } finally {
      await server.close();
    }
    timings.push(`chromium, ${visits.size} pages: ${Date.now() - t1} ms`);
  }
  console.info(`tests/sites timings: ${timings.join('; ')}`);
}, 150_000);

afterAll(() => {
  if (!tmp) return;
  if (process.env.JIANBAO_KEEP_SITES) console.info(`tests/sites: the sites are kept in ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// The checks.

describe('the inputs', () => {
  it('the hostile pages are extracted with the text they quote (body and meta description) and every article has the test tags', () => {
    const failures: string[] = [];
    for (const f of FIXTURES) {
      for (const q of f.bodyQuotes) if (!squash(f.body.text).includes(squash(q))) failures.push(`${f.name}: the extracted body lost ${show(q)}`);
      for (const q of f.excerptQuotes) if (!squash(f.article.excerpt ?? '').includes(squash(q))) failures.push(`${f.name}: the extracted excerpt lost ${show(q)}`);
      if (!isDeepStrictEqual(f.article.tags, TAGS)) failures.push(`${f.name}: tags ${show(f.article.tags)}`);
    }
    if (FIXTURES.length < 17) failures.push(`only ${FIXTURES.length} fixtures`);
    fail('fixture problems', failures);
  });

  it(`every preset (${PRESET_IDS.join(', ')}) renders every article (${FIXTURES.length} × ${PRESET_IDS.length})`, () => {
    fail('posts not rendered', RENDERED.filter((r) => r.error).map((r) => `${label(r)}: ${r.error}`));
  });

  it('no two articles share a post path in a built preset', () => {
    const failures: string[] = [];
    for (const { preset } of BUILT) {
      const byPath = new Map<string, string[]>();
      for (const r of renderedFor(preset)) if (r.post) byPath.set(r.post.path, [...(byPath.get(r.post.path) ?? []), r.fixture.name]);
      for (const [path, names] of byPath) if (names.length > 1) failures.push(`[${preset}] ${path}: ${names.join(', ')}`);
    }
    fail('path clashes', failures);
  });
});

describe.each(BUILT)('$generator site from preset $preset', ({ preset, generator, showsExcerpt }) => {
  const posts = () => sitePosts(preset);
  const build = () => builds.get(preset)!;

  /** Each post's page, or why there is none (a missing page fails every check that needed it). */
  function eachPage(visit: (r: Rendered, page: PageFacts, failures: string[]) => void, only?: (r: Rendered) => boolean): string[] {
    const failures: string[] = [];
    for (const r of renderedFor(preset)) {
      if (only && !only(r)) continue;
      if (!r.post) {
        failures.push(`${label(r)}: no post (not rendered: ${r.error})`);
        continue;
      }
      const page = facts.get(pageKey(preset, r.post.path));
      if (!page) {
        const refused = build().refused.get(r.post.path);
        failures.push(`${label(r)} ${r.post.path}: no page (${refused !== undefined ? `${generator} refused it, see the build check` : 'not built, see the build check'})`);
        continue;
      }
      visit(r, page, failures);
    }
    return failures;
  }

  it(`${generator} builds the site: exit 0, no Liquid Exception / error / warning in its output (a post it refuses is named with ${generator}'s message)`, (ctx) => {
    requireTools(ctx, generator);
    const b = build();
    const failures: string[] = [];
    for (const [path, output] of b.refused) {
      failures.push(`${nameOf(preset, path)} ${path}: the build failed (exit ${b.runs.find((x) => x.output === output)?.code}): ${show(lineNaming(output, path))}`);
    }
    if (b.failed) failures.push(`the build failed, naming no post: ${firstLines(b.failed, 6)}`);
    for (const c of b.complaints) failures.push(`${c.path ? `${nameOf(preset, c.path)} ${c.path}` : 'the build'}: ${c.line}`);
    fail(`${generator} build problems (${b.runs.length} run${b.runs.length > 1 ? 's' : ''})`, failures);
  });

  it('every post becomes a page', (ctx) => {
    requireTools(ctx, generator);
    fail('posts without a page', eachPage(() => {}));
    if (facts.size === 0 || posts().length === 0) throw new Error('no pages at all');
  });

  it("each page shows the article's title, character for character", (ctx) => {
    requireTools(ctx, generator);
    fail('wrong titles', eachPage((r, page, failures) => {
      if (page.title !== r.fixture.article.title) failures.push(`${label(r)}: title on the page ${show(page.title)}, article's ${show(r.fixture.article.title)}`);
    }));
  });

  const dateRule = generator === 'jekyll'
    ? `the publication instant (Jekyll prints it in the site's timezone, ${JEKYLL_TIMEZONE.offset})`
    : "the publication instant and the article's own offset";
  it(`each page dates the post at ${dateRule}`, (ctx) => {
    requireTools(ctx, generator);
    fail('wrong dates', eachPage((r, page, failures) => {
      const want = moment(publishedAt(r.fixture));
      const got = page.date && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/.test(page.date.trim()) ? moment(page.date.trim()) : null;
      const offset = generator === 'jekyll' ? JEKYLL_TIMEZONE.offset : want.$offset;
      if (!got || got.$instant !== want.$instant || got.$offset !== offset) {
        failures.push(`${label(r)}: date on the page ${show(page.date)}, expected ${want.$instant} at offset ${offset} (article: ${publishedAt(r.fixture)})`);
      }
    }));
  });

  it("each page files the post under the source's category slug", (ctx) => {
    requireTools(ctx, generator);
    fail('wrong categories', eachPage((r, page, failures) => {
      if (page.categories !== slug(r.fixture)) failures.push(`${label(r)}: categories on the page ${show(page.categories)}, expected ${show(slug(r.fixture))} (source ${show(source(r.fixture))})`);
    }));
  });

  // Typography is the site's, applied to all its text: kramdown's and goldmark's smart quotes turn " and ' into
  // curly ones on every page (a site setting, not an export problem). Only that difference is tolerated here;
  // every other character of the quoted text must be shown as the article wrote it.
  const quotes = (r: Rendered, page: PageFacts, failures: string[]) => {
    const content = straightQuotes(squash(page.content ?? ''));
    for (const q of r.fixture.bodyQuotes) {
      if (!content.includes(straightQuotes(squash(q)))) failures.push(`${label(r)}: the body's text lacks ${show(q)}${near(content, q, r.fixture.body.text)}`);
    }
    if (!showsExcerpt) return;
    const excerpt = straightQuotes(squash(page.excerpt ?? ''));
    for (const q of r.fixture.excerptQuotes) {
      if (!excerpt.includes(straightQuotes(squash(q)))) failures.push(`${label(r)}: the excerpt's text lacks ${show(q)}${near(excerpt, q, r.fixture.article.excerpt ?? '')}`);
    }
  };

  it('quoted template syntax (Liquid tags, Hugo shortcodes) shows as text, unchanged, and no site variable (SITE-…-MARKER) gets into an article', (ctx) => {
    requireTools(ctx, generator);
    fail('template text problems', eachPage((r, page, failures) => {
      if (r.fixture.name === 'liquid-quoted' || r.fixture.name === 'hugo-shortcodes') quotes(r, page, failures);
      for (const [part, text] of [['title', page.title], ['excerpt', page.excerpt], ['body', page.content]] as const) {
        const m = SITE_MARKER.exec(text ?? '');
        if (m) failures.push(`${label(r)}: the site's ${m[0]} appears in the page's ${part}: …${show(squash(text ?? '').slice(Math.max(0, m.index - 30), m.index + 40))}…`);
      }
    }));
  });

  it('markup quoted as text (<script>, onerror=, javascript:, [link](…), {::nomarkdown}, &lt;b&gt;) shows as text, unchanged', (ctx) => {
    requireTools(ctx, generator);
    fail('markup text problems', eachPage((r, page, failures) => quotes(r, page, failures), (r) => r.fixture.name === 'markup-as-text'));
  });

  it('no page has a <script> element, an on* attribute or a javascript: URL (the layout has none: each comes from an article)', (ctx) => {
    requireTools(ctx, generator);
    fail('active content in pages', eachPage((r, page, failures) => {
      for (const s of page.scripts) failures.push(`${label(r)}: <script> element ${show(s)}`);
      for (const h of page.handlers) failures.push(`${label(r)}: event handler ${show(h)}`);
      for (const u of page.scriptUrls) failures.push(`${label(r)}: script URL ${show(u)}`);
    }));
  });

  it('Chromium opens every page without a dialog or an alert/confirm/prompt/print call', (ctx) => {
    requireTools(ctx, generator, 'chromium');
    if (browserFailure) throw new Error(`the browser failed: ${browserFailure}`);
    fail('pages with dialogs', eachPage((r, _page, failures) => {
      const v = visits.get(pageKey(preset, r.post!.path));
      if (!v) failures.push(`${label(r)}: not visited`);
      else {
        if (v.error) failures.push(`${label(r)} ${v.url}: ${v.error}`);
        for (const d of v.dialogs) failures.push(`${label(r)} ${v.url}: ${d}`);
      }
    }));
  });
});

describe("front matter as Ruby's YAML reads it (YAML.safe_load, Psych/libyaml, as Jekyll reads it)", () => {
  const count = `${FRONT_MATTER.length} posts with front matter: ${FIXTURES.length} articles × ${PRESET_IDS.filter((p) => p !== 'markdown').join(', ')}`;
  const rubyReads = () => {
    if (!ruby) throw new Error('ruby did not run');
    if ('failed' in ruby) throw new Error(ruby.failed);
    return ruby.reads;
  };
  const where = (r: Rendered) => `${label(r)} ${r.post!.path}`;

  it(`Ruby reads every front matter without an error, as a mapping (${count})`, (ctx) => {
    requireTools(ctx, 'ruby');
    const reads = rubyReads();
    const failures: string[] = [];
    FRONT_MATTER.forEach(({ r, block }, i) => {
      const read = reads[i]!;
      if (block === null) failures.push(`${where(r)}: front matter opens with --- but never closes`);
      else if ('error' in read) failures.push(`${where(r)}: ${read.error}`);
      else if (!read.value || typeof read.value !== 'object' || Array.isArray(read.value)) failures.push(`${where(r)}: not a mapping: ${show(read.value)}`);
    });
    fail('front matter Ruby cannot read', failures);
  });

  it('Ruby reads every key as the yaml package reads it (YAML 1.1; dates compared as instants and offsets)', (ctx) => {
    requireTools(ctx, 'ruby');
    const reads = rubyReads();
    const failures: string[] = [];
    FRONT_MATTER.forEach(({ r, block }, i) => {
      const read = reads[i]!;
      if (block === null || 'error' in read) return failures.push(`${where(r)}: Ruby could not read it (see the error check)`);
      const ours = readOurs(block);
      if ('error' in ours) return failures.push(`${where(r)}: the yaml package cannot read it: ${ours.error}`);
      const theirs = (normRuby(read.value) ?? {}) as Record<string, unknown>;
      const mine = ours.value ?? {};
      for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
        if (!sameValue(theirs[key], mine[key])) failures.push(`${where(r)} key ${show(key)}: ruby ${show(theirs[key])}, yaml ${show(mine[key])}`);
      }
    });
    fail('differences between Ruby and the yaml package', failures);
  });

  it('Ruby reads the intended values: title, date (instant and offset), categories, tags (as given: "on", "1:20", U+2028), source, author, URL', (ctx) => {
    requireTools(ctx, 'ruby');
    const reads = rubyReads();
    const failures: string[] = [];
    FRONT_MATTER.forEach(({ r, block }, i) => {
      const read = reads[i]!;
      if (block === null || 'error' in read) return failures.push(`${where(r)}: Ruby could not read it (see the error check)`);
      const theirs = (normRuby(read.value) ?? {}) as Record<string, unknown>;
      for (const [key, want] of Object.entries(intended(r))) {
        const got = theirs[key];
        const ok = want && typeof want === 'object' && '$instant' in want
          ? !!got && typeof got === 'object' && isDeepStrictEqual(got, want)
          : isDeepStrictEqual(got, want);
        if (!ok) failures.push(`${where(r)} key ${show(key)}: ruby ${show(got)}, intended ${show(want)}`);
      }
    });
    fail('values Ruby reads differently from what the article says', failures);
  });
});

// ---------------------------------------------------------------------------------------------------------------

function nameOf(preset: PresetId, path: string): string {
  return sitePosts(preset).find((r) => r.post!.path === path)?.fixture.name ?? '?';
}

function firstLines(text: string, n = 2): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const shown = lines.slice(0, n).join(' ⏎ ');
  return show(shown.length > 600 ? `${shown.slice(0, 600)}…` : shown) + (lines.length > n ? ` (+${lines.length - n} lines)` : '');
}

/** The text with the generators' typographic quotes put back as straight ones. */
function straightQuotes(text: string): string {
  return text.replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"').replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'");
}

/** What the page shows where the article had the quote: found by the characters before it in the article. */
function near(pageText: string, quote: string, articleText: string): string {
  const original = squash(articleText);
  const q = squash(quote);
  const at = original.indexOf(q);
  if (at < 0) return '';
  const anchor = original.slice(Math.max(0, at - 16), at);
  const found = anchor ? pageText.indexOf(anchor) : -1;
  if (found < 0) return '; the text before it is gone too';
  const shown = pageText.slice(found + anchor.length, found + anchor.length + q.length + 12);
  const typographic = straightQuotes(shown).startsWith(q) ? ' (only the quote marks differ: the generator\'s smart quotes turned " or \' into curly ones)' : '';
  return `; after ${show(anchor)} the page has ${show(shown)}${typographic}`;
}
