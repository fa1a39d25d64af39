// Compiles the extension-host test suite (test/vscode/suite/*.ts) to
// out/test/vscode/suite/*.js: one CommonJS file per test file plus index.js,
// which runs them with mocha. `vscode` is the host's module; mocha and
// vscode-languageclient come from node_modules (out/ resolves up to the repo's).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suite = path.join(root, 'test/vscode/suite');
const outdir = path.join(root, 'out/test/vscode/suite');
const entryPoints = fs.readdirSync(suite).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(suite, f));
fs.rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha', 'vscode-languageclient', 'vscode-languageclient/*'],
  logLevel: 'warning',
});
console.log(`[build] ${entryPoints.length} files -> ${path.relative(root, outdir)}`);
