/**
 * `hire check` run as users run it (`node dist/cli.js`, build first): exit
 * codes, stdin, globs, --severity, --max-warnings, --profiles, and the
 * worker thread of large checks giving the same findings as the service.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PARALLEL_MIN_FILES } from '../../server/src/cli/check';
import { InputError } from '../../server/src/cli/files';
import { checkInParallel } from '../../server/src/cli/workers';
import { severityName } from '../../server/src/service/codes';
import { getLanguageService } from '../../server/src/service/languageService';
import { parseProfile, ProfileRegistry } from '../../server/src/service/profiles';
import { hire } from '../support/cli';
import { ROOT } from '../support/documents';
import { generateBrief } from '../support/generate';

const folder = mkdtempSync(path.join(tmpdir(), 'hire-check-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const gaps = readFileSync(path.join(ROOT, 'samples/gaps.hire.yaml'), 'utf8');
const complete = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');

interface JsonReport {
  version: number;
  files: { path: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[];
  summary: { files: number; errors: number; warnings: number; information: number; hints: number };
}

function json(args: string[], input?: string): { status: number | null; report: JsonReport } {
  const run = hire(['check', '--format', 'json', ...args], { input });
  assert.equal(run.stderr, '');
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport };
}

describe('hire check: exit codes', () => {
  it('exits 0 for a brief without errors and 1 for one with errors', () => {
    assert.equal(hire(['check', 'samples/complete.hire.yaml']).status, 0);
    assert.equal(hire(['check', 'samples/gaps.hire.yaml']).status, 0, 'warnings alone do not fail');
    assert.equal(hire(['check', 'samples/errors.hire.yaml']).status, 1);
    assert.equal(hire(['check', 'samples']).status, 1);
  });

  it('exits 2 for a path that does not exist, with its name', () => {
    const run = hire(['check', 'no/such.hire.yaml']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no\/such\.hire\.yaml: no such file or folder/);
  });

  it('exits 2 for an unknown format, a bad --severity and a bad --max-warnings', () => {
    const format = hire(['check', '--format', 'xml', 'samples']);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /Allowed choices are text, json, sarif, github/);
    const code = hire(['check', '--severity', 'no-such-code=off', 'samples']);
    assert.equal(code.status, 2);
    assert.match(code.stderr, /unknown code 'no-such-code'/);
    const level = hire(['check', '--severity', 'missing-skill=loud', 'samples']);
    assert.equal(level.status, 2);
    assert.match(level.stderr, /unknown level 'loud'/);
    const count = hire(['check', '--max-warnings', 'many', 'samples']);
    assert.equal(count.status, 2);
    assert.match(count.stderr, /expected a whole number/);
  });

  it('prints no colour codes when piped', () => {
    const run = hire(['check', 'samples/gaps.hire.yaml']);
    assert.doesNotMatch(run.stdout, /\u001b\[/);
    assert.match(run.stdout, /^samples\/gaps\.hire\.yaml:8:10 warning missing-section /m);
  });
});

describe('hire check: --severity and --max-warnings', () => {
  it('turns a code off, and changes another code\'s level (repeatable)', () => {
    const before = json(['samples/gaps.hire.yaml']).report;
    assert.ok(before.files[0].diagnostics.some((d) => d.code === 'missing-question'));
    const { status, report } = json(['--severity', 'missing-question=off', '--severity', 'missing-skill=error', 'samples/gaps.hire.yaml']);
    assert.equal(status, 1, 'missing-skill is now an error');
    const codes = report.files[0].diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('missing-question'));
    assert.deepEqual(
      report.files[0].diagnostics.filter((d) => d.code === 'missing-skill').map((d) => d.severity),
      ['error', 'error', 'error', 'error', 'error'],
    );
    assert.equal(report.summary.errors, 5);
  });

  it('fails when warnings exceed --max-warnings, and only then', () => {
    const warnings = json(['samples/gaps.hire.yaml']).report.summary.warnings;
    assert.ok(warnings > 0);
    assert.equal(hire(['check', '--max-warnings', String(warnings), 'samples/gaps.hire.yaml']).status, 0);
    const over = hire(['check', '--max-warnings', String(warnings - 1), 'samples/gaps.hire.yaml']);
    assert.equal(over.status, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}`));
    assert.equal(hire(['check', '--max-warnings', '0', 'samples/complete.hire.yaml']).status, 0);
    const one = hire(['check', '--max-warnings', '0', '-'], { input: 'hire: 1\nrole: Key Grip\nworkspace:\n  office: none\n  tools: [Laptop]\n' });
    assert.match(one.stderr, /^hire: 1 warning, more than --max-warnings 0$/m);
  });
});

describe('hire check: standard input', () => {
  it('reports a list key as a finding, with nothing on stderr (no process warning from the YAML library)', () => {
    const { status, report } = json(['-'], 'hire: 1\nrole: Key Grip\n? [a, b]\n: c\n');
    assert.equal(status, 1);
    assert.deepEqual(report.files[0].diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['schema', 2, 2]]);
  });

  it('reads one brief from -, shown as <stdin>', () => {
    const { status, report } = json(['-'], gaps);
    assert.equal(status, 0);
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0].path, '<stdin>');
    assert.deepEqual(report.files[0].diagnostics, json(['samples/gaps.hire.yaml']).report.files[0].diagnostics);
  });

  it('names it with --stdin-filename, and reads it beside files', () => {
    const { report } = json(['--stdin-filename', 'briefs/new.hire.yaml', 'samples/complete.hire.yaml', '-'], gaps);
    assert.deepEqual(report.files.map((file) => file.path), ['samples/complete.hire.yaml', 'briefs/new.hire.yaml']);
  });

  it('reports YAML errors in standard input like in a file', () => {
    const { status, report } = json(['-'], 'hire: 1\nrole: [unclosed\n');
    assert.equal(status, 1);
    assert.equal(report.files[0].diagnostics[0].code, 'yaml-syntax');
  });

  it('refuses - twice', () => {
    const run = hire(['check', '-', '-'], { input: gaps });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /standard input \(-\) can be read only once/);
  });
});

describe('hire check: glob patterns', () => {
  const briefs = path.join(folder, 'globs');
  mkdirSync(path.join(briefs, 'a/deep'), { recursive: true });
  mkdirSync(path.join(briefs, 'node_modules'), { recursive: true });
  writeFileSync(path.join(briefs, 'a/one.hire.yaml'), complete);
  writeFileSync(path.join(briefs, 'a/deep/two.hire.yaml'), gaps);
  writeFileSync(path.join(briefs, 'a/deep/notes.yaml'), 'not: a brief\n');
  writeFileSync(path.join(briefs, 'node_modules/skipped.hire.yaml'), complete);

  it('expands a quoted pattern, ** included, skipping node_modules', () => {
    const run = hire(['check', '--format', 'json', 'globs/**/*.hire.yaml'], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((file) => file.path), ['globs/a/deep/two.hire.yaml', 'globs/a/one.hire.yaml']);
  });

  it('matches only what the pattern says', () => {
    const run = hire(['check', '--format', 'json', 'globs/a/*.hire.yaml'], { cwd: folder });
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files.map((file) => file.path), ['globs/a/one.hire.yaml']);
  });

  it('exits 2 for a pattern that matches nothing', () => {
    const run = hire(['check', 'globs/**/*.brief.yaml'], { cwd: folder });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /globs\/\*\*\/\*\.brief\.yaml: matches no files/);
  });
});

