// Runs first in `npm test`: checks that the system packages the tests need are installed and names any that are
// missing, before forty browser tests get cancelled without a word. Plain Node, no dependencies; the checks run side
// by side with timeouts (about half a second: `chromium --version` is the slowest).
//   node tests/preflight.mjs                          exit 0 with one line when all is there, else exit 1
//   JIANBAO_SKIP_MISSING=1 npm test                   outside CI: only warn about missing system packages
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TIMEOUT_MS = 5000;
const CI = Boolean(process.env.CI);
const SKIP = process.env.JIANBAO_SKIP_MISSING === '1';
const SITES_CHROMIUM = '/usr/bin/chromium'; // tests/sites/harness.ts looks only here, whatever CHROMIUM_PATH says
const sudo = typeof process.getuid === 'function' && process.getuid() === 0 ? '' : 'sudo ';
const CHROMIUM = process.env.CHROMIUM_PATH || SITES_CHROMIUM;
const FIREFOX = process.env.FIREFOX_PATH || ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));

/** The path of a command on PATH, like `command -v`, or undefined. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try { accessSync(join(dir, name), constants.X_OK); return join(dir, name); } catch { /* not here */ }
  }
  return undefined;
}

/** Runs a command (no shell) and settles with its exit status and output; never rejects. Same command: same run. */
const runs = new Map();
function run(cmd, args) {
  const key = JSON.stringify([cmd, ...args]);
  if (!runs.has(key)) runs.set(key, runOnce(cmd, args));
  return runs.get(key);
}
function runOnce(cmd, args) {
  return new Promise((done) => {
    const cmdline = [cmd, ...args].join(' ');
    let out = '';
    let settled = false;
    const finish = (r) => { if (!settled) { settled = true; clearTimeout(timer); done({ ...r, cmdline, out: out.trim() }); } };
    let child;
    try {
      child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    } catch (err) {
      return done({ missing: err.code === 'ENOENT', error: String(err.message || err), cmdline, out: '' });
    }
    const timer = setTimeout(() => { child.kill('SIGKILL'); finish({ timedOut: true }); }, TIMEOUT_MS);
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', (err) => finish({ missing: err.code === 'ENOENT' || err.code === 'EACCES', error: err.message }));
    child.on('close', (code, signal) => finish({ code, signal }));
  });
}

/** One Ruby run for two checks: Ruby with its YAML, and the Jekyll gem's version (printed only if it loads). */
const RUBY_ARGS = ['-e', 'require "yaml"; print RUBY_VERSION; begin; require "jekyll/version"; print " jekyll ", Jekyll::VERSION; rescue LoadError; end'];

/** A check: `name` (and apt package), what the tests use it for, and how to read its version from the output. */
const CHECKS = [
  {
    name: 'chromium', pkg: 'chromium', cmd: CHROMIUM, args: ['--version'],
    label: process.env.CHROMIUM_PATH ? `chromium (CHROMIUM_PATH=${CHROMIUM})` : `chromium (${CHROMIUM})`,
    why: process.env.CHROMIUM_PATH
      ? 'the end-to-end tests (tests/e2e/, npm run test:e2e) load the extension in it'
      : 'the end-to-end tests (tests/e2e/, npm run test:e2e) load the extension in it, and tests/sites opens the built pages in it',
    version: (o) => o.match(/Chromium\s+([\d.]+)/i)?.[1] ?? o.match(/(\d+\.\d+[\d.]*)/)?.[1],
    present: () => existsSync(CHROMIUM),
  },
  {
    // `jekyll --version` loads all of Jekyll (~1 s): find the command on PATH, as tests/sites does, and read the
    // gem's version in the one Ruby run below (a tenth of that); `jekyll --version` only when that does not tell.
    name: 'jekyll', pkg: 'jekyll', cmd: 'ruby', args: RUBY_ARGS,
    fallback: ['jekyll', ['--version']],
    why: 'tests/sites builds the exported posts into a site with the real Jekyll',
    version: (o) => o.match(/jekyll\s+(\d\S*)/i)?.[1],
    present: () => Boolean(which('jekyll')),
  },
  {
    name: 'hugo', pkg: 'hugo', cmd: 'hugo', args: ['version'],
    why: 'tests/sites builds the exported posts into a site with the real Hugo',
    version: (o) => o.match(/v(\d+\.\d+\.\d+)/)?.[1],
  },
  {
    name: 'ruby', pkg: 'ruby', cmd: 'ruby', args: RUBY_ARGS,
    why: "tests/sites reads the posts' front matter with Ruby's YAML (Psych, what Jekyll uses)",
    version: (o) => o.match(/^(\d+\.\d+)/)?.[1],
  },
  {
    name: 'git', pkg: 'git', cmd: 'git', args: ['--version'],
    why: 'the tests that run a real git',
    version: (o) => o.match(/git version (\S+)/)?.[1],
  },
];

