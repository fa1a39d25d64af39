// One build for the extension client, the language server and the `hire` CLI.
// `tsc` only type-checks; esbuild bundles. Flags: --production (minify), --watch.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateValidators, standaloneValidators } from './scripts/validators.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
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

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: production })));
  // What each production bundle holds, for scripts/third-party-notices.mjs.
  if (production) writeFileSync(new URL('./dist/meta.json', import.meta.url), JSON.stringify(results.map((result) => result.metafile)));
}
