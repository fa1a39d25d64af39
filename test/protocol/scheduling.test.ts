/**
 * The order of the server's work on a large workspace, over stdio: an open
 * brief is checked, and answered, while the files that are not open are
 * still being checked; typing in a profile checks its briefs again in the
 * background, each keystroke dropping the work of the one before, and the
 * last version of the profile always wins; and a finding never outlives its
 * edit, however edits, reverts, saves, file-change events, closes and the
 * background checks of a busy machine interleave. No timing is asserted:
 * only what the server published, and in which order.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../support/documents';
import { generateBrief } from '../support/generate';
import { codes, startServer, type TestServer } from '../support/lspClient';

const complete = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');

/** A client that tells the server its folders, watches files for it and shows progress. */
const CLIENT = { workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } };

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A folder of `count` small briefs (naming `profile` when given); returns the folder and the briefs' URIs. */
function workspaceOf(count: number, profile?: string): { folder: string; uris: string[] } {
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

function addFolder(server: TestServer, folder: string): void {
  void server.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }], removed: [] },
  });
}

/** Tracks the server's background progress: whether one is shown now, and resolves when none is. */
function progressOf(server: TestServer): { idle(): Promise<void> } {
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
function missingQuestions(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.code === 'missing-question').map((d) => String((d.data as { id?: string } | undefined)?.id));
}

