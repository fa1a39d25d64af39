/**
 * `hire check` with team profiles (build first): the profiles it finds in
 * the folders it is given, beside the files it is given and in `--profiles`
 * are loaded before any brief is checked, and their own findings are
 * reported like a brief's.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { hire } from '../support/cli';
import { ROOT } from '../support/documents';

const WORKSPACE = 'test/fixtures/workspace';

interface JsonReport {
  files: { path: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
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

describe('hire check: the profiles beside a file named by itself', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'hire-siblings-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  for (const sub of ['ws', 'ws/deeper', 'prof-cycle', 'lone', 'broken']) mkdirSync(path.join(folder, sub));
  const night = ['hire-profile: 1', 'id: night-coordinator', 'title: Night Coordinator', 'extends: production-coordinator', 'questions:', '  - id: night-shifts', '    ask: How do you stay sharp on night shifts?', '    priority: required', ''].join('\n');
  writeFileSync(path.join(folder, 'ws/night.hire-profile.yaml'), night);
  writeFileSync(path.join(folder, 'ws/nightbrief.hire.yaml'), 'hire: 1\nrole: Night Coordinator\nprofile: night-coordinator\n');
  writeFileSync(path.join(folder, 'ws/deeper/deep.hire-profile.yaml'), 'hire-profile: 1\nid: deep\ntitle: Deep\n');
  writeFileSync(path.join(folder, 'ws/deeper/deepbrief.hire.yaml'), 'hire: 1\nrole: Deep\nprofile: night-coordinator\n');
  writeFileSync(path.join(folder, 'prof-cycle/a.hire-profile.yaml'), 'hire-profile: 1\nid: a\ntitle: A\nextends: b\n');
  writeFileSync(path.join(folder, 'prof-cycle/b.hire-profile.yaml'), 'hire-profile: 1\nid: b\ntitle: B\n');
  writeFileSync(path.join(folder, 'lone/a.hire-profile.yaml'), 'hire-profile: 1\nid: a\ntitle: A\nextends: b\n');
  writeFileSync(path.join(folder, 'broken/brief.hire.yaml'), 'hire: 1\nrole: Night Coordinator\nprofile: production-coordinator\n');
  writeFileSync(path.join(folder, 'broken/no-id.hire-profile.yaml'), 'title: no id\n');
  writeFileSync(path.join(folder, 'broken/bad-yaml.hire-profile.yaml'), 'hire-profile: 1\nid: [unclosed\n');

  it('checks a brief against the team profile beside it, with the checks it inherits, and reports the profile after it', () => {
    const { status, report } = check(['ws/nightbrief.hire.yaml'], folder);
    assert.equal(status, 0);
    assert.deepEqual(report.files.map((file) => file.path), ['ws/nightbrief.hire.yaml', 'ws/night.hire-profile.yaml']);
    const brief = report.files[0].diagnostics;
    assert.ok(!brief.some((d) => d.code === 'unknown-profile'));
    const missing = brief.filter((d) => d.code === 'missing-question').map((d) => /'([a-z-]+)'/.exec(d.message)?.[1]);
    assert.ok(missing.includes('night-shifts'), 'the team profile\'s own question');
    assert.ok(missing.includes('conflict'), 'a question inherited from production-coordinator');
    assert.ok(brief.some((d) => d.code === 'missing-skill'), 'the skills inherited from production-coordinator');
    assert.deepEqual(report.files[1].diagnostics, []);
  });

  it('loads only the profiles in the file\'s own folder, not those below it', () => {
    const { status, report } = check(['ws/deeper/deepbrief.hire.yaml'], folder);
    assert.equal(status, 1, 'night-coordinator is in the folder above');
    assert.deepEqual(codesByFile(report), { 'ws/deeper/deepbrief.hire.yaml': ['unknown-profile'], 'ws/deeper/deep.hire-profile.yaml': [] });
    const above = check(['ws/nightbrief.hire.yaml'], folder).report;
    assert.ok(!above.files.some((file) => file.path.includes('deeper')));
  });

  it('checks a profile against the profile it extends beside it', () => {
    const { status, report } = check(['prof-cycle/a.hire-profile.yaml'], folder);
    assert.equal(status, 0);
    assert.deepEqual(codesByFile(report), { 'prof-cycle/a.hire-profile.yaml': [], 'prof-cycle/b.hire-profile.yaml': [] });
    // Without b beside it, the parent is unknown.
    assert.deepEqual(codesByFile(check(['lone/a.hire-profile.yaml'], folder).report), { 'lone/a.hire-profile.yaml': ['profile-extends'] });
  });

  it('reports a profile beside a named file once when it is named too, however it is spelled', () => {
    for (const args of [
      ['ws/night.hire-profile.yaml', 'ws/nightbrief.hire.yaml'],
      ['ws/nightbrief.hire.yaml', './ws/night.hire-profile.yaml'],
      ['ws/nightbrief.hire.yaml', 'ws/night.hire-profile.yaml', 'ws'],
      ['--profiles', 'ws', 'ws/nightbrief.hire.yaml'],
    ]) {
      const names = check(args, folder).report.files.map((file) => path.basename(file.path));
      assert.equal(names.filter((name) => name === 'night.hire-profile.yaml').length, 1, args.join(' '));
      assert.equal(names.filter((name) => name === 'nightbrief.hire.yaml').length, 1, args.join(' '));
    }
  });

  it('treats a broken profile beside a named file as a folder search does: reported, exit 1, not 2', () => {
    const alone = check(['broken/brief.hire.yaml'], folder);
    const searched = check(['broken'], folder);
    assert.equal(alone.status, 1);
    assert.equal(searched.status, 1);
    assert.deepEqual(codesByFile(alone.report), codesByFile(searched.report));
    assert.deepEqual(alone.report.files.map((file) => file.path), ['broken/brief.hire.yaml', 'broken/bad-yaml.hire-profile.yaml', 'broken/no-id.hire-profile.yaml']);
    assert.ok(alone.report.files.slice(1).every((file) => file.diagnostics.some((d) => d.severity === 'error')));
  });
});
