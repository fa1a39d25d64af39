import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readText } from '../../server/src/cli/read';
import { InputError } from '../../server/src/cli/files';
import { ROOT } from '../support/documents';

/** Runs the built CLI in the repository root. */
function hire(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('hire check: reports and file search', () => {
  it('exits 0 for a brief without errors, printing only the summary', () => {
    const result = hire('check', 'samples/complete.hire.yaml');
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '1 file checked: 0 errors, 0 warnings, 0 information, 0 hints.\n');
  });

  it('exits 0 when there are warnings but no errors', () => {
    const result = hire('check', 'samples/gaps.hire.yaml');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^samples\/gaps\.hire\.yaml:8:10 warning missing-section /m);
  });

  it('exits 1 with errors, one finding a line as path:line:col severity code message', () => {
    const result = hire('check', 'samples');
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^samples\/errors\.hire\.yaml:6:13 error schema 'freelanse' is not a valid value for 'engagement'\. Did you mean 'freelance'\?/m);
    assert.match(result.stdout, /^6 files checked: \d+ errors, \d+ warnings, \d+ information, 0 hints\.$/m);
  });

  it('prints the JSON report of docs/format.md', () => {
    const result = hire('check', '--format', 'json', 'samples/gaps.hire.yaml', 'samples/complete.hire.yaml');
    assert.equal(result.code, 0);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(report), ['version', 'files', 'summary']);
    assert.equal(report.version, 1);
    assert.deepEqual(report.files.map((file: { path: string }) => file.path), ['samples/gaps.hire.yaml', 'samples/complete.hire.yaml']);
    const first = report.files[0].diagnostics[0];
    assert.deepEqual(first, {
      code: 'missing-section',
      severity: 'warning',
      message: first.message,
      range: { start: { line: 7, character: 9 }, end: { line: 7, character: 31 } },
      data: { id: 'authority', profile: 'production-coordinator' },
    });
    assert.deepEqual(report.files[1].diagnostics, []);
    assert.deepEqual(Object.keys(report.summary), ['files', 'errors', 'warnings', 'information', 'hints']);
    assert.equal(report.summary.files, 2);
    const severities = new Set(report.files.flatMap((file: { diagnostics: { severity: string }[] }) => file.diagnostics.map((d) => d.severity)));
    assert.deepEqual([...severities].sort(), ['information', 'warning']);
  });

  it('searches folders for *.hire.yaml, skipping node_modules and .git', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'hire-check-'));
    for (const name of ['node_modules', '.git']) {
      const skipped = path.join(folder, name);
      mkdirSync(skipped);
      writeFileSync(path.join(skipped, 'x.hire.yaml'), 'not: [valid\n');
    }
    writeFileSync(path.join(folder, 'a.hire.yaml'), 'hire: 1\nrole: Key Grip\n');
    writeFileSync(path.join(folder, 'notes.yaml'), 'not: [valid\n');
    const result = hire('check', '--format', 'json', folder);
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout).files.map((file: { path: string }) => path.basename(file.path)), ['a.hire.yaml']);
  });

  it('exits 2 for a file that is not UTF-8', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'hire-check-'));
    const file = path.join(folder, 'latin1.hire.yaml');
    writeFileSync(file, Buffer.from([0x72, 0x6f, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    const result = hire('check', file);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /not UTF-8/);
  });

  it('reads a file as strict UTF-8, as the WHATWG decoder does, without a leading BOM (or a repeated one)', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'hire-read-'));
    const cases: Record<string, number[]> = {
      ascii: [0x61, 0x3a, 0x20, 0x31],
      bom: [0xef, 0xbb, 0xbf, 0x61],
      'two boms': [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61],
      'three boms': [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61],
      'bom later': [0x61, 0xef, 0xbb, 0xbf],
      'four-byte character': [0x61, 0xf0, 0x9f, 0x8e, 0xac],
      latin1: [0x72, 0xe9],
      overlong: [0xc0, 0xaf],
      'encoded surrogate': [0xed, 0xa0, 0x80],
      'beyond U+10FFFF': [0xf4, 0x90, 0x80, 0x80],
      truncated: [0x61, 0xe2, 0x82],
    };
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const [name, bytes] of Object.entries(cases)) {
      const file = path.join(folder, `${name.replace(/ /g, '-')}.hire.yaml`);
      writeFileSync(file, Buffer.from(bytes));
      let expected: string | undefined;
      try {
        expected = decoder.decode(Buffer.from(bytes)).replace(/^\uFEFF/, '');
      } catch {
        expected = undefined;
      }
      if (expected === undefined) assert.throws(() => readText(file), (error) => error instanceof InputError && /is not UTF-8 text/.test(error.message), name);
      else assert.equal(readText(file), expected, name);
    }
  });
});