describe('scheduling over a large workspace', () => {
  it('checks an open brief, and answers it, while the workspace is still being checked', async () => {
    const count = 1000;
    const { folder, uris } = workspaceOf(count);
    const server = await startServer(CLIENT);
    const progress = progressOf(server);
    try {
      const closed = new Set(uris);
      const published = new Set<string>();
      let firstClosed!: () => void;
      const started = new Promise<void>((resolve) => (firstClosed = resolve));
      server.onPublish((params: PublishDiagnosticsParams) => {
        if (!closed.has(params.uri)) return;
        published.add(params.uri);
        firstClosed();
      });
      addFolder(server, folder);
      await started;
      const uri = pathToFileURL(path.join(folder, 'open.hire.yaml')).href;
      const opened = server.nextDiagnostics(uri);
      server.open(uri, complete.replace('engagement: freelance', 'engagement: freelanse'));
      assert.deepEqual(codes((await opened).diagnostics), ['schema']);
      const checkedWhenOpenWas = published.size;
      const completion = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } })) as { items: unknown[] };
      assert.ok(completion.items.length > 0);
      const checkedWhenCompleted = published.size;
      assert.ok(checkedWhenCompleted < count, `the open brief was checked and completed after ${checkedWhenOpenWas} and ${checkedWhenCompleted} of ${count} closed briefs`);
      await progress.idle();
      assert.equal(published.size, count);
    } finally {
      await server.stop();
    }
  });

  it('checks the briefs of a profile again as it is typed: earlier keystrokes\' checks are dropped, the last version wins', async () => {
    const count = 1000;
    const profileId = 'typed-coordinator';
    const { folder, uris } = workspaceOf(count, profileId);
    const profileFile = path.join(folder, 'team.hire-profile.yaml');
    const profileText = (question: string) =>
      `hire-profile: 1\nid: ${profileId}\ntitle: Typed Coordinator\nextends: production-coordinator\nquestions:\n  - id: ${question}\n    ask: What would you change first?\n    priority: required\n`;
    writeFileSync(profileFile, profileText('on-disk'));
    const server = await startServer(CLIENT);
    const progress = progressOf(server);
    try {
      const briefs = new Set(uris);
      const latest = new Map<string, readonly Diagnostic[]>();
      let publications = 0;
      const waiters: { test: () => boolean; resolve: () => void }[] = [];
      server.onPublish((params: PublishDiagnosticsParams) => {
        if (!briefs.has(params.uri)) return;
        latest.set(params.uri, params.diagnostics);
        publications++;
        for (const waiter of [...waiters]) if (waiter.test()) waiters.splice(waiters.indexOf(waiter), 1) && waiter.resolve();
      });
      const until = (test: () => boolean) => (test() ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ test, resolve })));
      const asking = (id: string) => [...latest.values()].filter((diagnostics) => missingQuestions(diagnostics).includes(id)).length;
      addFolder(server, folder);
      await until(() => asking('on-disk') === count);
      await progress.idle();

      const profileUri = pathToFileURL(profileFile).href;
      void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: profileUri, languageId: 'hire-profile-yaml', version: 1, text: profileText('on-disk') } });
      const before = publications;
      const keystrokes = ['k', 'ke', 'key', 'keys', 'keyst', 'keystr', 'keystro', 'keystrok'];
      for (const [index, question] of keystrokes.entries()) {
        void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: profileUri, version: index + 2 }, contentChanges: [{ text: profileText(question) }] });
        // The next keystroke comes once this one's check of the briefs has begun.
        await until(() => asking(question) > 0);
      }
      const final = 'keystroke';
      void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: profileUri, version: keystrokes.length + 2 }, contentChanges: [{ text: profileText(final) }] });
      await until(() => asking(final) === count);
      await progress.idle();
      const typed = new Set(['on-disk', ...keystrokes, final]);
      for (const [uri, diagnostics] of latest) assert.deepEqual(missingQuestions(diagnostics).filter((id) => typed.has(id)), [final], uri);
      // Each keystroke's check stopped at the next one: far fewer publications than a full check a keystroke.
      const during = publications - before;
      assert.ok(during < 3 * count, `${during} publications for ${keystrokes.length + 1} versions of the profile and ${count} briefs`);
    } finally {
      await server.stop();
    }
  });

  it('never leaves a finding after its edit is reverted, with saves and file-change events, on a busy machine', async () => {
    const { folder } = workspaceOf(300, 'busy-coordinator');
    const profileFile = path.join(folder, 'busy.hire-profile.yaml');
    const profileText = (question: string) =>
      `hire-profile: 1\nid: busy-coordinator\ntitle: Busy Coordinator\nextends: production-coordinator\nquestions:\n  - id: ${question}\n    ask: Why?\n    priority: recommended\n`;
    writeFileSync(profileFile, profileText('q-0'));
    const file = path.join(folder, 'complete.hire.yaml');
    writeFileSync(file, complete);
    const uri = pathToFileURL(file).href;
    const edited = complete.replace('engagement: freelance', 'engagement: freelanse');
    // A CPU-bound process a core: the server's threads and the test share a busy machine.
    const burners: ChildProcess[] = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    const server = await startServer(CLIENT);
    const progress = progressOf(server);
    try {
      addFolder(server, folder);
      await server.nextDiagnostics(uri);
      const profileUri = pathToFileURL(profileFile).href;
      let version = 1;
      let profileVersion = 1;
      const touch = (changedFile: string, text: string) => {
        writeFileSync(changedFile, text);
        void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(changedFile).href, type: 2 }] });
      };
      const change = (text: string) => {
        version++;
        const published = server.nextDiagnostics(uri, (params) => params.version === version);
        server.change(uri, text, version);
        return published;
      };
      server.open(uri, complete, version);
      void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: profileUri, languageId: 'hire-profile-yaml', version: profileVersion, text: profileText('q-0') } });
      for (let round = 0; round < 24; round++) {
        const withEvents = round % 2 === 1;
        // The profile changes too: the closed briefs are checked again in the background meanwhile.
        void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: profileUri, version: ++profileVersion }, contentChanges: [{ text: profileText(`q-${round + 1}`) }] });
        const broken = await change(edited);
        assert.deepEqual(codes(broken.diagnostics), ['schema'], `round ${round}: the edit's finding`);
        // Saved (as an editor that saves after a delay does), and the file-change event of the save.
        if (withEvents) touch(file, edited);
        const reverted = await change(withEvents && round % 4 === 3 ? edited : complete);
        if (withEvents && round % 4 === 3) {
          // The revert brought the saved text: the finding stays, rightly. Undo the save.
          assert.deepEqual(codes(reverted.diagnostics), ['schema'], `round ${round}: the saved edit's finding`);
          touch(file, complete);
          assert.deepEqual((await change(complete)).diagnostics, [], `round ${round}: undone`);
        } else {
          assert.deepEqual(reverted.diagnostics, [], `round ${round}: no finding after the revert`);
          if (withEvents) touch(file, complete);
        }
        if (round % 6 === 5) {
          // Closed, its findings come from disk; opened again.
          const fromDisk = server.nextDiagnostics(uri, (params) => params.version === undefined || params.version === null);
          void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
          assert.deepEqual((await fromDisk).diagnostics, [], `round ${round}: closed`);
          const reopened = server.nextDiagnostics(uri, (params) => params.version === version);
          server.open(uri, complete, version);
          assert.deepEqual((await reopened).diagnostics, [], `round ${round}: opened again`);
        }
      }
      const last = server.history.length;
      await progress.idle();
      const after = server.history.slice(last).filter((params) => params.uri === uri);
      assert.deepEqual(after.map((params) => params.diagnostics), after.map(() => []), 'nothing published for the brief once everything settled has a finding');
      assert.deepEqual(server.published.get(uri)?.diagnostics, []);
      assert.equal(readFileSync(file, 'utf8'), complete);
    } finally {
      for (const burner of burners) burner.kill();
      await server.stop();
    }
  });
});
