/**
 * The npm package as its users get it: `npm pack` of a copy of this
 * repository, installed into an empty folder, then `hire` and
 * `hire-language-server` run from there (the README's "Other editors").
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../support/documents';
import { codes, startServer } from '../support/lspClient';
import { copyRepository, run } from '../support/repository';

const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const TARBALL = `${name}-${version}.tgz`;

/** Every file of a folder of the repository, as paths in the tarball. */
function filesOf(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(path.join(ROOT, folder, file)).isFile())
    .map((file) => `package/${folder}/${file.split(path.sep).join('/')}`);
}

describe('the npm package', () => {
  let temp: string;
  let repository: string;
  let project: string;
  let packed: ReturnType<typeof run>;
  let repacked: ReturnType<typeof run>;

  before(() => {
    temp = mkdtempSync(path.join(os.tmpdir(), 'hire-npm-'));
    repository = path.join(temp, 'hiring-briefs');
    project = path.join(temp, 'project');
    copyRepository(repository);
    // The build tools of this checkout: prepack builds with esbuild.
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(repository, 'node_modules'), 'dir');
    packed = run('npm', ['pack'], { cwd: repository, timeout: 300_000 });
    // A second pack, with the first tarball beside it.
    repacked = run('npm', ['pack', '--pack-destination', temp], { cwd: repository, timeout: 300_000 });
    // The README's "Other editors": `npm install --save-dev ./hiring-briefs-<version>.tgz` (offline: it needs no other package).
    mkdirSync(project);
    copyFileSync(path.join(repository, TARBALL), path.join(project, TARBALL));
    run('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', `./${TARBALL}`], { cwd: project, timeout: 300_000 });
  }, { timeout: 900_000 });

  after(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it("is what the README's 'Other editors' installs and runs", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`\`npm install --save-dev ./${TARBALL}\``), 'the README installs this tarball');
    assert.ok(readme.includes('`npx hire-language-server --stdio`'));
  });

  it("prints only the tarball's name on standard output, as pre-commit reads it", () => {
    assert.equal(packed.stdout, `${TARBALL}\n`);
    assert.equal(repacked.stdout, `${TARBALL}\n`);
  });

  it('ships the CLI and server bundles, the schemas and the docs, and nothing else, however often it is packed', () => {
    const expected = [
      'package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/THIRD-PARTY-NOTICES.md',
      'package/dist/cli.js', 'package/dist/server.js', 'package/package.json', ...filesOf('schemas'),
    ].sort();
    for (const tarball of [path.join(repository, TARBALL), path.join(temp, TARBALL)]) {
      const listed = run('tar', ['-tzf', tarball], { cwd: temp }).stdout.split('\n').filter(Boolean).sort();
      assert.deepEqual(listed, expected, tarball);
    }
  });

  it('installs into an empty folder offline, with no other package, and can be published', () => {
    const installed = readdirSync(path.join(project, 'node_modules')).filter((entry) => !entry.startsWith('.'));
    assert.deepEqual(installed, [name]);
    const manifest = JSON.parse(readFileSync(path.join(project, 'node_modules', name, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.private, undefined);
  });

  it('runs `npx hire --version` and `npx hire check` from the installed package', () => {
    assert.equal(run('npx', ['--no-install', 'hire', '--version'], { cwd: project }).stdout.trim(), version);
    const good = run('npx', ['--no-install', 'hire', 'check', path.join(ROOT, 'samples/complete.hire.yaml')], { cwd: project, check: false });
    assert.equal(good.status, 0, good.stdout + good.stderr);
    const bad = run('npx', ['--no-install', 'hire', 'check', '--format', 'json', path.join(ROOT, 'samples/errors.hire.yaml')], { cwd: project, check: false });
    assert.equal(bad.status, 1, bad.stderr);
    const report = JSON.parse(bad.stdout) as { summary: { errors: number } };
    assert.ok(report.summary.errors > 0);
  });

  it("serves `npx hire-language-server --stdio` from the installed package: initialize, then a brief's findings", async () => {
    // npx finds the bin from the working folder: the project's.
    const server = await startServer({}, undefined, process.pid, ['sh', '-c', `cd '${project}' && exec npx --no-install hire-language-server --stdio`]);
    try {
      assert.deepEqual(server.initialized.serverInfo, { name: 'hire-language-server', version });
      const uri = pathToFileURL(path.join(project, 'errors.hire.yaml')).href;
      const published = server.nextDiagnostics(uri);
      server.open(uri, readFileSync(path.join(ROOT, 'samples/errors.hire.yaml'), 'utf8'));
      assert.ok(codes((await published).diagnostics).includes('schema'));
    } finally {
      await server.stop();
    }
  });
});
