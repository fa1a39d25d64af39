// Tests run the TypeScript sources through tsx; esbuild's bundles import
// `.yaml` files as text (its `text` loader). This gives `require` the same.
const fs = require('node:fs');
require.extensions['.yaml'] = (module, filename) => {
  module.exports = { __esModule: true, default: fs.readFileSync(filename, 'utf8') };
};
require.extensions['.css'] = require.extensions['.yaml'];
