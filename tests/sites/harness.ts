// Helpers for tests/sites: run the real generators (Jekyll, Hugo) on exported posts, read the pages they build, open
// them in Chromium, and read front matter with Ruby's YAML (Psych/libyaml, what Jekyll uses).
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { loadDocument } from '../../cli/load-document';

export const CHROMIUM = '/usr/bin/chromium';
export const INSTALL_HINT = 'apt-get install -y jekyll hugo ruby chromium';
/** The site's own texts: an article that quotes `{{ site.title }}` must never pull them into its page. */
export const SITE_TITLE = 'SITE-TITLE-MARKER';
export const SITE_DESCRIPTION = 'SITE-DESCRIPTION-MARKER';
export const SITE_MARKER = /SITE-[A-Z]+-MARKER/;
/** Jekyll prints dates in the site's `timezone` (Utils.parse_date → localtime), whatever offset the post gave. */
export const JEKYLL_TIMEZONE = { name: 'Asia/Shanghai', offset: '+08:00' };

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Shows invisible characters: JSON.stringify, then \uXXXX for DEL, C1 controls, LS, PS, zero-widths and BOM. */
export function show(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).replace(/[\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whitespace runs as one space, trimmed: Markdown and HTML may re-flow text, never change it otherwise. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The front matter of a post: the lines between a first `---` line and the next `---` line (as the engine's
 * splitFrontMatter defines it; kept here so that the test does not lean on the code it checks). Null: never closed.
 */
export function frontMatterBlock(text: string): string | null {
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---\n', 3);
  const close = end >= 0 ? end : text.endsWith('\n---') ? text.length - 4 : -1;
  return close < 0 ? null : text.slice(4, close);
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

/** Runs a command (no shell) with a hard timeout; resolves with its exit code and output, never rejects on exit. */
export function run(cmd: string, args: string[], opts: { cwd?: string; input?: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  const start = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut, ms: Date.now() - start });
    });
    child.stdin.on('error', () => {}); // a process that exits before reading all of its input
    child.stdin.end(opts.input ?? '');
  });
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) walk(file, out);
    else out.push(file);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The two sites. Each layout prints the post's source path in a meta tag (to find the page of each post) and each
// value under test in its own element.

const JEKYLL_FILES: Record<string, string> = {
  '_config.yml': [
    `title: ${SITE_TITLE}`,
    `description: ${SITE_DESCRIPTION}`,
    'permalink: /:categories/:year/:month/:day/:title.html',
    `timezone: ${JEKYLL_TIMEZONE.name}`,
    'future: true',
    'markdown: kramdown',
    '',
  ].join('\n'),
  '_layouts/post.html': `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="jianbao-post" content="{{ page.path | escape }}">
<title>{{ page.title | escape }}</title>
</head>
<body>
<h1 id="post-title">{{ page.title | escape }}</h1>
<p id="post-date">{{ page.date | date_to_xmlschema }}</p>
<p id="post-categories">{{ page.categories | join: "," }}</p>
<div id="post-excerpt">{{ page.excerpt }}</div>
<div id="post-content">{{ content }}</div>
</body>
</html>
`,
};

const HUGO_SINGLE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="jianbao-post" content="content/{{ with .File }}{{ .Path }}{{ end }}">
<title>{{ .Title }}</title>
</head>
<body>
<h1 id="post-title">{{ .Title }}</h1>
<p id="post-date">{{ .Date.Format "2006-01-02T15:04:05-07:00" }}</p>
<p id="post-categories">{{ with .Params.categories }}{{ if reflect.IsSlice . }}{{ delimit . "," }}{{ else }}{{ . }}{{ end }}{{ end }}</p>
<div id="post-excerpt">{{ .Summary }}</div>
<div id="post-content">{{ .Content }}</div>
</body>
</html>
`;

const HUGO_LIST = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
`;

const HUGO_FILES: Record<string, string> = {
  'config.toml': [
    'baseURL = "http://127.0.0.1/"',
    `title = "${SITE_TITLE}"`,
    'languageCode = "zh-cn"',
    'buildFuture = true',
    'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]',
    '[params]',
    `  description = "${SITE_DESCRIPTION}"`,
    // A site that renders HTML bodies sets this; it is the strict case for an exporter.
    '[markup.goldmark.renderer]',
    '  unsafe = true',
    '',
  ].join('\n'),
  'layouts/_default/single.html': HUGO_SINGLE,
  'layouts/_default/list.html': HUGO_LIST,
  'layouts/index.html': HUGO_LIST,
};

export type Generator = 'jekyll' | 'hugo';

export interface SitePost {
  /** Relative to the site's source, as the preset names it (`_posts/…`, `content/posts/…`). */
  path: string;
  text: string;
}

export interface BuildRun {
  code: number | null;
  timedOut: boolean;
  ms: number;
  output: string;
}

