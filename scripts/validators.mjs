// Build-time JSON Schema validators: ajv's standalone code for every validator
// of server/src/service/validators.ts, written to .cache/ (git-ignored) and
// put in that module's place in the bundles, so that no code is generated at
// run time (faster start, no `new Function`).
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const MODULE = path.join('server', 'src', 'service', 'validators.ts');

/** Generates `.cache/validators.generated.js` from the validators module; returns its path. */
export async function generateValidators(root) {
  const cache = path.join(root, '.cache');
  mkdirSync(cache, { recursive: true });
  const builder = path.join(cache, 'validators-builder.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, MODULE)],
    outfile: builder,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  const require = createRequire(builder);
  delete require.cache[builder];
  const { createAjv, VALIDATOR_REFS, PROPERTY_VALIDATORS, ITEM_VALIDATORS } = require(builder);
  const standaloneCode = require('ajv/dist/standalone').default;
  const source = standaloneCode(createAjv({ code: { source: true, esm: false } }), VALIDATOR_REFS);
  const file = path.join(cache, 'validators.generated.js');
  writeFileSync(
    file,
    `${source}\n` +
      `exports.PROPERTY_VALIDATORS = ${JSON.stringify(PROPERTY_VALIDATORS)};\n` +
      `exports.ITEM_VALIDATORS = ${JSON.stringify(ITEM_VALIDATORS)};\n` +
      'exports.getValidator = (name) => exports[name];\n',
  );
  return file;
}

/** An esbuild plugin that resolves the validators module to the generated file. */
export function standaloneValidators(file) {
  return {
    name: 'standalone-validators',
    setup(build) {
      build.onResolve({ filter: /^\.\/validators$/ }, (args) =>
        path.join(args.resolveDir, 'validators.ts').endsWith(MODULE) ? { path: file } : undefined,
      );
    },
  };
}
