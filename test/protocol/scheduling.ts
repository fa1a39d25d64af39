/**
 * What the scheduling tests share (scheduling.test.ts, scheduling-busy.test.ts):
 * a folder of generated briefs, a client that watches files and shows
 * progress, and a way to wait until the server's background work is done.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT } from '../support/documents';
import { generateBrief } from '../support/generate';
import type { TestServer } from '../support/lspClient';

/** The complete sample, read once. */
export const complete = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');

/** A client that tells the server its folders, watches files for it and shows progress. */
export const CLIENT = { workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } };

const folders: string[] = [];

/** Removes the folders `workspaceOf` made (a test file's `after`). */
export function removeFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** A folder of `count` small briefs (naming `profile` when given); returns the folder and the briefs' URIs. */
export function workspaceOf(count: number, profile?: string): { folder: string; uris: string[] } {
  const folder = mkdtempSync(path.join(tmpdir(), 'hire-scheduling-'));
  folders.push(folder);
  mkdirSync(path.join(folder, 'briefs'));
  const uris: string[] = [];
  for (let index = 0; index < count; index++) {
    const text = generateBrief({ questions: 1 + (index % 3), seed: index });
    const file = path.join(folder, 'briefs', `brief-${index}.hire.yaml`);
    writeFileSync(file, profile ? text.replace('profile: production-coordinator', `profile: ${profile}`) : text);
    uris.push(pathToFileURL(file).href);
  }
  return { folder, uris };
}

/** Tells the server a workspace folder was added. */
export function addFolder(server: TestServer, folder: string): void {
  void server.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }], removed: [] },
  });
}

/** Tracks the server's background progress: whether one is shown now, and resolves when none is. */
export function progressOf(server: TestServer): { idle(): Promise<void> } {
  let active = 0;
  let waiters: (() => void)[] = [];
  server.connection.onUnhandledProgress((params) => {
    const kind = (params.value as { kind: string }).kind;
    if (kind === 'begin') active++;
    if (kind === 'end') active--;
    if (active === 0) for (const resolve of waiters.splice(0)) resolve();
  });
  return {
    // Messages are handled in order: once a request sent now is answered, the server has seen everything sent before it.
    idle: async () => {
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none.hire.yaml' }, position: { line: 0, character: 0 } });
      if (active > 0) await new Promise<void>((resolve) => waiters.push(resolve));
      waiters = [];
    },
  };
}

/** The id of the profile question a `missing-question` finding is about. */
export function missingQuestions(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.code === 'missing-question').map((d) => String((d.data as { id?: string } | undefined)?.id));
}

