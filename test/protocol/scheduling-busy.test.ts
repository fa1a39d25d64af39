/**
 * The order of the server's work on a busy machine, over stdio (the rest is in
 * scheduling.test.ts): a finding never outlives its edit, however edits,
 * reverts, saves, file-change events, closes and the background checks of the
 * workspace interleave, with a CPU-bound process on every core. No timing is
 * asserted: only what the server published, and in which order.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { codes, startServer } from '../support/lspClient';
import { addFolder, CLIENT, complete, progressOf, removeFolders, workspaceOf } from './scheduling';

after(removeFolders);

describe('scheduling over a large workspace, on a busy machine', () => {
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