/** Firefox is optional: its version comes from the application.ini beside the binary, without starting it. */
function firefoxVersion(bin) {
  try {
    const ini = readFileSync(join(dirname(realpathSync(bin)), 'application.ini'), 'utf8');
    return ini.match(/^Version=(.+)$/m)?.[1].trim();
  } catch {
    return undefined;
  }
}

const t0 = Date.now();
const results = await Promise.all(CHECKS.map(async (c) => {
  if (c.present && !c.present()) return { c, r: { missing: true, out: '' } };
  const r = await run(c.cmd, c.args);
  return { c, r: c.fallback && (r.code !== 0 || !c.version(r.out)) ? await run(...c.fallback) : r };
}));
const nodeModules = ['typescript', 'vitest', 'wxt', 'playwright-core', 'web-ext']
  .every((m) => existsSync(join(ROOT, 'node_modules', m, 'package.json')));

const missing = []; // not installed: apt-get install fixes it
const broken = []; // installed but the check failed: [name, message line]
const versions = [];
for (const { c, r } of results) {
  const label = c.label ?? c.name;
  if (r.missing) missing.push(c);
  else if (r.timedOut) broken.push([c.name, `  ${label}: \`${r.cmdline}\` did not answer within ${TIMEOUT_MS / 1000} s — ${c.why}`]);
  else if (r.code !== 0) broken.push([c.name, `  ${label}: \`${r.cmdline}\` failed (${r.signal ?? `exit ${r.code}`}${r.out ? `: ${r.out.split('\n').pop()}` : ''}) — ${c.why}`]);
  else versions.push(`${c.name} ${c.version(r.out) ?? '?'}`);
}
const notes = [];
if (process.env.FIREFOX_PATH && !existsSync(FIREFOX)) notes.push(`preflight note: FIREFOX_PATH=${FIREFOX} does not exist: tests/e2e/firefox.test.mjs will fail (it skips itself only when FIREFOX_PATH is unset and no Firefox is installed)`);
else if (!FIREFOX) notes.push(`preflight note: no Firefox ESR (/usr/bin/firefox-esr): tests/e2e/firefox.test.mjs will skip itself; install with: ${sudo}apt-get install -y firefox-esr`);
else versions.push(`firefox ${firefoxVersion(FIREFOX) ?? '(found)'}`);
if (process.env.CHROMIUM_PATH && !existsSync(SITES_CHROMIUM) && !missing.some((c) => c.name === 'chromium')) {
  notes.push(`preflight note: tests/sites looks only at ${SITES_CHROMIUM}, not CHROMIUM_PATH: its page checks will ${CI ? 'fail (CI is set)' : 'be skipped'}`);
}

if (!missing.length && !broken.length && nodeModules) {
  console.log(`preflight: ${versions.join(', ')} — ok (${Date.now() - t0} ms)`);
  for (const n of notes) console.log(n);
  process.exit(0);
}

const needs = [...missing.map((c) => c.name), ...(nodeModules ? [] : ['node_modules'])];
const fixes = [];
if (missing.length) fixes.push(`${sudo}apt-get install -y ${missing.map((c) => c.pkg).join(' ')}`);
if (!nodeModules) fixes.push('npm ci');
const lines = [];
if (needs.length) {
  lines.push(`npm test needs: ${needs.join(', ')} — run: ${fixes.join(' && ')}${missing.length ? ' (or bash .ci/run, which installs them)' : ''}`);
}
for (const c of missing) lines.push(`  ${c.label ?? c.name}: not found — ${c.why}`);
if (!nodeModules) lines.push(`  node_modules: the npm packages are not installed in ${join(ROOT, 'node_modules')} (tsc, vitest, wxt, playwright-core, web-ext) — run npm ci first`);
if (broken.length) lines.push('npm test needs these to work, but they are installed and broken:', ...broken.map(([, line]) => line));
for (const n of notes) lines.push(n);

const noChromium = [...missing.map((c) => c.name), ...broken.map(([name]) => name)].includes('chromium');
// Missing system packages may be waved through outside CI; without node_modules nothing at all can run.
const canSkip = nodeModules && !CI;
if (canSkip && SKIP) {
  console.warn(lines.join('\n'));
  console.warn(`preflight: JIANBAO_SKIP_MISSING=1: going on anyway${noChromium ? ' — the Chromium e2e tests will fail' : ''}`);
  process.exit(0);
}
if (nodeModules) {
  lines.push(CI
    ? 'preflight: CI is set, so JIANBAO_SKIP_MISSING is not honoured: CI must run every check.'
    : `To run anyway: JIANBAO_SKIP_MISSING=1 npm test (tests/sites skips the checks that need what is missing${noChromium ? '; the Chromium e2e tests still fail without Chromium' : ''}).`);
}
console.error(lines.join('\n'));
process.exit(1);
