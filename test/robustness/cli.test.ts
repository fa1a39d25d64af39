/**
 * The `hire` CLI with hostile folders and inputs: symbolic links never lead a
 * search out of the folder it was given, a link cycle ends, no command
 * writes a file it was not asked to write, and input that is not UTF-8 or
 * is too large is refused with a clear message.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_FINDINGS, MAX_TEXT_LENGTH } from '../../server/src/service/limits';
import { hire } from '../support/cli';
import { ROOT } from '../support/documents';

const gaps = readFileSync(path.join(ROOT, 'samples/gaps.hire.yaml'), 'utf8');
/** A brief `hire fmt` would change (keys out of order). */
const unformatted = 'role: Production Coordinator\nhire: 1\n';
const profile = 'hire-profile: 1\nid: stranger\ntitle: Stranger\nsections: []\nskills: []\nquestions: []\n';

/** Every file under a folder (not following links), with its contents and modification time. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(path.relative(folder, full), `${statSync(full).mtimeMs} ${readFileSync(full, 'utf8')}`);
      else files.set(path.relative(folder, full), 'link');
    }
  };
  walk(folder);
  return files;
}

describe('hire and symbolic links', { skip: process.platform === 'win32' ? 'symbolic links need privileges on Windows' : false }, () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'hire-links-'));
    mkdirSync(path.join(root, 'briefs/team'), { recursive: true });
    mkdirSync(path.join(root, 'outside'));
    writeFileSync(path.join(root, 'briefs/a.hire.yaml'), gaps);
    writeFileSync(path.join(root, 'briefs/team/b.hire.yaml'), gaps);
    writeFileSync(path.join(root, 'briefs/team/stranger.hire-profile.yaml'), profile);
    writeFileSync(path.join(root, 'outside/secret.hire.yaml'), unformatted);
    writeFileSync(path.join(root, 'outside/evil.hire-profile.yaml'), profile.replace('stranger', 'evil'));
    // A link to a file outside, to the parent folder, a cycle, a dangling link, and a link to a file inside.
    symlinkSync(path.join(root, 'outside/secret.hire.yaml'), path.join(root, 'briefs/secret.hire.yaml'));
    symlinkSync(path.join(root, 'outside/evil.hire-profile.yaml'), path.join(root, 'briefs/team/evil.hire-profile.yaml'));
    symlinkSync('..', path.join(root, 'briefs/parent'));
    symlinkSync('.', path.join(root, 'briefs/team/loop'));
    symlinkSync(path.join(root, 'briefs'), path.join(root, 'briefs/team/up.hire.yaml'));
    symlinkSync(path.join(root, 'nowhere.hire.yaml'), path.join(root, 'briefs/dangling.hire.yaml'));
    symlinkSync(path.join(root, 'briefs/a.hire.yaml'), path.join(root, 'briefs/team/same.hire.yaml'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const checked = (args: string[]) => {
    const result = hire(['check', '--format', 'json', ...args], { cwd: root });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return (JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((file) => file.path.split(path.sep).join('/')).sort();
  };

  it('checks a folder without leaving it or looping: only the files inside, and a link to one of them', () => {
    assert.deepEqual(checked(['briefs']), ['briefs/a.hire.yaml', 'briefs/team/b.hire.yaml', 'briefs/team/same.hire.yaml', 'briefs/team/stranger.hire-profile.yaml']);
  });

  it('expands a glob pattern the same way', () => {
    assert.deepEqual(checked(['briefs/**/*.hire.yaml']), ['briefs/a.hire.yaml', 'briefs/team/b.hire.yaml', 'briefs/team/same.hire.yaml']);
  });

  it('loads profiles from a folder without following a link out of it', () => {
    const result = hire(['profiles', '--format', 'json', '--profiles', 'briefs'], { cwd: root });
    assert.equal(result.status, 0, result.stderr);
    const ids = (JSON.parse(result.stdout) as { profiles: { id: string }[] }).profiles.map((entry) => entry.id);
    assert.ok(ids.includes('stranger'));
    assert.ok(!ids.includes('evil'), 'the profile outside the folder is not loaded');
  });

  it('hire fmt --write never writes through a link to a file outside the folder', () => {
    const before = readFileSync(path.join(root, 'outside/secret.hire.yaml'), 'utf8');
    const result = hire(['fmt', '--write', 'briefs'], { cwd: root });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(path.join(root, 'outside/secret.hire.yaml'), 'utf8'), before);
  });
});

