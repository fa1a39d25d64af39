/**
 * Nothing in a workspace is executed: the bundles never compile code from
 * strings (`eval`, `new Function`), the sources start no process and load no
 * code at run time, and every setting the extension reads is data, so the
 * extension can honestly declare support for untrusted workspaces; the one
 * setting that names paths to read is restricted there (only the user sets it).
 * The bundles checked are those in dist/ (`npm test` builds them first; the
 * production build, `node esbuild.mjs --production`, bundles the same code minified).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/documents';

const BUNDLES = ['dist/server.js', 'dist/cli.js', 'dist/client.js', 'dist/webview/preview.js', 'dist/web/client.js', 'dist/web/server.js'];

/** Every setting the extension contributes, and why an untrusted workspace may set it, or why it may not (`restricted`). */
const REVIEWED_SETTINGS: Record<string, { readonly why: string; readonly restricted?: boolean }> = {
  'hire.diagnostics.severity': { why: 'severities of codes: data' },
  'hire.trace.server': { why: 'how much of the protocol to log: data' },
  'hire.preview.showRate': { why: 'whether the posting shows the rate: data' },
  'hire.profiles.paths': { why: 'paths the server reads files from, anywhere on the disk: only the user may set them in Restricted Mode', restricted: true },
};

function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

describe('untrusted content', () => {
  for (const bundle of BUNDLES) {
    it(`${bundle} holds no eval( and no new Function(`, () => {
      const file = path.join(ROOT, bundle);
      assert.ok(existsSync(file), `${bundle} is built (npm run build)`);
      const code = readFileSync(file, 'utf8');
      assert.deepEqual(code.match(/.{0,60}new Function\s*\(.{0,60}/g) ?? [], []);
      assert.deepEqual(code.match(/.{0,60}(?<![\w$.])eval\s*\(.{0,60}/g) ?? [], []);
    });
  }

  it('the sources start no process and load no code at run time (but hire diff, which runs git itself, without a shell)', () => {
    for (const file of [...sources('client/src'), ...sources('server/src')]) {
      let text = readFileSync(path.join(ROOT, file), 'utf8');
      if (file === 'server/src/cli/diff.ts') {
        // `hire diff --base` asks git for the changed files and the base's text: git by name, arguments as a list, no shell.
        assert.deepEqual(text.match(/\bexec\w*\(\s*'[^']*'/g), ["execFileSync('git'"], file);
        assert.doesNotMatch(text, /shell\s*:/, file);
        text = text.replace("import { execFileSync } from 'node:child_process';", '');
      }
      assert.doesNotMatch(text, /child_process|node:vm|from 'vm'|\beval\s*\(|new Function\s*\(|\brequire\s*\(\s*[^'"\s]/, file);
    }
  });

  it('declares limited untrusted-workspace support: every setting it reads is data, and those naming paths are restricted', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.equal(typeof untrusted?.description, 'string');
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), Object.keys(REVIEWED_SETTINGS).sort(), 'a new setting needs a review for untrusted workspaces');
    const restricted = Object.entries(REVIEWED_SETTINGS).flatMap(([name, review]) => (review.restricted ? [name] : []));
    assert.deepEqual([...(untrusted?.restrictedConfigurations ?? [])].sort(), restricted.sort());
  });
});
