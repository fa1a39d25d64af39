/**
 * `hire new`, `hire profiles`, help, version and usage errors, run as users
 * run them (`node dist/cli.js`, build first).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import * as YAML from 'yaml';
import { hire } from '../support/cli';
import { ROOT } from '../support/documents';

const folder = mkdtempSync(path.join(tmpdir(), 'hire-commands-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const profiles = path.join(folder, 'profiles');
mkdirSync(profiles, { recursive: true });
writeFileSync(
  path.join(profiles, 'line-producer.hire-profile.yaml'),
  [
    'hire-profile: 1',
    'id: line-producer',
    'title: Line Producer',
    'extends: production-coordinator',
    'skills:',
    '  - id: budgeting',
    '    name: Budgeting',
    '    need: required',
    'questions:',
    '  - id: budget-overrun',
    '    ask: "What did you do the last time a budget ran over?"',
    '    assesses: [budgeting]',
    '    priority: required',
    '    rubric:',
    '      1: Found out at wrap.',
    '      5: Saw it early, cut what mattered least, and told the producer first.',
    '',
  ].join('\n'),
);

/** The findings of a brief's text, as `hire check --format json` reports them. */
function findings(text: string, ...args: string[]): string[] {
  const run = hire(['check', '--format', 'json', ...args, '-'], { input: text });
  const report = JSON.parse(run.stdout) as { files: { diagnostics: { code: string; message: string }[] }[] };
  return report.files[0].diagnostics.map((d) => `${d.code}: ${d.message}`);
}

/** A scaffold with each placeholder replaced by a real value, as a user fills it in. */
function replacePlaceholders(text: string): string {
  return text
    .replace('Untitled production', 'Night Market')
    .replace('To be confirmed', 'Vancouver, BC')
    .replace(/TODO: what the job is[^]*?worth doing\./, 'Runs the office of a six-week feature shoot.')
    .replace(/"TODO: ([^"]*)"/g, (_, what: string) => `Filled in, ${what}`);
}

