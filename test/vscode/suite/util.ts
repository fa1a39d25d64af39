/**
 * Helpers for the extension-host tests: open samples, poll for a state with a
 * bounded wait (never a fixed sleep), and find the language server's process.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionState } from '../../../client/src/extension';

/** The extension's id: publisher.name from package.json. */
export const EXTENSION_ID = 'hiring-briefs.hiring-briefs';

/** The folder VS Code opened: a copy of <repo>/samples in a temporary folder (test/vscode/runTests.mjs). */
export function samplesFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

/** A sample's URI. */
export function sample(name: string): vscode.Uri {
  return vscode.Uri.joinPath(samplesFolder(), name);
}

/** Opens a sample in an editor (column one unless told otherwise). */
export async function openSample(name: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(sample(name));
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/**
 * Polls `check` every 50 ms until it returns something other than undefined
 * or false, for at most `timeoutMs`; the error names what was awaited and,
 * if given, the last `state()`. The bound is generous (two minutes): it only
 * ends a wait for what will never come, on a machine as busy as it may be.
 */
export async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, state?: () => unknown, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const last = state ? `; last state: ${JSON.stringify(state(), null, 1)}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The extension's exports once it is active. */
export async function activeExtension(): Promise<ExtensionState> {
  const extension = vscode.extensions.getExtension<ExtensionState>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return until('the extension to activate', () => extension.isActive && extension.exports);
}

/** A diagnostic as the tests compare it: code, severity name and 0-based start. */
export interface Finding {
  readonly code: string;
  readonly severity: string;
  readonly line: number;
  readonly character: number;
}

const SEVERITIES = ['error', 'warning', 'information', 'hint'];

/** The `hire` diagnostics VS Code holds for a document, sorted. */
export function findings(uri: vscode.Uri): Finding[] {
  return vscode.languages.getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'hire')
    .map((diagnostic) => ({
      code: String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code),
      severity: SEVERITIES[diagnostic.severity],
      line: diagnostic.range.start.line,
      character: diagnostic.range.start.character,
    }))
    .sort(compareFindings);
}

/** Orders findings by position, then code and severity. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.character - b.character || a.code.localeCompare(b.code) || a.severity.localeCompare(b.severity);
}

/** Waits until a document's diagnostics equal `expected` (any order). */
export async function untilFindings(uri: vscode.Uri, expected: readonly Finding[], what = `the findings of ${uri.path}`): Promise<void> {
  const want = JSON.stringify([...expected].sort(compareFindings));
  await until(what, () => JSON.stringify(findings(uri)) === want, () => ({ want: JSON.parse(want), got: findings(uri) }));
}

/** The pids of the language servers the extension host started (children running dist/server.js). */
export function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (ppid === process.pid && argv.some((arg) => arg.endsWith('dist/server.js'))) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Waits for exactly one running server and returns its pid. */
export function untilOneServer(what = 'one language server process', except?: number): Promise<number> {
  return until(what, () => {
    const pids = serverPids().filter((pid) => pid !== except);
    return pids.length === 1 ? pids[0] : undefined;
  }, () => serverPids());
}
