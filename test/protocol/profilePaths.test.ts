/**
 * `hire.profiles.paths` set to what a hostile workspace would set it to
 * (`/etc/passwd`, a folder outside the workspace, `/`), over stdio: only
 * `*.hire-profile.yaml` files are read from it, the profiles found are used
 * by the workspace's briefs but never reported, nothing outside the
 * workspace folders is published or listed, the search of `/` stops at its
 * limit, and an open brief gets its findings meanwhile.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { WorkspaceBriefsRequest, type WorkspaceBriefsResult } from '../../server/src/protocol';
import { ROOT } from '../support/documents';
import { codes, startServer, type TestServer } from '../support/lspClient';

const complete = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');

describe('hire.profiles.paths set by a hostile workspace', () => {
  let base: string;
  let workspace: string;
  let server: TestServer;
  /** An id no other profile on the machine has: `/` is searched too. */
  const teamId = `outside-team-${process.pid}-${Date.now()}`;
  const uriOf = (...parts: string[]) => pathToFileURL(path.join(base, ...parts)).href;
  const diagnosticsOf = async (uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true) => {
    const now = server.published.get(uri);
    return (now && test(now) ? now : await server.nextDiagnostics(uri, test)).diagnostics;
  };
  const logged = () => server.received.filter((message) => message.method === 'window/logMessage').map((message) => (message.params as { message: string }).message);

  before(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'hire-paths-'));
    workspace = path.join(base, 'workspace');
    mkdirSync(path.join(workspace, 'briefs'), { recursive: true });
    mkdirSync(path.join(base, 'outside'));
    writeFileSync(path.join(workspace, 'briefs', 'team.hire.yaml'), complete.replace('profile: production-coordinator', `profile: ${teamId}`));
    writeFileSync(path.join(workspace, 'local.hire.yaml'), complete);
    // A profile with a finding of its own (an unknown key), that would be published if it were reported.
    writeFileSync(
      path.join(base, 'outside', 'team.hire-profile.yaml'),
      `hire-profile: 1\nid: ${teamId}\ntitle: Outside Team\nextends: production-coordinator\ncolour: blue\nquestions:\n  - id: outside-question\n    ask: Why us?\n    priority: required\n`,
    );
    writeFileSync(path.join(base, 'outside', 'stray.hire.yaml'), 'hire: 1\nrole: Stray\nengagement: nonsense\n');
    writeFileSync(path.join(base, 'outside', 'notes.txt'), 'not a profile\n');
    server = await startServer(
      { workspace: { workspaceFolders: true, configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      { profiles: { paths: ['/etc/passwd', '../outside', '/'] } },
    );
  });
  after(async () => {
    await server.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('gives an open brief its findings while the paths are searched', async () => {
    void server.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }], removed: [] },
    });
    const uri = uriOf('workspace', 'open.hire.yaml');
    const published = server.nextDiagnostics(uri);
    server.open(uri, complete.replace('engagement: freelance', 'engagement: freelanse'));
    assert.deepEqual(codes((await published).diagnostics), ['schema']);
  });

  it('checks the workspace briefs against a profile of the paths', async () => {
    const diagnostics = await diagnosticsOf(uriOf('workspace', 'briefs', 'team.hire.yaml'), (params) => params.diagnostics.length > 0);
    // The search of `/` also finds any other copy of the built-in profile on the machine (a checkout of an older
    // version, without rubrics, takes its place): its questions' `no-rubric` findings say nothing about the paths.
    const found = diagnostics.map((d) => [d.code, (d.data as { id?: string } | undefined)?.id]);
    assert.deepEqual(found.filter(([code]) => code !== 'no-rubric'), [['missing-question', 'outside-question']]);
    assert.deepEqual((await diagnosticsOf(uriOf('workspace', 'local.hire.yaml'))).filter((d) => d.code !== 'no-rubric'), []);
  });

  it('reads no file of the paths but profiles, and says where it stopped searching', async () => {
    const notes = logged();
    assert.ok(notes.some((message) => message === '/etc/passwd (hire.profiles.paths) is neither a folder nor a *.hire-profile.yaml file: not read.'), notes.join('\n'));
    assert.ok(notes.some((message) => /^Searching \/ \(hire\.profiles\.paths\) for profiles: stopped after /.test(message)), notes.join('\n'));
  });

  it('publishes nothing outside the workspace folders, and lists only their briefs', async () => {
    // A file outside the workspace announced as changed is not read either.
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('outside', 'stray.hire.yaml'), type: 1 }] });
    const briefs: WorkspaceBriefsResult = await server.connection.sendRequest(WorkspaceBriefsRequest.type);
    assert.deepEqual(briefs.map((brief) => path.relative(workspace, new URL(brief.uri).pathname)).sort(), ['briefs/team.hire.yaml', 'local.hire.yaml']);
    const outside = [...new Set(server.history.map((params) => params.uri))].filter((uri) => !uri.startsWith(pathToFileURL(workspace).href + '/'));
    assert.deepEqual(outside, []);
  });
});