describe('hire check: --profiles', () => {
  const profiles = path.join(folder, 'profiles');
  mkdirSync(profiles, { recursive: true });
  writeFileSync(
    path.join(profiles, 'location-manager.hire-profile.yaml'),
    [
      'hire-profile: 1',
      'id: location-manager',
      'title: Location Manager',
      'sections: [rate]',
      'skills:',
      '  - id: negotiation',
      '    name: Negotiation',
      '    need: required',
      '',
    ].join('\n'),
  );
  const brief = ['hire: 1', 'role: Location Manager', 'profile: location-manager', 'skills:', '  - id: negotiation', '    evidence: Permits for 30 locations', ''].join('\n');

  it('checks against a team profile loaded from the folder', () => {
    const without = json(['-'], brief);
    assert.deepEqual(without.report.files[0].diagnostics.map((d) => d.code), ['unknown-profile']);
    const { status, report } = json(['--profiles', profiles, '-'], brief);
    assert.equal(status, 0);
    assert.deepEqual(report.files[0].diagnostics.map((d) => d.code), ['missing-section']);
  });

  it('exits 2 for a folder that does not exist or a file that is not a profile', () => {
    assert.equal(hire(['check', '--profiles', path.join(folder, 'nowhere'), 'samples']).status, 2);
    const bad = path.join(folder, 'bad-profiles');
    mkdirSync(bad, { recursive: true });
    writeFileSync(path.join(bad, 'broken.hire-profile.yaml'), 'title: no id\n');
    const run = hire(['check', '--profiles', bad, 'samples']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /broken\.hire-profile\.yaml: is not a role profile/);
  });
});

