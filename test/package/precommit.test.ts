/**
 * The README's "In git: a pre-commit hook", as written: a briefs repository
 * whose `.pre-commit-config.yaml` is the README's (its `repo:` pointing at a
 * copy of this repository, tagged with the README's `rev:`, which
 * `pre-commit autoupdate` finds), set up by the pre-commit framework and run
 * by `git commit`; then the README's plain hook.
 * Each lets a good brief be committed and stops a bad one.
 */
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../support/documents';
import { copyRepository, git, run, userEnvironment } from '../support/repository';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('### In git: a pre-commit hook'), README.indexOf('\n### ', README.indexOf('### In git: a pre-commit hook') + 1));
/** The README's `.pre-commit-config.yaml` and its plain hook. */
const config = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const plainHook = /```bash\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** Setting the hook up installs the build tools and builds: minutes on a busy machine. */
const SETUP_TIMEOUT = 900_000;

/**
 * Undefined when the pre-commit framework runs here, after installing
 * Debian's package if it is missing and this process may (root, apt-get);
 * otherwise why it cannot.
 */
function preCommitMissing(): string | undefined {
  if (run('pre-commit', ['--version'], { cwd: ROOT, check: false }).status === 0) return undefined;
  if (process.getuid?.() !== 0) return 'pre-commit is not installed, and installing it (apt-get install pre-commit) needs root';
  if (run('apt-get', ['--version'], { cwd: ROOT, check: false }).status !== 0) return 'pre-commit is not installed, and there is no apt-get to install it with';
  const env = userEnvironment({ DEBIAN_FRONTEND: 'noninteractive' });
  const install = () => run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'pre-commit'], { cwd: ROOT, env, check: false, timeout: SETUP_TIMEOUT });
  let result = install();
  if (result.status !== 0) {
    run('apt-get', ['update', '-qq'], { cwd: ROOT, env, check: false, timeout: SETUP_TIMEOUT });
    result = install();
  }
  return result.status === 0 ? undefined : `pre-commit is not installed and apt-get could not install it: ${result.stderr.trim().split('\n').at(-1)}`;
}

/** A new git repository holding a good brief, with node_modules ignored. */
function briefsRepository(folder: string): void {
  mkdirSync(path.join(folder, 'briefs'), { recursive: true });
  git(folder, ['init', '-q']);
  writeFileSync(path.join(folder, '.gitignore'), 'node_modules/\n');
  copyFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), path.join(folder, 'briefs/night.hire.yaml'));
}

/** `git commit` of what is staged (its hooks run); its result. */
function commit(folder: string, env: NodeJS.ProcessEnv, timeout = 300_000) {
  return git(folder, ['commit', '-q', '-m', 'briefs'], { env, timeout, check: false });
}

/** The number of commits of a repository. */
function commits(folder: string): number {
  return Number(git(folder, ['rev-list', '--count', 'HEAD']).stdout.trim());
}

describe('the pre-commit hook, as the README sets it up', () => {
  let temp: string;
  let hooks: string;
  before(() => {
    temp = mkdtempSync(path.join(os.tmpdir(), 'hire-pre-commit-'));
    hooks = path.join(temp, 'hiring-briefs');
    copyRepository(hooks);
  });
  after(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('names a release tag as its rev, and this repository as its hook repository', () => {
    assert.match(config, /^ {2}- repo: \S+/m);
    assert.match(config, new RegExp(`^ {4}rev: v${version.replace(/\./g, '\\.')}\\b`, 'm'), 'rev: is the tag of this version');
    assert.match(config, /^ {6}- id: hire-check$/m);
    assert.match(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'), /^- id: hire-check$/m);
  });

  it('with the pre-commit framework: installs from the tagged repository, passes a good brief and stops a bad one', { timeout: SETUP_TIMEOUT + 600_000 }, (t) => {
    const missing = preCommitMissing();
    if (missing) {
      t.skip(missing);
      return;
    }
    const rev = /rev:\s*(\S+)/.exec(config)![1];
    git(hooks, ['init', '-q']);
    git(hooks, ['add', '-A']);
    git(hooks, ['commit', '-q', '-m', 'hiring-briefs']);
    git(hooks, ['tag', rev]);

    const briefs = path.join(temp, 'briefs-framework');
    briefsRepository(briefs);
    const configFile = path.join(briefs, '.pre-commit-config.yaml');
    const written = config.replace(/(- repo: )\S+/, `$1${hooks}`);
    const env = userEnvironment({ PRE_COMMIT_HOME: path.join(temp, 'pre-commit-cache') });
    // `pre-commit autoupdate` moves a commit's rev to the newest tag: the README's.
    writeFileSync(configFile, written.replace(/(rev: )\S+/, `$1${git(hooks, ['rev-parse', 'HEAD']).stdout.trim()}`));
    run('pre-commit', ['autoupdate'], { cwd: briefs, env, timeout: 300_000 });
    assert.equal(readFileSync(configFile, 'utf8'), written);
    run('pre-commit', ['install'], { cwd: briefs, env });

    git(briefs, ['add', '-A']);
    const good = commit(briefs, env, SETUP_TIMEOUT);
    assert.equal(good.status, 0, `${good.stdout}\n${good.stderr}`);
    assert.match(good.stdout + good.stderr, /hire check\.+Passed/);
    assert.equal(commits(briefs), 1);

    copyFileSync(path.join(ROOT, 'samples/errors.hire.yaml'), path.join(briefs, 'briefs/bad.hire.yaml'));
    git(briefs, ['add', '-A']);
    const bad = commit(briefs, env);
    assert.notEqual(bad.status, 0, `${bad.stdout}\n${bad.stderr}`);
    assert.match(bad.stdout + bad.stderr, /hire check\.+Failed/);
    assert.match(bad.stdout + bad.stderr, /briefs\/bad\.hire\.yaml:\d+:\d+ error schema /);
    assert.equal(commits(briefs), 1, 'the bad brief is not committed');
  });

  it('without the framework: the plain hook checks the staged briefs with the installed package', { timeout: 600_000 }, () => {
    assert.match(plainHook, /npx --no-install hire check/);
    // The package, packed from the copy with this checkout's build tools.
    const packing = path.join(temp, 'hiring-briefs-pack');
    copyRepository(packing);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(packing, 'node_modules'), 'dir');
    const tarball = path.join(packing, run('npm', ['pack'], { cwd: packing, timeout: 300_000 }).stdout.trim());

    const briefs = path.join(temp, 'briefs-plain');
    briefsRepository(briefs);
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: briefs, timeout: 300_000 });
    const hook = path.join(briefs, '.git/hooks/pre-commit');
    writeFileSync(hook, plainHook);
    chmodSync(hook, 0o755);
    const env = userEnvironment();

    git(briefs, ['add', '-A']);
    const good = commit(briefs, env);
    assert.equal(good.status, 0, `${good.stdout}\n${good.stderr}`);
    assert.equal(commits(briefs), 1);

    // The staged version is checked: a bad brief staged, then fixed in the working tree only, is still stopped.
    copyFileSync(path.join(ROOT, 'samples/errors.hire.yaml'), path.join(briefs, 'briefs/bad.hire.yaml'));
    git(briefs, ['add', 'briefs/bad.hire.yaml']);
    copyFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), path.join(briefs, 'briefs/bad.hire.yaml'));
    const bad = commit(briefs, env);
    assert.notEqual(bad.status, 0, `${bad.stdout}\n${bad.stderr}`);
    assert.match(bad.stdout + bad.stderr, /briefs\/bad\.hire\.yaml:\d+:\d+ error schema /);
    assert.equal(commits(briefs), 1, 'the bad brief is not committed');
  });
});
