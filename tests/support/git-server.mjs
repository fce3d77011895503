// A real git smart-HTTP server for tests: Debian's `git http-backend` CGI behind a Node server on 127.0.0.1.
//
// Bare repositories live in a temp dir; a token makes every request need Basic auth with it (wrong → 401, as
// GitHub/Gitea answer); `rejectPushes` installs a pre-receive hook that refuses, as a protected branch would.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, chmodSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GIT = '/usr/bin/git';
export const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

/** Why the git tests cannot run here, or null when they can. */
export function gitServerMissing() {
  if (!existsSync(GIT)) return `${GIT} is missing (apt-get install git)`;
  if (!existsSync(HTTP_BACKEND)) return `${HTTP_BACKEND} is missing (Debian's git package ships it)`;
  return null;
}

// A fixed identity and clock-free env: the CLI never asks, and never reads the user's config.
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test CLI', GIT_AUTHOR_EMAIL: 'cli@example.test',
  GIT_COMMITTER_NAME: 'Test CLI', GIT_COMMITTER_EMAIL: 'cli@example.test',
  GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir(), GIT_TERMINAL_PROMPT: '0',
};

/** Runs the git CLI; throws with its stderr when it fails. Returns stdout as text. */
export function git(args, { cwd, input, env } = {}) {
  const res = spawnSync(GIT, args, { cwd, input, env: { ...process.env, ...GIT_ENV, ...env }, maxBuffer: 1 << 30 });
  if (res.status !== 0) throw new Error(`git ${args.join(' ')} failed (${res.status}): ${res.stderr}`);
  return res.stdout.toString('utf8');
}

/** The git CLI without blocking the event loop: needed when it talks to the server running in this process. */
export function gitAsync(args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(GIT, args, { cwd, env: { ...process.env, ...GIT_ENV, ...env } });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`git ${args.join(' ')} failed (${code}): ${Buffer.concat(err)}`));
    });
  });
}

function basicAuthOk(header, token) {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const [user, ...rest] = Buffer.from(m[1], 'base64').toString('utf8').split(':');
  // Hosts take the token as the password (GitHub, GitLab, Gitea) or as the user name (GitHub): accept both.
  return rest.join(':') === token || user === token;
}

/** Splits CGI output into status, headers and body (headers end at the first blank line, CRLF or LF). */
function parseCgi(out) {
  let end = out.indexOf('\r\n\r\n');
  let sep = 4;
  const lf = out.indexOf('\n\n');
  if (end < 0 || (lf >= 0 && lf < end)) [end, sep] = [lf, 2];
  if (end < 0) return { status: 502, headers: {}, body: out };
  const headers = {};
  let status = 200;
  for (const line of out.subarray(0, end).toString('latin1').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const key = line.slice(0, i).trim();
    const value = line.slice(i + 1).trim();
    if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10);
    else headers[key] = value;
  }
  return { status, headers, body: out.subarray(end + sep) };
}

/**
 * Starts the server. `token`: null for an open server. Returns helpers to make, seed and break repositories.
 * Each repository is `<root>/<name>.git`, served at `<baseUrl>/<name>.git`.
 */
export async function startGitServer({ token = null } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'jianbao-git-server-'));
  const state = { token, requests: [] };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const record = { method: req.method, path: url.pathname, query: url.search, bytesIn: 0, bytesOut: 0 };
      state.requests.push(record);
      if (state.token !== null && !basicAuthOk(req.headers.authorization, state.token)) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"', 'Content-Type': 'text/plain' });
        res.end('authentication required\n');
        return;
      }
      const body = Buffer.concat(chunks);
      record.bytesIn = body.length;
      const env = {
        ...process.env,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        // http-backend refuses receive-pack to an anonymous user unless the config enables it.
        GIT_CONFIG_COUNT: '2',
        GIT_CONFIG_KEY_0: 'http.receivepack', GIT_CONFIG_VALUE_0: 'true',
        GIT_CONFIG_KEY_1: 'uploadpack.allowAnySHA1InWant', GIT_CONFIG_VALUE_1: 'true',
        REMOTE_USER: 'tester', REMOTE_ADDR: '127.0.0.1',
        REQUEST_METHOD: req.method,
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.replace(/^\?/, ''),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        CONTENT_LENGTH: String(body.length),
        ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: req.headers['git-protocol'] } : {}),
      };
      const cgi = spawn(HTTP_BACKEND, [], { env });
      const out = [];
      const err = [];
      cgi.stdout.on('data', (c) => out.push(c));
      cgi.stderr.on('data', (c) => err.push(c));
      cgi.on('close', () => {
        const { status, headers, body: resBody } = parseCgi(Buffer.concat(out));
        if (status >= 500) headers['X-Backend-Stderr'] = Buffer.concat(err).toString('utf8').slice(0, 200).replace(/[\r\n]/g, ' ');
        record.bytesOut = resBody.length;
        res.writeHead(status, headers);
        res.end(resBody);
      });
      cgi.stdin.on('error', () => {}); // the backend may exit before reading a refused request's body
      cgi.stdin.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}`;

  const repoDir = (name) => join(root, `${name}.git`);
  return {
    root,
    baseUrl,
    /** Every request seen, for tests that count round trips. */
    requests: state.requests,
    url: (name) => `${baseUrl}/${name}.git`,
    repoDir,
    setToken(value) { state.token = value; },
    /** A new bare repository whose HEAD names `branch`. */
    createBare(name, branch = 'main') {
      git(['init', '--bare', '--quiet', `--initial-branch=${branch}`, repoDir(name)]);
      return repoDir(name);
    },
    /**
     * One commit on `branch` holding `files` ({path, text|bytes}), on top of the branch if it exists, written by
     * `git fast-import` straight into the bare repository (10 000 files in a second, no working tree).
     */
    seed(name, files, { branch = 'main', message = 'seed', date = '1700000000 +0800' } = {}) {
      const dir = repoDir(name);
      const enc = new TextEncoder();
      const parts = [];
      let parent = null;
      try { parent = git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { cwd: dir }).trim(); } catch { parent = null; }
      const msg = enc.encode(message);
      parts.push(`commit refs/heads/${branch}\ncommitter Seeder <seed@example.test> ${date}\ndata ${msg.length}\n`, msg, '\n');
      if (parent) parts.push(`from ${parent}\n`);
      for (const f of files) {
        const bytes = f.bytes ?? enc.encode(f.text);
        parts.push(`M 100644 inline ${f.path}\ndata ${bytes.length}\n`, bytes, '\n');
      }
      parts.push('\n');
      const input = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
      git(['fast-import', '--quiet', '--force'], { cwd: dir, input });
      return git(['rev-parse', `refs/heads/${branch}`], { cwd: dir }).trim();
    },
    /** Makes every push to `name` refused by a pre-receive hook (`reason` on its stderr), or lifts it. */
    rejectPushes(name, reason = 'pushes are frozen') {
      const hook = join(repoDir(name), 'hooks', 'pre-receive');
      if (reason === null) {
        if (existsSync(hook)) unlinkSync(hook);
        return;
      }
      writeFileSync(hook, `#!/bin/sh\necho ${JSON.stringify(reason)} >&2\nexit 1\n`);
      chmodSync(hook, 0o755);
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        });
      });
    },
  };
}
