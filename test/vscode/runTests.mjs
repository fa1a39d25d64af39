// Entry point of `npm run test:vscode`: runs the extension-host test suite
// (mocha inside VS Code) with @vscode/test-electron's runTests(). CI and our dev
// machines cannot download VS Code, so there we run it on code-server in headless
// chromium via test/vscode/code-server-vscode.mjs (set up by
// scripts/setup-vscode-test.sh). Builds nothing: compile the suite first.
//
// The suite edits briefs (in memory, reverted after) and may fail halfway: it
// runs on a copy of samples/ in a temporary folder, removed after the run, so
// a failed or interrupted run never leaves an edit in the repository.
//
// Usage: node test/vscode/runTests.mjs [path/to/suite/index.js]
// Env:   HIRE_VSCODE_TESTS  suite entry (default out/test/vscode/suite/index.js)
//        HIRE_VSCODE        code-server | desktop | /path/to/code (default: auto;
//                           code-server when CI is set or VS Code can't be downloaded)
//        HIRE_VSCODE_CACHE  install dir (default <repo>/.cache/vscode-test)
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cache = process.env.HIRE_VSCODE_CACHE || path.join(root, '.cache/vscode-test');
const standIn = path.join(root, 'test/vscode/code-server-vscode.mjs');
const extensionTestsPath = path.resolve(process.argv[2] || process.env.HIRE_VSCODE_TESTS || path.join(root, 'out/test/vscode/suite/index.js'));
const choice = process.env.HIRE_VSCODE || '';

async function pickExecutable() {
  if (choice === 'code-server') return standIn;
  if (choice && choice !== 'desktop') return choice; // an explicit VS Code binary
  if (!choice && process.env.CI) return standIn;
  if (!choice && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('[runTests] no display for desktop VS Code: using code-server');
    return standIn;
  }
  try {
    // Offline this fails within seconds (version lookup, then no cached copy).
    return await downloadAndUnzipVSCode({ cachePath: path.join(cache, 'vscode'), timeout: 10_000 });
  } catch (e) {
    if (choice === 'desktop') throw e;
    console.log(`[runTests] cannot download VS Code (${e.message}): using code-server`);
    return standIn;
  }
}

/** A copy of samples/ in a temporary folder (`<tmp>/samples`, so names and labels are the same). */
function copySamples() {
  const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hire-vscode-samples-')), 'samples');
  fs.cpSync(path.join(root, 'samples'), folder, { recursive: true });
  return folder;
}

const samples = copySamples();
const removeSamples = () => fs.rmSync(path.dirname(samples), { recursive: true, force: true });
process.on('exit', removeSamples);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));

try {
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`no test suite at ${extensionTestsPath} (compile it first)`);
  const vscodeExecutablePath = await pickExecutable();
  if (vscodeExecutablePath === standIn) fs.chmodSync(standIn, 0o755); // runTests spawns it directly
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [
      samples,
      '--disable-extensions',
      // keep desktop VS Code's profile out of <repo>/.vscode-test (the stand-in uses temp dirs)
      `--user-data-dir=${path.join(cache, 'user-data')}`,
      `--extensions-dir=${path.join(cache, 'extensions')}`,
    ],
  });
  process.exit(code);
} catch (e) {
  // runTests rejects with TestRunFailedError { code } when the tests fail
  console.error(`[runTests] ${e.message}`);
  process.exit(typeof e.code === 'number' && e.code > 0 ? e.code : 1);
}
