/**
 * Files too large to be briefs, given to `hire` (`node dist/cli.js`, build
 * first): refused by their size before anything is read, with the finding or
 * message a text over the limit gets. The files are sparse: 400 MB on paper,
 * nothing on disk, so that only a command that reads them pays for them.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { MAX_FILE_BYTES } from '../../server/src/service/limits';
import { hire, type HireRun } from '../support/cli';
import { ROOT } from '../support/documents';

const folder = mkdtempSync(path.join(tmpdir(), 'hire-large-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const complete = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');
const SPARSE_BYTES = 400 * 1024 * 1024;

/** A sparse file of 400 MB. */
function sparse(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  truncateSync(file, SPARSE_BYTES);
  return file;
}

/** Runs `hire` reporting its peak resident memory; returns the run and the peak in MB. */
function hireMeasured(args: readonly string[], input?: string): HireRun & { peakMb: number } {
  const run = hire(args, { input, env: { NODE_OPTIONS: `--require ${path.join(ROOT, 'test/support/peak-memory.cjs')}` } });
  const match = /peak-rss-kb (\d+)\n/.exec(run.stderr);
  assert.ok(match, `the peak is reported: ${run.stderr}`);
  return { ...run, stderr: run.stderr.replace(match[0], ''), peakMb: Number(match[1]) / 1024 };
}

/** Well under a 400 MB file: what a process that read one would hold. */
const PEAK_MB = 250;

interface JsonReport {
  files: { path: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number } } }[] }[];
}

describe('hire and files too large to be briefs', () => {
  it('check gives each one finding, reads none of them, and checks the others', () => {
    const briefs = path.join(folder, 'check');
    sparse(path.join(briefs, 'a.hire.yaml'));
    sparse(path.join(briefs, 'b.hire.yaml'));
    writeFileSync(path.join(briefs, 'c.hire.yaml'), complete);
    const run = hireMeasured(['check', '--format', 'json', briefs]);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout) as JsonReport;
    for (const name of ['a.hire.yaml', 'b.hire.yaml']) {
      const file = report.files.find((entry) => entry.path.endsWith(name))!;
      assert.deepEqual(file.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]), [['yaml-syntax', 'error', 0, 0]]);
      assert.match(file.diagnostics[0].message, /^This file is 400 MB; briefs over 5 MB are not checked/);
    }
    assert.deepEqual(report.files.find((entry) => entry.path.endsWith('c.hire.yaml'))!.diagnostics, []);
    assert.ok(run.peakMb < PEAK_MB, `peak ${run.peakMb.toFixed(0)} MB`);
  });

  it('check --severity applies to the finding', () => {
    const file = sparse(path.join(folder, 'severity', 'a.hire.yaml'));
    const run = hire(['check', '--format', 'json', '--severity', 'yaml-syntax=warning', file]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files[0].diagnostics.map((d) => d.severity), ['warning']);
  });

  it('check reads standard input only up to the bound', () => {
    const run = hireMeasured(['check', '--format', 'json', '-'], 'a'.repeat(MAX_FILE_BYTES + 1));
    assert.equal(run.status, 1, run.stderr);
    const [finding] = (JSON.parse(run.stdout) as JsonReport).files[0].diagnostics;
    assert.equal(finding.code, 'yaml-syntax');
    assert.match(finding.message, /^This file is over 15 MB; briefs over 5 MB are not checked/);
  });

  it('a profile beside a named brief that is too large is reported, and the brief checked', () => {
    const team = path.join(folder, 'team');
    sparse(path.join(team, 'huge.hire-profile.yaml'));
    writeFileSync(path.join(team, 'brief.hire.yaml'), complete);
    const run = hireMeasured(['check', '--format', 'json', path.join(team, 'brief.hire.yaml')]);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((file) => [path.basename(file.path), file.diagnostics.map((d) => d.code)]), [
      ['brief.hire.yaml', []],
      ['huge.hire-profile.yaml', ['yaml-syntax']],
    ]);
    assert.ok(run.peakMb < PEAK_MB, `peak ${run.peakMb.toFixed(0)} MB`);
  });

  it('--profiles with a file too large stops with a message', () => {
    const profiles = path.join(folder, 'profiles');
    sparse(path.join(profiles, 'huge.hire-profile.yaml'));
    const run = hireMeasured(['profiles', '--profiles', profiles]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^hire: .*huge\.hire-profile\.yaml: This file is 400 MB; briefs over 5 MB are not checked/);
    assert.ok(run.peakMb < PEAK_MB, `peak ${run.peakMb.toFixed(0)} MB`);
  });

  it('fmt leaves it alone with a message, and render stops with one', () => {
    const file = sparse(path.join(folder, 'fmt', 'a.hire.yaml'));
    const fmt = hireMeasured(['fmt', file]);
    assert.equal(fmt.status, 2);
    assert.match(fmt.stderr, /^hire: .*a\.hire\.yaml: not formatted: This file is 400 MB/);
    assert.ok(fmt.peakMb < PEAK_MB, `peak ${fmt.peakMb.toFixed(0)} MB`);
    const render = hireMeasured(['render', '--format', 'html', file]);
    assert.equal(render.status, 2);
    assert.match(render.stderr, /^hire: .*a\.hire\.yaml: This file is 400 MB/);
    assert.equal(render.stdout, '');
    assert.ok(render.peakMb < PEAK_MB, `peak ${render.peakMb.toFixed(0)} MB`);
  });
});