describe('hire writes only what it is asked to write', () => {
  let cwd: string;
  let home: string;
  before(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'hire-cwd-'));
    home = mkdtempSync(path.join(tmpdir(), 'hire-home-'));
    writeFileSync(path.join(cwd, 'gaps.hire.yaml'), gaps);
    writeFileSync(path.join(cwd, 'messy.hire.yaml'), unformatted);
    mkdirSync(path.join(cwd, 'profiles'));
    writeFileSync(path.join(cwd, 'profiles/stranger.hire-profile.yaml'), profile);
  });
  after(() => {
    rmSync(cwd, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  const commands: { args: string[]; writes: string[]; input?: string }[] = [
    { args: ['check', '.'], writes: [] },
    { args: ['check', '--format', 'json', '--profiles', 'profiles', 'gaps.hire.yaml'], writes: [] },
    { args: ['check', '--format', 'sarif', '.'], writes: [] },
    { args: ['check', '--format', 'github', '.'], writes: [] },
    { args: ['check', '-'], writes: [], input: gaps },
    { args: ['render', 'gaps.hire.yaml', '--format', 'html'], writes: [] },
    { args: ['render', 'gaps.hire.yaml', '--format', 'md', '--view', 'kit'], writes: [] },
    { args: ['render', 'gaps.hire.yaml', '--format', 'html', '--out', 'out/kit.html'], writes: [] },
    { args: ['new'], writes: [] },
    { args: ['new', '--profiles', 'profiles', '--profile', 'stranger'], writes: [] },
    { args: ['fmt', '.'], writes: [] },
    { args: ['fmt', '--check', '.'], writes: [] },
    { args: ['profiles', '--profiles', 'profiles'], writes: [] },
    { args: ['diff', 'gaps.hire.yaml', 'messy.hire.yaml'], writes: [] },
    { args: ['diff', 'gaps.hire.yaml', 'messy.hire.yaml', '--format', 'md'], writes: [] },
    { args: ['--help'], writes: [] },
    { args: ['render', 'gaps.hire.yaml', '--format', 'html', '--out', 'kit.html'], writes: ['kit.html'] },
    { args: ['new', '--out', 'new.hire.yaml'], writes: ['new.hire.yaml'] },
    { args: ['fmt', '--write', '.'], writes: ['messy.hire.yaml'] },
  ];

  for (const command of commands) {
    it(`hire ${command.args.join(' ')} writes ${command.writes.length ? command.writes.join(', ') : 'nothing'}`, () => {
      const before = snapshot(cwd);
      const result = hire(command.args, { cwd, input: command.input, env: { HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, TMPDIR: home } });
      assert.ok(result.status !== null && result.status <= 2, result.stderr);
      const after = snapshot(cwd);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file)).sort();
      assert.deepEqual(changed, command.writes);
      assert.deepEqual(readdirSync(home), [], 'nothing written to the home, config, cache or temporary folder');
    });
  }
});

describe('hire and input it refuses', () => {
  let cwd: string;
  before(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'hire-input-'));
  });
  after(() => rmSync(cwd, { recursive: true, force: true }));

  it('says that a file is not UTF-8 and exits 2 (Latin-1, UTF-16)', () => {
    writeFileSync(path.join(cwd, 'latin1.hire.yaml'), Buffer.from('hire: 1\nrole: Coordinatrice de production \xe9t\xe9\n', 'latin1'));
    writeFileSync(path.join(cwd, 'utf16.hire.yaml'), Buffer.from('\ufeffhire: 1\n', 'utf16le'));
    for (const file of ['latin1.hire.yaml', 'utf16.hire.yaml']) {
      const result = hire(['check', file], { cwd });
      assert.equal(result.status, 2);
      assert.match(result.stderr, new RegExp(`${file}: is not UTF-8 text`));
    }
  });

  it('checks a file over the size limit quickly, with one finding that says why', () => {
    const big = `hire: 1\nnotes: |\n${`  ${'x'.repeat(99)}\n`.repeat(Math.ceil(MAX_TEXT_LENGTH / 100) + 10)}`;
    writeFileSync(path.join(cwd, 'big.hire.yaml'), big);
    const result = hire(['check', '--format', 'json', 'big.hire.yaml'], { cwd });
    assert.equal(result.status, 1);
    const [file] = (JSON.parse(result.stdout) as { files: { diagnostics: { code: string; message: string }[] }[] }).files;
    assert.deepEqual(file.diagnostics.map((d) => d.code), ['yaml-syntax']);
    assert.match(file.diagnostics[0].message, /This file is 5.1 MB; briefs over 5 MB are not checked/);
    const fmt = hire(['fmt', 'big.hire.yaml'], { cwd });
    assert.equal(fmt.status, 2);
    assert.match(fmt.stderr, /not formatted: it is not read: This file is 5.1 MB/);
  });

  it(`reports ${MAX_FINDINGS} of 200,000 findings, the last saying how many more there are (no stack overflow)`, () => {
    writeFileSync(path.join(cwd, 'many.hire.yaml'), `hire: 1\nrole: Coordinator\nduties:\n${'  - 1\n'.repeat(200_000)}`);
    const result = hire(['check', '--format', 'json', 'many.hire.yaml'], { cwd });
    assert.equal(result.status, 1, result.stderr);
    const [file] = (JSON.parse(result.stdout) as { files: { diagnostics: { code: string; severity: string; message: string; range: { start: { line: number } } }[] }[] }).files;
    assert.equal(file.diagnostics.length, MAX_FINDINGS);
    const last = file.diagnostics.at(-1)!;
    assert.deepEqual([last.code, last.severity, last.range.start.line], ['schema', 'error', 3 + MAX_FINDINGS - 1]);
    assert.match(last.message, /^199,001 more schema findings in this file are not listed: only the first 999 are\./);
  });

  it('refuses a brief whose aliases would write out a hundred times its size: a finding, and nothing rendered', () => {
    const anchor = 'x'.repeat(100_000);
    writeFileSync(path.join(cwd, 'aliases.hire.yaml'), `hire: 1\nrole: Coordinator\nnotes: &n "${anchor}"\nduties:\n${'  - *n\n'.repeat(999)}`);
    const check = hire(['check', '--format', 'json', 'aliases.hire.yaml'], { cwd });
    assert.equal(check.status, 1, check.stderr);
    const [file] = (JSON.parse(check.stdout) as { files: { diagnostics: { code: string; message: string }[] }[] }).files;
    assert.deepEqual(file.diagnostics.map((d) => d.code), ['yaml-syntax']);
    assert.match(file.diagnostics[0].message, /^With its aliases written out, this file's value is 95 MB long, more than the 1 MB allowed for a file of 105 KB/);
    const render = hire(['render', 'aliases.hire.yaml', '--format', 'html'], { cwd });
    assert.equal(render.status, 1);
    assert.equal(render.stdout, '');
    assert.match(render.stderr, /aliases\.hire\.yaml: nothing to render\n.*yaml-syntax With its aliases written out/);
  });
});
