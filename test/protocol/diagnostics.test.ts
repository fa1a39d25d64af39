import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/documents';
import { codes, startServer, type TestServer } from '../support/lspClient';

const gaps = readFileSync(path.join(ROOT, 'samples/gaps.hire.yaml'), 'utf8');
const complete = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');

describe('diagnostics pushed by the server over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('publishes the findings of an opened brief, with its version', async () => {
    const uri = 'file:///work/gaps.hire.yaml';
    const published = server.nextDiagnostics(uri);
    server.open(uri, gaps, 1);
    const params = await published;
    assert.equal(params.version, 1);
    assert.ok(codes(params.diagnostics).includes('missing-skill'));
    assert.ok(params.diagnostics.every((d) => d.source === 'hire'));
  });

  it('publishes new findings after a change, and clears them on close', async () => {
    const uri = 'file:///work/changing.hire.yaml';
    const first = server.nextDiagnostics(uri);
    server.open(uri, complete, 1);
    assert.deepEqual((await first).diagnostics, []);

    const second = server.nextDiagnostics(uri, (params) => params.version === 2);
    server.change(uri, complete.replace('engagement: freelance', 'engagement: freelanse'), 2);
    const changed = await second;
    assert.deepEqual(codes(changed.diagnostics), ['schema']);
    assert.match(changed.diagnostics[0].message as string, /freelance/);

    const cleared = server.nextDiagnostics(uri, (params) => params.diagnostics.length === 0);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('publishes only the latest version after a burst of edits', async () => {
    const uri = 'file:///work/burst.hire.yaml';
    const last = server.nextDiagnostics(uri, (params) => params.version === 50);
    server.open(uri, complete, 1);
    for (let version = 2; version <= 50; version++) server.change(uri, `${complete}# edit ${version}\n`, version);
    await last;
    const seen = server.history.filter((params) => params.uri === uri).map((params) => params.version);
    assert.ok(seen.length < 49, `published ${seen.length} times for 50 versions`);
    assert.equal(seen.at(-1), 50);
  });
});

describe('settings', () => {
  it('applies hire.diagnostics.severity from the client configuration', async () => {
    const server = await startServer({ workspace: { configuration: true } }, { diagnostics: { severity: { 'missing-question': 'off', 'missing-skill': 'error' } } });
    try {
      const uri = 'file:///work/settings.hire.yaml';
      const published = server.nextDiagnostics(uri);
      server.open(uri, gaps, 1);
      const { diagnostics } = await published;
      assert.ok(!codes(diagnostics).includes('missing-question'));
      assert.ok(diagnostics.filter((d) => d.code === 'missing-skill').every((d) => d.severity === 1));
    } finally {
      await server.stop();
    }
  });
});

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic and pushes nothing when the client pulls', async () => {
    const server = await startServer({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    try {
      const uri = 'file:///work/pull.hire.yaml';
      server.open(uri, gaps, 1);
      const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: { code: string }[] };
      assert.equal(report.kind, 'full');
      assert.ok(report.items.some((item) => item.code === 'missing-question'));
      assert.equal(server.published.size, 0);
    } finally {
      await server.stop();
    }
  });
});