describe('hire check: many files', () => {
  it(`checks ${PARALLEL_MIN_FILES + 50} files (on worker threads too) with the same findings as the service, in order`, () => {
    const many = path.join(folder, 'many');
    mkdirSync(many, { recursive: true });
    const count = PARALLEL_MIN_FILES + 50;
    const texts = new Map<string, string>();
    for (let index = 0; index < count; index++) {
      const name = `many/brief-${String(index).padStart(4, '0')}.hire.yaml`;
      const text = generateBrief({ questions: 8 + (index % 5), findings: index % 7 === 0, seed: index });
      writeFileSync(path.join(folder, name), text);
      texts.set(name, text);
    }
    const run = hire(['check', '--format', 'json', 'many'], { cwd: folder });
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((file) => file.path), [...texts.keys()]);
    const service = getLanguageService();
    for (const file of report.files) {
      const expected = service.validate(TextDocument.create(`file:///${file.path}`, 'hire-yaml', 1, texts.get(file.path)!));
      assert.deepEqual(
        file.diagnostics.map((d) => [d.code, d.severity, d.range]),
        expected.map((d) => [d.code, severityName(d.severity), d.range]),
        file.path,
      );
    }
    assert.ok(report.summary.errors > 0);
    assert.equal(run.status, 1);
  });

  it('checks on four threads (three workers running the bundle) with the same findings, in order, and reports an unreadable file', () => {
    const many = path.join(folder, 'many');
    const files = Array.from({ length: PARALLEL_MIN_FILES + 50 }, (_, index) => path.join(many, `brief-${String(index).padStart(4, '0')}.hire.yaml`));
    const service = getLanguageService();
    const done: number[] = [];
    const checked = checkInParallel(path.join(ROOT, 'dist/cli.js'), service, files, {}, (count) => done.push(count), 4);
    assert.deepEqual(checked.map((file) => file.path), files);
    for (const file of checked) {
      const expected = service.validate(TextDocument.create(`file:///${file.path}`, 'hire-yaml', 1, readFileSync(file.path, 'utf8')));
      assert.deepEqual(file.diagnostics.map((d) => [d.code, d.range]), expected.map((d) => [d.code, d.range]), file.path);
    }
    assert.ok(done.length > 0 && done.every((count) => count <= files.length));

    const latin1 = path.join(many, 'latin1.hire.yaml');
    writeFileSync(latin1, Buffer.from('role: Caf\xe9\n', 'latin1'));
    assert.throws(() => checkInParallel(path.join(ROOT, 'dist/cli.js'), service, [...files, latin1], {}, () => {}, 4), (error) =>
      error instanceof InputError && /latin1\.hire\.yaml: is not UTF-8 text/.test(error.message));
    rmSync(latin1);
  });

  it('checks on the workers against the profiles of the service it is given, not profile files read again', () => {
    const team = path.join(folder, 'team');
    mkdirSync(team, { recursive: true });
    // A profile that exists only in the service's registry: no file holds it.
    const profiles = ProfileRegistry.withBuiltins();
    profiles.set('file:///nowhere/team.hire-profile.yaml', parseProfile('id: team-coordinator\nextends: production-coordinator\nquestions:\n  - id: kit\n    ask: What is in your kit?\n', 'file:///nowhere/team.hire-profile.yaml'));
    const service = getLanguageService({ profiles });
    const files = Array.from({ length: PARALLEL_MIN_FILES + 50 }, (_, index) => {
      const file = path.join(team, `brief-${String(index).padStart(4, '0')}.hire.yaml`);
      writeFileSync(file, generateBrief({ questions: 8 + (index % 3), seed: index }).replace('profile: production-coordinator', 'profile: team-coordinator'));
      return file;
    });
    const checked = checkInParallel(path.join(ROOT, 'dist/cli.js'), service, files, {}, () => {}, 4);
    for (const file of checked) {
      assert.deepEqual(file.diagnostics.map((d) => d.code), ['missing-question'], file.path);
      assert.match(String(file.diagnostics[0].message), /'kit'/);
    }
  });
});
