// One build for the extension client, the language server and the `hire` CLI.
// `tsc` only type-checks; esbuild bundles. Flags: --production (minify), --watch,
// --package (the npm package's prepack: only the server and the CLI, minified,
// in a dist/ of their own, because `npm pack` always takes `main`, the client).
import * as esbuild from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateValidators, standaloneValidators } from './scripts/validators.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const npmPackage = process.argv.includes('--package');
const production = npmPackage || process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The schema validators, compiled now to ajv standalone code. */
const validators = await generateValidators(fileURLToPath(new URL('.', import.meta.url)));

/** Options shared by every bundle. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'info',
  loader: { '.yaml': 'text', '.css': 'text' },
  define: { HIRE_VERSION: JSON.stringify(version) },
  plugins: [standaloneValidators(validators)],
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The preview webview's script runs in the browser: loaded from dist/webview/ (a localResourceRoot).
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { preview: 'client/src/webview/main.ts' }, outdir: 'dist/webview' },
];

/** The bundles the npm package ships: the language server and the CLI. */
const packaged = (options) => ['server', 'cli'].includes(Object.keys(options.entryPoints)[0]);

if (npmPackage) {
  rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });
  await Promise.all(builds.filter(packaged).map((options) => esbuild.build({ ...options, logLevel: 'warning' })));
} else if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: production })));
  // What each production bundle holds, for scripts/third-party-notices.mjs.
  if (production) writeFileSync(new URL('./dist/meta.json', import.meta.url), JSON.stringify(results.map((result) => result.metafile)));
}
