#!/usr/bin/env node
// Stand-in for the VS Code executable, for @vscode/test-electron's runTests()
// on machines that cannot download VS Code (our CI reaches only npm and apt).
// It takes the same flags runTests passes to `code` (--extensionDevelopmentPath=,
// --extensionTestsPath=, a folder/workspace path, --disable-extensions, ...),
// starts code-server (VS Code 1.139.1, installed by scripts/setup-vscode-test.sh)
// with the smoke-test driver, opens the workbench in headless Debian chromium
// via playwright-core, relays the extension host's output and exits with the
// extension host's exit code (reported through window.codeAutomationExit).
//
// Env: HIRE_VSCODE_TIMEOUT   overall timeout in seconds (default 1800: generous, for a busy machine)
//      HIRE_VSCODE_SCREENSHOT save a final screenshot (PNG) to this path
//      HIRE_VSCODE_VERBOSE=1  also relay workbench and code-server logs
//      HIRE_VSCODE_LOGS       write VS Code's log files (exthost.log, ...) to this dir
//      HIRE_VSCODE_CACHE      install dir (default <repo>/.cache/vscode-test)
//      HIRE_CHROMIUM          browser binary (default /usr/bin/chromium)
//      HIRE_VSCODE_SETTINGS   user settings (JSON) over the quiet ones (test/web/runTests.mjs:
//                             remote.extensionKind, for the web worker extension host)
// Starting code-server and chromium is shared with ui-walk.mjs (code-server.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { killGroup, launchChromium, QUIET_SETTINGS, requireInstall, startCodeServer, workbenchUrl } from './code-server.mjs';

const timeoutSec = Number(process.env.HIRE_VSCODE_TIMEOUT || 1800);
const verbose = !!process.env.HIRE_VSCODE_VERBOSE;
const screenshot = process.env.HIRE_VSCODE_SCREENSHOT;
const log = (...a) => console.log('[code-server-vscode]', ...a);

// --- parse the `code` command line that runTests builds -------------------
const devPaths = [];
let testsPath;
let target; // folder or .code-workspace to open
// A debugId makes the workbench print extension host console calls to the page
// console as "%c[Extension Host] ..." (otherwise they are mixed, unlabeled, into
// the workbench log); it has no other effect here.
const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true'], ['debugId', 'hire']];
for (const arg of process.argv.slice(2)) {
  const [flag, value] = arg.startsWith('--') ? [arg.split('=')[0], arg.slice(arg.indexOf('=') + 1)] : [null, arg];
  if (flag === '--extensionDevelopmentPath') devPaths.push(path.resolve(value));
  else if (flag === '--extensionTestsPath') testsPath = path.resolve(value);
  else if (flag === '--disable-extensions') payload.push(['disableExtensions', 'true']);
  else if (flag === null && !target) target = path.resolve(value);
  // other flags (--no-sandbox, --user-data-dir=..., --skip-welcome, ...) don't apply here
}
if (!testsPath || !devPaths.length) {
  console.error('usage: code-server-vscode --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER] [--disable-extensions]');
  process.exit(2);
}
requireInstall('code-server-vscode');

// --- cleanup: always kill code-server (its whole process group) and chromium
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hire-vscode-'));
let server, serverPid, browser, page, finished = false;
let relayed = Promise.resolve(); // keeps console relaying in order
const serverOutput = [];
async function finish(code, why, showServerOutput = true) {
  if (finished) return;
  finished = true;
  await relayed;
  if (why) log(why);
  if (screenshot && page) {
    await page.screenshot({ path: screenshot, timeout: 10_000 }).then(() => log('screenshot saved to', screenshot), (e) => log('screenshot failed:', e.message));
  }
  if (code !== 0 && showServerOutput && !verbose && serverOutput.length) log('code-server output:\n' + serverOutput.join(''));
  await browser?.close().catch(() => {});
  process.exit(code); // runs cleanup()
}
function cleanup() { // synchronous, so it also runs on process.exit() from anywhere
  killGroup(serverPid);
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanup);
process.on('SIGINT', () => finish(130, 'interrupted', false));
process.on('SIGTERM', () => finish(143, 'terminated', false));
process.on('uncaughtException', (e) => finish(1, `crashed: ${e.stack || e}`));
process.stdout.on('error', () => {}); // e.g. EPIPE when piped into `head`
setTimeout(() => finish(1, `timed out after ${timeoutSec}s (HIRE_VSCODE_TIMEOUT)`), timeoutSec * 1000).unref();

try {
  // --- start code-server (with the smoke-test driver: window.codeAutomationExit etc.)
  let port, base;
  ({ server, port, base } = await startCodeServer({
    tmp,
    settings: { ...QUIET_SETTINGS, ...JSON.parse(process.env.HIRE_VSCODE_SETTINGS || '{}') },
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    onOutput: (d) => (verbose ? process.stdout.write(`[code-server] ${d}`) : serverOutput.push(d)),
  }));
  serverPid = server.pid;
  server.on('exit', (code, sig) => finish(1, `code-server exited early (${code ?? sig})`));

  // --- open the workbench in headless chromium ---------------------------
  // Extension and test paths are on the "remote" (code-server) file system.
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split('/').map(encodeURIComponent).join('/')}`;
  payload.push(...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(testsPath)]);
  const url = workbenchUrl(base, target, payload);
  browser = await launchChromium(tmp);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Extension host console calls arrive as console.log('%c[Extension Host] %c' + fmt, css, css, ...args).
  page.on('console', (m) => {
    relayed = relayed.then(async () => {
      const args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '?')));
      const head = String(args[0] ?? '');
      if (head.startsWith('%c[Extension Host] %c')) console.log(format(head.slice(21), ...args.slice(3)));
      else if (head.startsWith('%c[Extension Host]')) console.log(format(...args.slice(2)));
      else if (verbose) console.log(`[page ${m.type()}]`, m.text());
    });
  });
  // Workbench log (smoke-test driver): show errors, except expected network
  // failures and extension host errors (already relayed above).
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...[].concat(args));
    const show = verbose || (type === 'error' && !/^\[Extension Host\]|authentication provider 'github'|ENOTFOUND|ERR_NAME_NOT_RESOLVED|getaddrinfo/.test(text));
    if (show) relayed = relayed.then(() => console.log(`[workbench ${type}] ${text}`));
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    if (process.env.HIRE_VSCODE_LOGS) {
      for (const { relativePath, contents } of logs ?? []) {
        const file = path.join(process.env.HIRE_VSCODE_LOGS, relativePath);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, contents);
      }
    }
    finish(Number(code) || 0, `extension host exited with code ${code}`, false);
  });
  log(`VS Code (code-server) at ${base}, opening ${target ?? 'an empty window'}`);
  await page.goto(url);
} catch (e) {
  await finish(1, `failed: ${e.stack || e}`);
}
