/**
 * Helpers for the tests in the web worker extension host: no Node API is
 * there (no `assert`, no `fs`), so the checks are small functions, files are
 * read through `vscode.workspace.fs`, and every wait polls for a state.
 */
import * as vscode from 'vscode';
import type { ExtensionState } from '../../../client/src/extension';

/** The extension's id: publisher.name from package.json. */
export const EXTENSION_ID = 'hiring-briefs.hiring-briefs';

/** Fails with `message` unless `value` holds. */
export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

/** Fails unless the two are equal as JSON. */
export function same(actual: unknown, expected: unknown, what: string): void {
  const [a, b] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== b) throw new Error(`${what}: expected ${b}, got ${a}`);
}

/** The folder VS Code opened: a copy of test/fixtures/workspace (test/web/runTests.mjs). */
export function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  ok(first, 'a workspace folder is open');
  return first.uri;
}

/** A file of the workspace, by its path in it. */
export function file(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), relative);
}

/** Opens a file of the workspace in an editor. */
export async function open(relative: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(file(relative));
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/** Polls `check` every 50 ms until it returns something other than undefined or false, for at most `timeoutMs`. */
export async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, state?: () => unknown, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state ? `; last state: ${JSON.stringify(state())}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The extension's exports once it is active. */
export async function activeExtension(): Promise<ExtensionState> {
  const extension = vscode.extensions.getExtension<ExtensionState>(EXTENSION_ID);
  ok(extension, `${EXTENSION_ID} is installed`);
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

/** Orders findings by position, then code and severity. */
function compare(a: Finding, b: Finding): number {
  return a.line - b.line || a.character - b.character || a.code.localeCompare(b.code) || a.severity.localeCompare(b.severity);
}

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
    .sort(compare);
}

/** Waits until a document's diagnostics equal `expected` (any order). */
export async function untilFindings(uri: vscode.Uri, expected: readonly Finding[], what = `the findings of ${uri.path}`): Promise<void> {
  const want = JSON.stringify([...expected].sort(compare));
  await until(what, () => JSON.stringify(findings(uri)) === want, () => ({ want: JSON.parse(want), got: findings(uri) }));
}

/** What `hire check` found in each file of the workspace (by its path in it), written by test/web/runTests.mjs beside the suite. */
export async function checkedByCli(): Promise<Map<string, Finding[]>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  ok(extension, `${EXTENSION_ID} is installed`);
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'out/test/web/expected.json'));
  return new Map(Object.entries(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, Finding[]>));
}

/** Replaces the first occurrence of `from` in a document (in memory, unsaved). */
export async function replaceText(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const offset = document.getText().indexOf(from);
  ok(offset >= 0, `${document.uri.path} contains ${from}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)), to);
  ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
}

/** Reverts a document to what is saved. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await until(`${document.uri.path} to be reverted`, () => !document.isDirty);
}

/** The labels of completion items. */
export function labels(list: vscode.CompletionList): string[] {
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}
