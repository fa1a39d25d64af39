// One build for the extension client, the language server and the `hire` CLI,
// and for VS Code in the browser, the client and the server in dist/web/ (a
// web bundle that imports a Node built-in fails the build).
// `tsc` only type-checks; esbuild bundles. Flags: --production (minify), --watch,
// --package (the npm package's prepack: only the server and the CLI, minified,
// in a dist/ of their own, because `npm pack` always takes `main`, the client).
import * as esbuild from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { relative } from 'node:path';
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

/** Node's built-in modules (`fs`, `node:fs`, `fs/promises`, …): none may be in a web bundle. */
const nodeBuiltin = new RegExp(`^(node:.*|(${builtinModules.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})(/.*)?)$`);

/** Fails the build of a web bundle at any import of a Node built-in, naming the module that imports it. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: nodeBuiltin }, (args) => ({
      errors: [{ text: `A web bundle cannot import the Node built-in '${args.path}' (imported by ${relative(process.cwd(), args.importer)}): the browser has no Node.` }],
    }));
  },
};

/** Options shared by the bundles that run in a browser: VS Code's web worker extension host, and the server's web worker. */
const web = { ...common, platform: 'browser', target: 'es2022', plugins: [...common.plugins, noNodeBuiltins] };

/** @type {esbuild.BuildOptions[]} */
const builds = [
  { ...common, entryPoints: { client: 'client/src/main.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The preview webview's script runs in the browser: loaded from dist/webview/ (a localResourceRoot).
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { preview: 'client/src/webview/main.ts' }, outdir: 'dist/webview' },
  // VS Code in the browser (package.json `browser`): the client, and the language server it starts in a web worker.
  { ...web, entryPoints: { client: 'client/src/browserMain.ts' }, outdir: 'dist/web', external: ['vscode'] },
  { ...web, format: 'iife', entryPoints: { server: 'server/src/browserMain.ts' }, outdir: 'dist/web' },
];

/** The bundles the npm package ships: the language server and the CLI. */
const packaged = (options) => options.outdir === 'dist' && ['server', 'cli'].includes(Object.keys(options.entryPoints)[0]);

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
