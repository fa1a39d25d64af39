/**
 * `hire diff`, run as users run it (`node dist/cli.js`, build first): two
 * files, git's external diff driver in a real temporary repository (`git
 * diff`, `git log -p`, `git show`, new, deleted and renamed files), and
 * `--base REF` for a pull-request check. Exit codes 0 / 1 / 2.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, hire } from '../support/cli';
import { ROOT } from '../support/documents';
import { run, userEnvironment } from '../support/repository';

const COMPLETE = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');
const folder = mkdtempSync(path.join(tmpdir(), 'hire-diff-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(folder, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('hire diff OLD NEW', () => {
  it('prints the changes as JSON per the contract and exits 1', () => {
    const old = write('one/old.hire.yaml', COMPLETE);
    const current = write('one/new.hire.yaml', COMPLETE.replace('max: 400', 'max: 450'));
    const result = hire(['diff', old, current, '--format', 'json']);
    assert.equal(result.status, 1, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(json.changes, [{ kind: 'changed', path: 'rate.max', old: 400, new: 450, summary: 'The rate ceiling rises from 400 to 450 USD a day.' }]);
    assert.deepEqual(json.findings, { appeared: [], disappeared: [] });
  });

  it('exits 0 when only comments and layout change', () => {
    const old = write('two/old.hire.yaml', COMPLETE);
    const current = write('two/new.hire.yaml', `# a new comment\n${COMPLETE.replace('max: 400                             # the most you will pay', "max: 400\n")}`);
    const result = hire(['diff', old, current]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /No changes by meaning/);
  });

  it('groups the text by section, with the findings that appear', () => {
    const old = write('three/old.hire.yaml', COMPLETE);
    const current = write('three/new.hire.yaml', COMPLETE.replace('  - id: conflict\n', '  - id: conflicts\n').replace('max: 400', 'max: 380'));
    const result = hire(['diff', old, current]);
    assert.equal(result.status, 1);
    assert.equal(
      result.stdout,
      [
        current,
        '  rate',
        '    ~ The rate ceiling falls from 400 to 380 USD a day.',
        '  questions',
        "    ~ Renames the question 'conflict' to 'conflicts' (nothing else changes).",
        '  findings',
        "    + now missing: required question 'conflict'",
        '',
      ].join('\n'),
    );
  });

  it('colours the text on a terminal, and not with NO_COLOR', { skip: !existsSync('/usr/bin/script') && 'needs script(1) for a terminal' }, () => {
    const old = write('tty/old.hire.yaml', COMPLETE);
    const current = write('tty/new.hire.yaml', COMPLETE.replace('max: 400', 'max: 450'));
    const command = `"${process.execPath}" "${CLI}" diff "${old}" "${current}"`;
    const onTerminal = (env: Record<string, string | undefined>) =>
      spawnSync('/usr/bin/script', ['-q', '-e', '-c', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, ...env } });
    const coloured = onTerminal({});
    assert.equal(coloured.status, 1, coloured.stderr);
    assert.match(coloured.stdout, /\u001b\[33m~\u001b\[0m The rate ceiling rises from 400 to 450 USD a day\./);
    const plain = onTerminal({ NO_COLOR: '1' });
    assert.equal(plain.status, 1);
    assert.match(plain.stdout, /~ The rate ceiling rises/);
    assert.doesNotMatch(plain.stdout, /\u001b/);
  });

  it('writes Markdown for a pull-request comment, escaping what the brief says', () => {
    const old = write('four/old.hire.yaml', COMPLETE);
    const current = write('four/new.hire.yaml', COMPLETE.replace('reports_to: Production Manager', 'reports_to: "<b>Producer</b> *now*"'));
    const result = hire(['diff', old, current, '--format', 'md']);
    assert.equal(result.status, 1);
    assert.ok(result.stdout.startsWith('<!-- hire-diff -->\n'));
    assert.match(result.stdout, /\*\*reports\\_to\*\*\n\n- Who they report to changes from "Production Manager" to "&lt;b&gt;Producer&lt;\/b&gt; \\\*now\\\*"\./);
  });

  it('a side that does not parse: its YAML error with line and column, exit 2, no stack trace', () => {
    const old = write('five/old.hire.yaml', COMPLETE);
    const current = write('five/new.hire.yaml', 'hire: 1\nrole: [Production Coordinator\n');
    const result = hire(['diff', old, current]);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, new RegExp(`^hire: ${current.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: the new version does not parse: `));
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  it('a brief against a profile is a usage error (exit 2); so is one file', () => {
    const old = write('six/a.hire.yaml', COMPLETE);
    const profile = write('six/p.hire-profile.yaml', 'hire-profile: 1\nid: p\ntitle: P\n');
    const mixed = hire(['diff', old, profile]);
    assert.equal(mixed.status, 2);
    assert.match(mixed.stderr, /cannot compare a brief .* with a profile/);
    const one = hire(['diff', old]);
    assert.equal(one.status, 2);
    assert.match(one.stderr, /expected two files/);
    const missing = hire(['diff', old, path.join(folder, 'six/none.hire.yaml')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot be read/);
  });

  it('a profile: its changes, and the briefs in the folder that follow it with their new findings', () => {
    const profile = 'hire-profile: 1\nid: line-producer\ntitle: Line Producer\nquestions:\n  - id: budget\n    ask: How do you build a budget?\n';
    const old = write('seven/old/line-producer.hire-profile.yaml', profile);
    const current = write('seven/line-producer.hire-profile.yaml', `${profile}  - id: crew\n    ask: How do you hire a crew?\n`);
    write('seven/briefs/lp.hire.yaml', 'hire: 1\nrole: Line Producer\nprofile: line-producer\nquestions:\n  - id: budget\n    ask: How do you build a budget?\n');
    write('seven/briefs/other.hire.yaml', 'hire: 1\nrole: Coordinator\nprofile: production-coordinator\n');
    const result = hire(['diff', old, current, '--format', 'json']);
    assert.equal(result.status, 1, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.kind, 'profile');
    assert.deepEqual(json.changes.map((change: { kind: string; path: string }) => [change.kind, change.path]), [['added', 'questions.crew']]);
    assert.deepEqual(json.affects.map((brief: { path: string }) => brief.path), [path.join(folder, 'seven/briefs/lp.hire.yaml')]);
    assert.deepEqual(json.affects[0].findings.appeared.map((finding: { summary: string }) => finding.summary), ["now missing: required question 'crew'"]);
  });
});

describe('hire diff as git\'s diff driver', () => {
  const repo = path.join(folder, 'repo');
  const env = userEnvironment({ NO_COLOR: '1', GIT_CONFIG_NOSYSTEM: '1', HOME: folder, GIT_AUTHOR_DATE: '2027-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2027-01-01T00:00:00Z' });
  const git = (...args: string[]) => run('git', args, { cwd: repo, env }).stdout;
  const brief = path.join(repo, 'briefs/night-market.hire.yaml');

  before(() => {
    mkdirSync(path.join(repo, 'briefs'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Test');
    git('config', 'diff.hire.command', `"${process.execPath}" "${CLI}" diff --git`);
    writeFileSync(path.join(repo, '.gitattributes'), '*.hire.yaml diff=hire\n*.hire-profile.yaml diff=hire\n');
    writeFileSync(brief, COMPLETE);
    git('add', '-A');
    git('commit', '-q', '-m', 'A brief');
    writeFileSync(brief, COMPLETE.replace('max: 400', 'max: 450'));
    git('commit', '-q', '-am', 'A higher ceiling');
    writeFileSync(brief, `# Reviewed\n${COMPLETE.replace('max: 400', 'max: 450')}`);
    git('commit', '-q', '-am', 'A comment');
  });

  it('git diff speaks in changes by meaning', () => {
    writeFileSync(brief, COMPLETE.replace('max: 400', 'max: 450').replace('  - id: conflict\n', '  - id: handling-conflict\n'));
    try {
      const output = git('diff');
      assert.match(output, /^briefs\/night-market\.hire\.yaml\n  questions\n    ~ Renames the question 'conflict' to 'handling-conflict'/);
      assert.match(output, /now missing: required question 'conflict'/);
      assert.doesNotMatch(output, /^@@/m, 'no line diff');
    } finally {
      git('checkout', '--', 'briefs/night-market.hire.yaml');
    }
  });

  it('git log -p --ext-diff: each commit by meaning, the new file as additions, a comment as no change', () => {
    const output = git('log', '-p', '--ext-diff', '--format=commit %s');
    const commits = output.split(/^commit /m).filter(Boolean);
    assert.equal(commits.length, 3);
    assert.match(commits[0], /^A comment\n[\s\S]*No changes by meaning \(comments or layout only\)/);
    assert.match(commits[1], /^A higher ceiling\n[\s\S]*~ The rate ceiling rises from 400 to 450 USD a day\./);
    assert.match(commits[2], /^A brief\n[\s\S]*briefs\/night-market\.hire\.yaml \(new file\)\n[\s\S]*\+ Sets the role to "Production Coordinator"\./);
  });

  it('git show --ext-diff: a renamed file (with an edit) and a deleted one', () => {
    git('mv', 'briefs/night-market.hire.yaml', 'briefs/night-market-2027.hire.yaml');
    writeFileSync(path.join(repo, 'briefs/night-market-2027.hire.yaml'), `# Reviewed\n${COMPLETE.replace('max: 400', 'max: 450').replace('kit_fee: 50', 'kit_fee: 60')}`);
    git('commit', '-q', '-am', 'Renamed');
    try {
      const renamed = git('show', '--ext-diff', '-M', '--format=', 'HEAD');
      assert.match(renamed, /^briefs\/night-market-2027\.hire\.yaml \(renamed from briefs\/night-market\.hire\.yaml\)\n  rate\n    ~ The kit fee rises from 50 to 60 USD a day\.\n\n$/);
      unlinkSync(path.join(repo, 'briefs/night-market-2027.hire.yaml'));
      git('commit', '-q', '-am', 'Deleted');
      const deleted = git('show', '--ext-diff', '--format=', 'HEAD');
      assert.match(deleted, /^briefs\/night-market-2027\.hire\.yaml \(deleted\)\n[\s\S]*- Removes the role \(was "Production Coordinator"\)\./);
    } finally {
      git('reset', '-q', '--hard', git('log', '--format=%H', '--grep', '^A comment$').trim());
    }
  });

  it('colours when git pages the output, not with NO_COLOR', () => {
    const args = ['diff', '--git', 'briefs/night-market.hire.yaml', write('git/old.hire.yaml', COMPLETE), '0'.repeat(40), '100644', write('git/new.hire.yaml', COMPLETE.replace('max: 400', 'max: 450')), '0'.repeat(40), '100644'];
    const coloured = hire(args, { cwd: repo, env: { GIT_PAGER_IN_USE: 'true' } });
    assert.equal(coloured.status, 0);
    assert.match(coloured.stdout, /\u001b\[33m~\u001b\[0m The rate ceiling/);
    const plain = hire(args, { cwd: repo, env: { GIT_PAGER_IN_USE: 'true', NO_COLOR: '1' } });
    assert.doesNotMatch(plain.stdout, /\u001b/);
  });

  it('a version that does not parse is shown in the diff, and git goes on (exit 0)', () => {
    const args = ['diff', '--git', 'briefs/x.hire.yaml', write('git/bad.hire.yaml', 'role: [x\n'), '0'.repeat(40), '100644', write('git/good.hire.yaml', COMPLETE), '0'.repeat(40), '100644'];
    const result = hire(args, { cwd: repo });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^briefs\/x\.hire\.yaml\n  briefs\/x\.hire\.yaml:\d+:\d+: the old version does not parse: /);
    const wrong = hire(['diff', '--git', 'a', 'b'], { cwd: repo });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /expected the 7 arguments git passes/);
  });

  it('--base REF: the working tree against a ref, modified, new and deleted files; exit 1, or 0 without changes', () => {
    assert.equal(hire(['diff', '--base', 'HEAD'], { cwd: repo }).status, 0);
    writeFileSync(brief, COMPLETE.replace('max: 400', 'max: 500'));
    writeFileSync(path.join(repo, 'briefs/new.hire.yaml'), 'hire: 1\nrole: Coordinator\n');
    try {
      const result = hire(['diff', '--base', 'HEAD~2', '--format', 'json'], { cwd: path.join(repo, 'briefs') });
      assert.equal(result.status, 1, result.stderr);
      const json = JSON.parse(result.stdout);
      assert.deepEqual(json.files.map((file: { path: string; status: string }) => [file.path, file.status]), [
        ['briefs/night-market.hire.yaml', 'modified'],
        ['briefs/new.hire.yaml', 'added'],
      ]);
      assert.deepEqual(json.files[0].changes.map((change: { path: string; old: unknown; new: unknown }) => [change.path, change.old, change.new]), [['rate.max', 400, 500]]);
      const markdown = hire(['diff', '--base', 'HEAD~2', '--format', 'md', 'briefs/night-market.hire.yaml'], { cwd: repo });
      assert.equal(markdown.status, 1);
      assert.match(markdown.stdout, /^<!-- hire-diff -->\n### Hiring briefs: changes by meaning since `HEAD~2`\n\n#### `briefs\/night-market\.hire\.yaml`\n\n\*\*rate\*\*\n\n- The rate ceiling rises from 400 to 500 USD a day\.\n$/);
    } finally {
      git('checkout', '--', '.');
      unlinkSync(path.join(repo, 'briefs/new.hire.yaml'));
    }
  });

  it('--base REF: a renamed and a deleted file', () => {
    git('mv', 'briefs/night-market.hire.yaml', 'briefs/night-market-2027.hire.yaml');
    writeFileSync(path.join(repo, 'briefs/night-market-2027.hire.yaml'), `# Reviewed\n${COMPLETE.replace('max: 400', 'max: 450')}`);
    try {
      const renamed = JSON.parse(hire(['diff', '--base', 'HEAD', '--format', 'json'], { cwd: repo }).stdout);
      assert.deepEqual(renamed.files.map((file: { path: string; old_path?: string; status: string; changes: unknown[] }) => [file.path, file.old_path, file.status, file.changes.length]), [
        ['briefs/night-market-2027.hire.yaml', 'briefs/night-market.hire.yaml', 'renamed', 0],
      ]);
      git('rm', '-q', '-f', 'briefs/night-market-2027.hire.yaml');
      const deleted = hire(['diff', '--base', 'HEAD'], { cwd: repo });
      assert.equal(deleted.status, 1);
      assert.match(deleted.stdout, /^briefs\/night-market\.hire\.yaml \(deleted\)\n  hire\n    - Removes the format version \(was 1\)\./);
    } finally {
      git('reset', '-q', '--hard', 'HEAD');
    }
  });

  it('--base with an unknown ref, or outside a repository, is an error (exit 2)', () => {
    const unknown = hire(['diff', '--base', 'no-such-branch'], { cwd: repo });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^hire: no-such-branch: no such git ref/);
    const outside = hire(['diff', '--base', 'HEAD'], { cwd: tmpdir(), env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    assert.equal(outside.status, 2);
    assert.match(outside.stderr, /not in a git repository/);
  });
});
