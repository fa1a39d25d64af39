/**
 * The order of the server's work on a large workspace, over stdio: an open
 * brief is checked, and answered, while the files that are not open are
 * still being checked; typing in a profile checks its briefs again in the
 * background, each keystroke dropping the work of the one before, and the
 * last version of the profile always wins; and a finding never outlives its
 * edit, however edits, reverts, saves, file-change events, closes and the
 * background checks of a busy machine interleave (scheduling-busy.test.ts,
 * a file of its own: it is the longest). No timing is asserted:
 * only what the server published, and in which order.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { codes, startServer } from '../support/lspClient';
import { addFolder, CLIENT, complete, missingQuestions, progressOf, removeFolders, workspaceOf } from './scheduling';

after(removeFolders);

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
});
