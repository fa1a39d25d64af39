/**
 * What the .vsix holds (`vsce ls`, the list `npm run package` packs): both
 * entries of the manifest, desktop (`main`) and browser (`browser`), the
 * bundles they start (the Node server, the web worker's server) and the
 * preview's script; no source map and no source.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/documents';

test('the .vsix holds the desktop and the web bundles, and nothing else of dist/', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string };
  const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
  const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const files = listed.stdout.split('\n').filter(Boolean);
  const entry = (file: string) => path.posix.normalize(file);
  assert.ok(files.includes(entry(manifest.main)), `main ${manifest.main} in ${files.join(', ')}`);
  assert.ok(files.includes(entry(manifest.browser)), `browser ${manifest.browser} in ${files.join(', ')}`);
  assert.deepEqual(files.filter((file) => file.startsWith('dist/')).sort(), ['dist/client.js', 'dist/server.js', 'dist/web/client.js', 'dist/web/server.js', 'dist/webview/preview.js']);
  assert.ok(!files.some((file) => /\.(map|ts)$/.test(file)), files.join(', '));
});