export interface SiteBuild {
  generator: Generator;
  src: string;
  dest: string;
  runs: BuildRun[];
  /** Posts a failing build named: each was taken out, with the generator's message, and the site built again. */
  refused: Map<string, string>;
  /** The build failed without naming a post we could take out: its output. */
  failed: string | null;
  /** Lines of the last run's output that report an error or warning, with the post they name (null: none named). */
  complaints: { path: string | null; line: string }[];
  /** Post path → built HTML file. */
  pages: Map<string, string>;
}

const COMPLAINT = /error|exception|warn/i;

/** The post a failing build names last: generators report posts they merely complain about first, the fatal one last. */
function namedPost(output: string, paths: Iterable<string>): string | null {
  let best: { path: string; at: number } | null = null;
  for (const path of paths) {
    const at = output.lastIndexOf(path);
    if (at >= 0 && (!best || at > best.at)) best = { path, at };
  }
  return best?.path ?? null;
}

/** The last line of the output that names the path (the generator's message about that post). */
export function lineNaming(output: string, path: string): string {
  return output.split('\n').reverse().find((l) => l.includes(path))?.trim() ?? output.split('\n')[0]!.trim();
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Writes a site with these posts under `root` and builds it. A build that fails naming a post is run again without
 * that post (the refusal is kept with the generator's message), so that one refused post does not hide the others.
 */
export async function buildSite(generator: Generator, posts: SitePost[], root: string, timeoutMs = 30_000): Promise<SiteBuild> {
  const src = join(root, 'src');
  const dest = join(root, 'site');
  rmSync(root, { recursive: true, force: true });
  writeTree(src, generator === 'jekyll' ? JEKYLL_FILES : HUGO_FILES);
  writeTree(src, Object.fromEntries(posts.map((p) => [p.path, p.text])));
  const build: SiteBuild = { generator, src, dest, runs: [], refused: new Map(), failed: null, complaints: [], pages: new Map() };
  const remaining = new Set(posts.map((p) => p.path));
  const args = generator === 'jekyll'
    ? ['build', '--source', src, '--destination', dest, '--quiet']
    : ['--source', src, '--destination', dest, '--quiet'];
  for (;;) {
    rmSync(dest, { recursive: true, force: true });
    const r = await run(generator, args, { cwd: src, timeoutMs, env: { ...process.env, JEKYLL_ENV: 'production' } });
    const output = `${r.stdout}${r.stderr}`.replace(ANSI, '').trim();
    build.runs.push({ code: r.code, timedOut: r.timedOut, ms: r.ms, output });
    if (r.code === 0 && !r.timedOut) {
      for (const line of output.split('\n')) {
        if (COMPLAINT.test(line)) build.complaints.push({ path: namedPost(line, posts.map((p) => p.path)), line: line.trim() });
      }
      break;
    }
    const named = r.timedOut ? null : namedPost(output, remaining);
    if (!named) {
      build.failed = r.timedOut ? `timed out after ${timeoutMs} ms\n${output}` : `exit ${r.code}\n${output}`;
      break;
    }
    build.refused.set(named, output);
    remaining.delete(named);
    rmSync(join(src, named));
  }
  for (const file of walk(dest)) {
    if (extname(file) !== '.html') continue;
    const m = /<meta name="jianbao-post" content="([^"]*)">/.exec(readFileSync(file, 'utf8'));
    if (!m) continue;
    const path = m[1]!.replace(/&amp;/g, '&').replace(/&#0?39;/g, "'").replace(/&quot;/g, '"');
    if (!build.pages.has(path)) build.pages.set(path, file);
  }
  return build;
}

// ---------------------------------------------------------------------------------------------------------------
// A built page, read with a spec-conforming HTML parser (jsdom's, no scripts run).

export interface PageFacts {
  title: string | null;
  date: string | null;
  categories: string | null;
  excerpt: string | null;
  content: string | null;
  /** Every <script> element, as its start of outerHTML. */
  scripts: string[];
  /** Every on* attribute, as `<tag onx="…">`. */
  handlers: string[];
  /** Every attribute whose URL is javascript: (or vbscript:/data:text/html), as `<tag attr="…">`. */
  scriptUrls: string[];
}

const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc', 'background', 'lowsrc', 'dynsrc'];

export function readPage(html: string, url: string): PageFacts {
  const doc = loadDocument(html, url);
  const text = (id: string) => doc.getElementById(id)?.textContent ?? null;
  const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}…` : s);
  const facts: PageFacts = {
    title: text('post-title'), date: text('post-date'), categories: text('post-categories'), excerpt: text('post-excerpt'), content: text('post-content'),
    scripts: [], handlers: [], scriptUrls: [],
  };
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'script') facts.scripts.push(clip(el.outerHTML));
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) facts.handlers.push(clip(`<${tag} ${attr.name}=${JSON.stringify(attr.value)}>`));
      // Browsers drop ASCII whitespace and control characters before the scheme.
      const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if ((URL_ATTRS.includes(name) && /^(javascript|vbscript):|^data:text\/html/.test(value)) || (name === 'srcdoc' && /<script|on\w+=/i.test(attr.value))) {
        facts.scriptUrls.push(clip(`<${tag} ${attr.name}=${JSON.stringify(attr.value)}>`));
      }
    }
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------------------------
// Ruby's YAML: every block in one process, as Jekyll reads front matter.

const RUBY_READER = `
def conv(v)
  case v
  when Hash then v.each_with_object({}) { |(k, x), h| h[k.is_a?(String) ? k : "(#{k.class}) #{k.inspect}"] = conv(x) }
  when Array then v.map { |x| conv(x) }
  when Time then { '$time' => v.strftime('%Y-%m-%dT%H:%M:%S.%L%:z') }
  when Date then { '$date' => v.iso8601 }
  when Float then v.finite? ? v : { '$float' => v.to_s }
  when String, Integer, true, false, nil then v
  else { '$ruby' => v.class.name, 'inspect' => v.inspect }
  end
end
out = JSON.parse(STDIN.read).map do |block|
  begin
    { 'value' => conv(YAML.safe_load(block, permitted_classes: [Date, Time])) }
  rescue Exception => e
    { 'error' => "#{e.class}: #{e.message}" }
  end
end
STDOUT.write(JSON.generate(out))
`;

export type RubyRead = { value: unknown } | { error: string };

export async function rubyReadYaml(blocks: string[]): Promise<{ reads: RubyRead[] } | { failed: string }> {
  const r = await run('ruby', ['-ryaml', '-rjson', '-rdate', '-e', RUBY_READER], { input: JSON.stringify(blocks), timeoutMs: 30_000 });
  if (r.code !== 0 || r.timedOut) return { failed: `ruby exited ${r.timedOut ? 'on timeout' : r.code}: ${r.stderr.trim()}` };
  try {
    const reads = JSON.parse(r.stdout) as RubyRead[];
    if (reads.length !== blocks.length) return { failed: `ruby returned ${reads.length} reads for ${blocks.length} blocks` };
    return { reads };
  } catch (err) {
    return { failed: `ruby's output is not JSON (${String(err)}): ${r.stdout.slice(0, 300)}` };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A static server over one folder, on 127.0.0.1.

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.xml': 'application/xml' };

export async function serveFolder(root: string): Promise<{ origin: string; close: () => Promise<void>; server: Server }> {
  const top = resolve(root);
  const server = createServer((req, res) => {
    let file: string;
    try {
      file = resolve(top, `.${decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)}`);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (file !== top && !file.startsWith(top + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  return { origin: `http://127.0.0.1:${address.port}`, server, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** The URL of a file under the served root. */
export function urlOf(origin: string, root: string, file: string): string {
  return `${origin}/${relative(root, file).split(sep).map(encodeURIComponent).join('/')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium: open pages, record every dialog and every call to alert/confirm/prompt/print.

export interface Visit {
  label: string;
  url: string;
}

export interface VisitReport {
  label: string;
  url: string;
  /** Dialogs and hooked calls, e.g. `alert("1")`. */
  dialogs: string[];
  /** Requests to anything but 127.0.0.1 (blocked). */
  blocked: string[];
  error: string | null;
}

export async function visitPages(visits: Visit[], concurrency = 3): Promise<VisitReport[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const reports: VisitReport[] = [];
  try {
    const context = await browser.newContext();
    // What each tab is showing: dialogs and requests are filed under the visit of the tab they came from.
    const showing = new Map<unknown, VisitReport>();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^http:\/\/127\.0\.0\.1[:/]/.test(url)) return route.continue();
      let page: unknown = null;
      try {
        page = route.request().frame().page();
      } catch {
        // a service worker's request: no page
      }
      showing.get(page)?.blocked.push(url);
      return route.abort();
    });
    await context.exposeBinding('__jianbaoDialog', (source, kind: string, message: string) => {
      showing.get(source.page)?.dialogs.push(`${kind}(${JSON.stringify(message)})`);
    });
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, unknown> & { __jianbaoDialog: (kind: string, message: string) => void };
      for (const kind of ['alert', 'confirm', 'prompt', 'print']) {
        w[kind] = (...args: unknown[]) => {
          w.__jianbaoDialog(kind, String(args[0] ?? ''));
          return kind === 'confirm' ? false : null;
        };
      }
    });
    const queue = [...visits];
    const worker = async () => {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        showing.get(page)?.dialogs.push(`dialog ${dialog.type()}(${JSON.stringify(dialog.message())})`);
        dialog.dismiss().catch(() => {});
      });
      for (let visit = queue.shift(); visit; visit = queue.shift()) {
        const report: VisitReport = { ...visit, dialogs: [], blocked: [], error: null };
        reports.push(report);
        showing.set(page, report);
        try {
          await page.goto(visit.url, { waitUntil: 'load', timeout: 20_000 });
          // Let error/load handlers of failed images and the bindings' messages arrive.
          await page.evaluate(() => new Promise((ok) => setTimeout(ok, 50)));
        } catch (err) {
          report.error = String(err).split('\n')[0]!;
        }
        showing.delete(page);
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, visits.length) }, worker));
    await context.close();
  } finally {
    await browser.close();
  }
  return reports;
}
