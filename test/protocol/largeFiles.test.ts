/**
 * A workspace with files too large to be briefs, over stdio: each gets the
 * finding a text over the limit gets, is listed with its error, and is never
 * read: the server's memory stays far below one of them. The files are
 * sparse (400 MB on paper, nothing on disk).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { WorkspaceBriefsRequest, type WorkspaceBriefsResult } from '../../server/src/protocol';
import { ROOT } from '../support/documents';
import { startServer, type TestServer } from '../support/lspClient';

const SPARSE_BYTES = 400 * 1024 * 1024;

/** Peak resident memory of a process, in MB. */
function peakMb(pid: number): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

describe('files too large to be briefs in the workspace', () => {
  let folder: string;
  let server: TestServer;
  const names = ['a.hire.yaml', 'b.hire.yaml', 'c.hire.yaml', 'huge.hire-profile.yaml'];
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
  const diagnosticsOf = async (uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true) => {
    const now = server.published.get(uri);
    return (now && test(now) ? now : await server.nextDiagnostics(uri, test)).diagnostics;
  };

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'hire-large-workspace-'));
    for (const name of names) {
      writeFileSync(path.join(folder, name), '');
      truncateSync(path.join(folder, name), SPARSE_BYTES);
    }
    writeFileSync(path.join(folder, 'complete.hire.yaml'), readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8'));
    server = await startServer({ workspace: { workspaceFolders: true } });
    void server.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(folder).href, name: 'large' }], removed: [] },
    });
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives each one finding at the start of the file, without reading it', async () => {
    for (const name of names) {
      const diagnostics = await diagnosticsOf(uriOf(name), (params) => params.diagnostics.length > 0);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]), [['yaml-syntax', 1, 0, 0]], name);
      assert.match(String(diagnostics[0].message), /^This file is 400 MB; briefs over 5 MB are not checked/);
    }
    assert.deepEqual(await diagnosticsOf(uriOf('complete.hire.yaml')), []);
    const peak = peakMb(server.process.pid!);
    assert.ok(peak < 250, `peak ${peak.toFixed(0)} MB`);
  });

  it('lists the briefs with their error', async () => {
    const briefs: WorkspaceBriefsResult = await server.connection.sendRequest(WorkspaceBriefsRequest.type);
    assert.deepEqual(briefs.map((brief) => [path.basename(new URL(brief.uri).pathname), brief.errors]), [
      ['a.hire.yaml', 1],
      ['b.hire.yaml', 1],
      ['c.hire.yaml', 1],
      ['complete.hire.yaml', 0],
    ]);
  });

  it('checks a file again when it shrinks to a brief', async () => {
    writeFileSync(path.join(folder, 'a.hire.yaml'), readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8'));
    const cleared = diagnosticsOf(uriOf('a.hire.yaml'), (params) => params.diagnostics.length === 0);
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('a.hire.yaml'), type: 2 }] });
    assert.deepEqual(await cleared, []);
  });
});
