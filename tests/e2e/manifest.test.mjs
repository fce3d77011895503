// The shipped manifest asks for as little as possible: activeTab + scripting, no host access,
// no content script on every page; the site repository's host only as an optional permission.
// Only the test build may read http://127.0.0.1/*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SHIPPED_BUILD_DIR, TEST_BUILD_DIR } from './harness.mjs';

function readManifest(dir, command) {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) {
    assert.fail(`${path.relative(process.cwd(), file)} is missing: run \`${command}\` first.`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

test('shipped chrome-mv3 manifest: no host permissions but the optional repository host, no content scripts, five permissions', () => {
  const m = readManifest(SHIPPED_BUILD_DIR, 'npm run build');
  assert.equal(m.manifest_version, 3);
  assert.equal(m.host_permissions, undefined, `host_permissions: ${JSON.stringify(m.host_permissions)}`);
  // The one optional permission: the site repository's host, asked for from the options page's Connect click.
  assert.deepEqual(m.optional_host_permissions, ['https://*/*'], `optional_host_permissions: ${JSON.stringify(m.optional_host_permissions)}`);
  assert.equal(m.optional_permissions, undefined, `optional_permissions: ${JSON.stringify(m.optional_permissions)}`);
  assert.equal(m.content_scripts, undefined, `content_scripts: ${JSON.stringify(m.content_scripts)}`);
  assert.deepEqual([...(m.permissions ?? [])].sort(), ['activeTab', 'contextMenus', 'downloads', 'scripting', 'storage']);
  assert.ok(!JSON.stringify(m).includes('<all_urls>'), 'no <all_urls> anywhere');
  assert.deepEqual(m.commands?.['save-page']?.suggested_key, { default: 'Alt+Shift+S' }, 'the save shortcut');
});

test('test build differs only by host access to http://127.0.0.1/* and an optional http://localhost/*', () => {
  const m = readManifest(TEST_BUILD_DIR, 'npm run build:test');
  assert.deepEqual(m.host_permissions, ['http://127.0.0.1/*']);
  // and an optional host no test can grant (headless Chromium cannot answer the prompt): a permission not held.
  assert.deepEqual(m.optional_host_permissions, ['https://*/*', 'http://localhost/*']);
  assert.equal(m.content_scripts, undefined, `content_scripts: ${JSON.stringify(m.content_scripts)}`);
  assert.deepEqual([...(m.permissions ?? [])].sort(), ['activeTab', 'contextMenus', 'downloads', 'scripting', 'storage']);
});
