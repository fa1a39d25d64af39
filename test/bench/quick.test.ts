/** The quick benchmark runs end to end and reports a table and JSON (no timing assertions). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/documents';

test('npm run bench -- --quick prints the tables and writes JSON', () => {
  const run = spawnSync(process.execPath, ['--require', './test/support/yaml-text.cjs', '--import', 'tsx', 'bench/run.ts', '--quick'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  for (const heading of ['### Service level', '### Protocol level', '### CLI and extension', '### Workspace: small briefs', '### Workspace: typing in a team profile']) assert.match(run.stdout, new RegExp(heading));
  assert.match(run.stdout, /\| edit → diagnostics +\| [\d.]+ +\|/);
  const report = JSON.parse(readFileSync(path.join(ROOT, 'bench-results/quick-latest.json'), 'utf8'));
  assert.equal(report.machine.quick, true);
  assert.deepEqual(report.service.map((result: { questions: number }) => result.questions), [10, 10, 100, 100]);
  assert.ok(report.protocol.some((result: { server: string }) => result.server === 'hire'));
  assert.ok(report.protocol.some((result: { server: string }) => result.server === 'yaml-language-server'));
  assert.equal(report.cli.files, 200);
  assert.ok(Object.keys(report.extension.bundles).includes('server.js'));
  assert.deepEqual(report.workspace.map((result: { briefs: number }) => result.briefs), [200]);
  assert.ok(report.workspace[0].allDiagnosticsMs > 0 && report.profileEditing.finalMs > 0);
});
