/**
 * `hire check` with team profiles (build first): the profiles it finds in
 * the folders it is given and in `--profiles` are loaded before any brief is
 * checked, and their own findings are reported like a brief's.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { hire } from '../support/cli';
import { ROOT } from '../support/documents';

const WORKSPACE = 'test/fixtures/workspace';

interface JsonReport {
  files: { path: string; diagnostics: { code: string; severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
  summary: { files: number; errors: number; warnings: number; information: number; hints: number };
}

function check(args: string[], cwd = ROOT): { status: number | null; report: JsonReport } {
  const run = hire(['check', '--format', 'json', ...args], { cwd });
  assert.equal(run.stderr, '');
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport };
}

/** Each file's codes, by path. */
function codesByFile(report: JsonReport): Record<string, string[]> {
  return Object.fromEntries(report.files.map((file) => [file.path, file.diagnostics.map((d) => d.code)]));
}

describe('hire check: a folder with profiles and briefs', () => {
  it('loads the profiles it finds, then checks and reports every file', () => {
    const { status, report } = check([WORKSPACE]);
    assert.equal(status, 1, 'typo.hire.yaml has a schema error');
    const byFile = codesByFile(report);
    assert.deepEqual(Object.keys(byFile), [
      `${WORKSPACE}/briefs/apoc-festival.hire.yaml`,
      `${WORKSPACE}/briefs/apoc-night-market.hire.yaml`,
      `${WORKSPACE}/briefs/apoc-short.hire.yaml`,
      `${WORKSPACE}/briefs/lp-commercial.hire.yaml`,
      `${WORKSPACE}/briefs/lp-harbour-lights.hire.yaml`,
      `${WORKSPACE}/briefs/lp-night-market.hire.yaml`,
      `${WORKSPACE}/briefs/misspelled-profile.hire.yaml`,
      `${WORKSPACE}/briefs/poc-gaps.hire.yaml`,
      `${WORKSPACE}/briefs/poc-night-market.hire.yaml`,
      `${WORKSPACE}/briefs/poc-wording.hire.yaml`,
      `${WORKSPACE}/briefs/role-only.hire.yaml`,
      `${WORKSPACE}/briefs/typo.hire.yaml`,
      `${WORKSPACE}/profiles/assistant-production-coordinator.hire-profile.yaml`,
      `${WORKSPACE}/profiles/line-producer.hire-profile.yaml`,
    ]);
    assert.deepEqual(byFile[`${WORKSPACE}/briefs/lp-night-market.hire.yaml`], []);
    assert.deepEqual(byFile[`${WORKSPACE}/briefs/apoc-night-market.hire.yaml`], []);
    assert.deepEqual(byFile[`${WORKSPACE}/briefs/lp-harbour-lights.hire.yaml`], ['missing-section', 'missing-question', 'missing-question']);
    assert.deepEqual(byFile[`${WORKSPACE}/briefs/misspelled-profile.hire.yaml`], ['unknown-profile']);
    assert.deepEqual(byFile[`${WORKSPACE}/briefs/role-only.hire.yaml`], ['no-profile']);
    assert.deepEqual(byFile[`${WORKSPACE}/briefs/typo.hire.yaml`], ['schema']);
    assert.equal(byFile[`${WORKSPACE}/briefs/poc-wording.hire.yaml`].filter((code) => code === 'coded-wording').length, 6);
    assert.deepEqual(byFile[`${WORKSPACE}/profiles/line-producer.hire-profile.yaml`], []);
    assert.equal(report.summary.files, 14);
    assert.equal(report.summary.errors, 2);
  });

  it('checks briefs against the profiles of --profiles, and reports those profiles after the briefs', () => {
    const without = check([`${WORKSPACE}/briefs/lp-night-market.hire.yaml`]);
    assert.deepEqual(codesByFile(without.report), { [`${WORKSPACE}/briefs/lp-night-market.hire.yaml`]: ['unknown-profile', 'unassessed-skill', 'unassessed-skill', 'unassessed-skill'] });
    const { status, report } = check(['--profiles', `${WORKSPACE}/profiles`, `${WORKSPACE}/briefs/lp-night-market.hire.yaml`]);
    assert.equal(status, 0);
    assert.deepEqual(codesByFile(report), {
      [`${WORKSPACE}/briefs/lp-night-market.hire.yaml`]: [],
      [`${WORKSPACE}/profiles/assistant-production-coordinator.hire-profile.yaml`]: [],
      [`${WORKSPACE}/profiles/line-producer.hire-profile.yaml`]: [],
    });
    // A profile named both ways is reported once.
    const both = check(['--profiles', `${WORKSPACE}/profiles`, `${WORKSPACE}/profiles/line-producer.hire-profile.yaml`]);
    assert.deepEqual(both.report.files.map((file) => path.basename(file.path)), ['line-producer.hire-profile.yaml', 'assistant-production-coordinator.hire-profile.yaml']);
  });
});

describe('hire check: findings of profiles', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'hire-profiles-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  cpSync(path.join(ROOT, WORKSPACE, 'profiles'), folder, { recursive: true });
  writeFileSync(path.join(folder, 'copy.hire-profile.yaml'), 'hire-profile: 1\nid: line-producer\ntitle: Line Producer\n');
  writeFileSync(path.join(folder, 'stray.hire-profile.yaml'), 'hire-profile: 1\nid: stray\ntitle: Stray\nextends: line-produce\n');
  writeFileSync(path.join(folder, 'brief.hire.yaml'), 'hire: 1\nrole: Stray\nprofile: stray\n');

  it('reports duplicate ids on both profiles and an unknown parent on the extends value, and fails', () => {
    const { status, report } = check(['.'], folder);
    assert.equal(status, 1);
    const found = report.files.flatMap((file) =>
      file.diagnostics.map((d) => `${file.path} ${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`),
    );
    assert.deepEqual(found, [
      'copy.hire-profile.yaml duplicate-profile 1:4-17',
      'line-producer.hire-profile.yaml duplicate-profile 2:4-17',
      'stray.hire-profile.yaml profile-extends 3:9-21',
    ]);
  });

  it('applies --severity to the findings of profiles too', () => {
    const { status, report } = check(['--severity', 'duplicate-profile=off', '--severity', 'profile-extends=warning', '.'], folder);
    assert.equal(status, 0);
    assert.deepEqual(report.files.flatMap((file) => file.diagnostics.map((d) => `${d.code}:${d.severity}`)), ['profile-extends:warning']);
  });
});
