// `npm run test:web`: the extension in VS Code's web worker extension host,
// as on vscode.dev and github.dev, offline. code-server (the desktop suite's
// stand-in, test/vscode/code-server-vscode.mjs) hosts it: the user setting
// `remote.extensionKind` puts the extension, which has both `main` and
// `browser`, in the web worker host, where the suite runs too (the host of
// the extension whose folder holds it). The suite is one CommonJS bundle for
// the browser (only `vscode` can be required there) with mocha's browser
// build. It opens a copy of test/fixtures/workspace in a temporary folder
// (with test/fixtures/web-profiles beside it, for hire.profiles.paths;
// removed after the run, so a failed run leaves no edit in the repository)
// and compares what the editor shows with what `hire check` finds there
// (out/test/web/expected.json, read through the editor). Builds the suite,
// not the extension: run `npm run build` first (`npm run test:web` does).
//
// Env: as test/vscode/code-server-vscode.mjs (HIRE_VSCODE_CACHE, HIRE_VSCODE_TIMEOUT, ...).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = path.join(root, 'out/test/web');
const { publisher, name } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

fs.rmSync(outdir, { recursive: true, force: true });
fs.mkdirSync(outdir, { recursive: true });

// The workspace, and the folder of profiles beside it, copied to a temporary folder.
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hire-web-'));
process.on('exit', () => fs.rmSync(temp, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
const folder = path.join(temp, 'workspace');
fs.cpSync(path.join(root, 'test/fixtures/workspace'), folder, { recursive: true });
fs.cpSync(path.join(root, 'test/fixtures/web-profiles'), path.join(temp, 'web-profiles'), { recursive: true });

// What `hire check` finds in each file of the workspace, by its path in it.
const check = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', folder, '--format', 'json'], { cwd: root, encoding: 'utf8' });
if (!check.stdout) {
  console.error(`[test:web] hire check gave no report (exit ${check.status}): ${check.stderr}`);
  process.exit(1);
}
const report = JSON.parse(check.stdout);
const expected = Object.fromEntries(report.files.map((file) => [
  path.relative(folder, path.resolve(root, file.path)).split(path.sep).join('/'),
  file.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.range.start.line, character: d.range.start.character })),
]));
fs.writeFileSync(path.join(outdir, 'expected.json'), JSON.stringify(expected, null, 1));

await esbuild.build({
  entryPoints: { index: path.join(root, 'test/web/suite/index.ts') },
  outdir: path.join(outdir, 'suite'),
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  external: ['vscode'],
  // mocha's browser build refers to `global`.
  define: { global: 'globalThis' },
  sourcemap: 'inline',
  logLevel: 'warning',
});

const settings = { 'remote.extensionKind': { [`${publisher}.${name}`]: ['web'] } };
const run = spawnSync(process.execPath, [
  path.join(root, 'test/vscode/code-server-vscode.mjs'),
  `--extensionDevelopmentPath=${root}`,
  `--extensionTestsPath=${path.join(outdir, 'suite/index.js')}`,
  folder,
  '--disable-extensions',
], { stdio: 'inherit', env: { ...process.env, HIRE_VSCODE_SETTINGS: JSON.stringify(settings) } });
process.exitCode = run.status ?? 1;