describe('hire new', () => {
  it('writes a brief for the built-in profile whose only findings are its placeholders, and checks clean once they are replaced', () => {
    const run = hire(['new']);
    assert.equal(run.status, 0, run.stderr);
    const found = findings(run.stdout);
    assert.ok(found.length >= 5, found.join('\n'));
    assert.deepEqual(found.filter((finding) => !finding.startsWith('placeholder: ')), []);
    assert.deepEqual(findings(replacePlaceholders(run.stdout)), []);
    const brief = YAML.parse(run.stdout) as { profile: string; role: string; questions: { id: string }[]; skills: unknown[] };
    assert.equal(brief.profile, 'production-coordinator');
    assert.equal(brief.role, 'Production Coordinator');
    assert.deepEqual(
      brief.questions.map((question) => question.id),
      ['management-style', 'experience', 'conflict', 'superiors', 'detail-or-big-picture', 'decision-split', 'charges', 'needs-from-us'],
    );
    for (const key of ['hire', 'role', 'profile', 'engagement', 'reports_to', 'project', 'summary', 'duties', 'skills', 'authority', 'rate', 'workspace', 'questions', 'notes']) {
      assert.ok(Object.hasOwn(brief, key), `has ${key}`);
    }
    assert.match(run.stdout, /# TODO/);
  });

  it('is already in the canonical layout', () => {
    const file = path.join(folder, 'fresh.hire.yaml');
    writeFileSync(file, hire(['new']).stdout);
    assert.equal(hire(['fmt', '--check', file]).status, 0);
  });

  it('takes --role, and a team profile with --profiles, with no findings but its placeholders', () => {
    const run = hire(['new', '--profile', 'line-producer', '--role', 'Line Producer: "Night Market"', '--profiles', profiles]);
    assert.equal(run.status, 0, run.stderr);
    const brief = YAML.parse(run.stdout) as { role: string; profile: string; questions: { id: string }[] };
    assert.equal(brief.role, 'Line Producer: "Night Market"');
    assert.equal(brief.profile, 'line-producer');
    assert.ok(brief.questions.some((question) => question.id === 'budget-overrun'));
    assert.deepEqual(findings(run.stdout, '--profiles', profiles).filter((finding) => !finding.startsWith('placeholder: ')), []);
    assert.deepEqual(findings(replacePlaceholders(run.stdout), '--profiles', profiles), []);
  });

  it('exits 2 for an unknown profile, listing the known ones', () => {
    const run = hire(['new', '--profile', 'gaffer', '--profiles', profiles]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /unknown profile 'gaffer'; known profiles: line-producer, production-coordinator/);
  });

  it('writes --out, and never overwrites it without --force', () => {
    const out = path.join(folder, 'new.hire.yaml');
    const first = hire(['new', '--out', out]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.equal(readFileSync(out, 'utf8'), hire(['new']).stdout);
    writeFileSync(out, 'my work\n');
    const again = hire(['new', '--out', out]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /new\.hire\.yaml: already exists; use --force to overwrite it/);
    assert.equal(readFileSync(out, 'utf8'), 'my work\n');
    const forced = hire(['new', '--out', out, '--force']);
    assert.equal(forced.status, 0);
    assert.equal(readFileSync(out, 'utf8'), hire(['new']).stdout);
  });

  it('never writes over a profile it reads, not even with --force', () => {
    const profiles = path.join(folder, 'read-profiles');
    mkdirSync(profiles);
    const own = path.join(profiles, 'own.hire-profile.yaml');
    writeFileSync(own, 'hire-profile: 1\nid: own\ntitle: Own\n');
    const run = hire(['new', '--profiles', profiles, '--out', own, '--force']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /own\.hire-profile\.yaml: is a file this command reads; it is never written over: choose another --out/);
    assert.equal(readFileSync(own, 'utf8'), 'hire-profile: 1\nid: own\ntitle: Own\n');
  });

  it('exits 2 when --out cannot be written', () => {
    const out = path.join(folder, 'no/such/folder/x.hire.yaml');
    const run = hire(['new', '--out', out]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot be written \(ENOENT\)/);
    assert.ok(!existsSync(out));
  });
});

describe('hire profiles', () => {
  it('lists the built-in profile as text and JSON', () => {
    const text = hire(['profiles']);
    assert.equal(text.status, 0);
    assert.equal(text.stdout, 'ID                      TITLE                   SOURCE\nproduction-coordinator  Production Coordinator  built-in\n');
    const json = hire(['profiles', '--format', 'json']);
    assert.deepEqual(JSON.parse(json.stdout), { profiles: [{ id: 'production-coordinator', title: 'Production Coordinator', source: 'built-in' }] });
  });

  it('adds the profiles of --profiles, with their paths', () => {
    const run = hire(['profiles', '--format', 'json', '--profiles', 'profiles'], { cwd: folder });
    assert.deepEqual(JSON.parse(run.stdout), {
      profiles: [
        { id: 'line-producer', title: 'Line Producer', source: 'profiles/line-producer.hire-profile.yaml' },
        { id: 'production-coordinator', title: 'Production Coordinator', source: 'built-in' },
      ],
    });
  });
});

describe('help, version and usage errors', () => {
  it('prints help for the program and each command, exit 0', () => {
    const top = hire(['--help']);
    assert.equal(top.status, 0);
    for (const command of ['check', 'render', 'new', 'fmt', 'profiles', 'diff']) assert.match(top.stdout, new RegExp(`^  ${command}\\b`, 'm'));
    for (const command of ['check', 'new', 'fmt', 'profiles', 'diff']) {
      const run = hire([command, '--help']);
      assert.equal(run.status, 0, command);
      assert.match(run.stdout, new RegExp(`^Usage: hire ${command} `, 'm'));
    }
    assert.match(hire(['check', '--help']).stdout, /--format <format>[\s\S]*"json", "sarif",\s+"github"/);
    assert.equal(hire(['help', 'fmt']).status, 0);
  });

  it('prints the version', () => {
    for (const flag of ['--version', '-v']) {
      const run = hire([flag]);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `${version}\n`);
    }
  });

  it('exits 2 with a clear message for unknown commands and options, and missing arguments', () => {
    const cases: [string[], RegExp][] = [
      [['chek', 'samples'], /unknown command 'chek'/],
      [['check', '--colour', 'samples'], /unknown option '--colour'/],
      [['--verbose'], /unknown option '--verbose'/],
      [['check'], /missing required argument 'paths'/],
      [['fmt'], /missing required argument 'paths'/],
      [['new', '--profile'], /option '--profile <id>' argument missing/],
      [['profiles', '--format', 'yaml'], /Allowed choices are text, json/],
      [['diff', 'a.hire.yaml', 'b.hire.yaml', '--format', 'html'], /Allowed choices are text, json, md/],
      [['diff', '--git', '--base', 'HEAD'], /option '--git' cannot be used with option '--base <ref>'/],
      [[], /Usage: hire/],
    ];
    for (const [args, message] of cases) {
      const run = hire(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
    }
  });
});
