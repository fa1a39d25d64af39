/**
 * The server over the protocol, under abuse: it never publishes a finding of
 * an older version after a newer one, clears a closed document's findings,
 * answers requests for documents it does not have, survives malformed
 * messages, unknown methods, malformed parameters and hostile documents, and
 * a killed server is replaced by a new process that serves.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { BuiltinProfileRequest, RenderRequest, WorkspaceBriefsRequest } from '../../server/src/protocol';
import { MAX_FINDINGS, MAX_TEXT_LENGTH } from '../../server/src/service/limits';
import { ROOT } from '../support/documents';
import { codes, startServer, type TestServer } from '../support/lspClient';

const complete = readFileSync(path.join(ROOT, 'samples/complete.hire.yaml'), 'utf8');
const gaps = readFileSync(path.join(ROOT, 'samples/gaps.hire.yaml'), 'utf8');

/** The server still answers: a hover on an open brief comes back. */
async function assertServing(server: TestServer): Promise<void> {
  const uri = `file:///work/alive-${Math.random().toString(36).slice(2)}.hire.yaml`;
  const published = server.nextDiagnostics(uri);
  server.open(uri, gaps, 1);
  assert.ok(codes((await published).diagnostics).includes('missing-skill'), 'the server validates');
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 1 } });
  assert.ok(hover !== undefined, 'the server answers a request');
  assert.equal(server.process.exitCode, null, 'the process is running');
}

describe('the server under abuse', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('after 50 rapid incremental edits publishes the last version last, and never an older version after a newer one', async () => {
    const uri = 'file:///work/rapid.hire.yaml';
    const last = server.nextDiagnostics(uri, (params) => params.version === 51);
    server.open(uri, complete, 1);
    // Each edit types one more character at the end: the last version ends with 50 z's.
    const line = complete.split('\n').length - 1;
    for (let version = 2; version <= 51; version++) {
      const at = { line, character: version - 2 };
      void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: 'z' }] });
    }
    const final = await last;
    // A plain scalar after the root mapping is a syntax error: the findings are the last version's.
    assert.ok(codes(final.diagnostics).includes('yaml-syntax'), 'the last version has findings');
    const versions = server.history.filter((params) => params.uri === uri).map((params) => params.version ?? -1);
    assert.equal(versions.at(-1), 51);
    for (let index = 1; index < versions.length; index++) assert.ok(versions[index] >= versions[index - 1], `published ${versions.join(', ')}`);
    // Nothing more comes for an older version.
    await assertServing(server);
    assert.equal(server.history.filter((params) => params.uri === uri).at(-1)?.version, 51);
  });

  it('clears the findings of a closed document, and publishes nothing for it afterwards', async () => {
    const uri = 'file:///work/closed.hire.yaml';
    const first = server.nextDiagnostics(uri);
    server.open(uri, gaps, 1);
    assert.ok((await first).diagnostics.length > 0);
    const cleared = server.nextDiagnostics(uri, (params) => params.diagnostics.length === 0);
    server.change(uri, `${gaps}# one more\n`, 2);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
    await assertServing(server);
    const after = server.history.filter((params) => params.uri === uri);
    assert.deepEqual(after.at(-1)?.diagnostics, [], 'the last publication for the closed document is empty');
  });

  it('answers requests for documents it does not have', async () => {
    const textDocument = { uri: 'file:///work/never-opened.hire.yaml' };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    assert.equal(await server.connection.sendRequest('textDocument/completion', { textDocument, position }), null);
    assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument, position }), null);
    assert.equal(await server.connection.sendRequest('textDocument/documentSymbol', { textDocument }), null);
    assert.equal(await server.connection.sendRequest('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }), null);
    assert.equal(await server.connection.sendRequest('textDocument/codeLens', { textDocument }), null);
    assert.equal(await server.connection.sendRequest(RenderRequest.type, { uri: textDocument.uri, format: 'html', view: 'kit' }), null);
    assert.equal(await server.connection.sendRequest('workspace/executeCommand', { command: 'hire.addMissing', arguments: [{ uri: textDocument.uri, scope: 'all' }] }), null);
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { ...textDocument, version: 2 }, contentChanges: [{ text: 'x' }] });
    void server.connection.sendNotification('textDocument/didClose', { textDocument });
    await assertServing(server);
  });

  it('answers an unknown method with MethodNotFound and ignores unknown notifications', async () => {
    await assert.rejects(server.connection.sendRequest('hire/noSuchMethod', {}), (error: ResponseError<unknown>) => error.code === ErrorCodes.MethodNotFound);
    void server.connection.sendNotification('hire/noSuchNotification', { anything: [1, 2] });
    await assertServing(server);
  });

  it('survives requests and notifications with malformed parameters', async () => {
    const bad = [undefined, null, 42, 'text', [], {}, { textDocument: null }, { textDocument: { uri: 42 }, position: 'here' }, { textDocument: { uri: 'file:///work/x.hire.yaml' }, position: { line: -5, character: 1e9 } }];
    const methods = [
      'textDocument/completion', 'textDocument/hover', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/codeLens',
      'textDocument/definition', 'textDocument/references', 'textDocument/prepareRename', 'textDocument/rename', 'textDocument/diagnostic',
      'workspace/executeCommand', RenderRequest.method, WorkspaceBriefsRequest.method, BuiltinProfileRequest.method,
    ];
    for (const method of methods) {
      for (const params of bad) {
        // An error response is fine; a crash or no answer is not.
        await server.connection.sendRequest(method, params).catch((error: ResponseError<unknown>) => assert.ok(error instanceof ResponseError, `${method}: ${error}`));
      }
    }
    for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']) {
      for (const params of bad) void server.connection.sendNotification(method, params);
    }
    // A code action for an open brief, with diagnostics the client made up.
    const uri = 'file:///work/made-up.hire.yaml';
    server.open(uri, gaps, 1);
    const made = [{ range: { start: { line: 999, character: 0 }, end: { line: 0, character: -1 } }, message: 'x', code: 'missing-question', data: { id: { not: 'a string' }, profile: 7 } }];
    await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: made[0].range, context: { diagnostics: made } });
    await assertServing(server);
  });

  it('survives malformed JSON-RPC: a body that is not JSON, and a message that is not a request', async () => {
    const garbage = '{"jsonrpc": "2.0", "id": 1, "method": ';
    server.process.stdin!.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    const notRequest = JSON.stringify({ jsonrpc: '2.0', hello: 'world' });
    server.process.stdin!.write(`Content-Length: ${Buffer.byteLength(notRequest)}\r\n\r\n${notRequest}`);
    await assertServing(server);
  });

  it('answers hostile documents: a YAML bomb, deep nesting, a huge file, NUL bytes and lone surrogates', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`)].join('\n');
    const hostile: Record<string, string> = {
      bomb,
      deep: `hire: 1\nnotes: ${'['.repeat(20_000)}`,
      huge: `hire: 1\nnotes: |\n${`  ${'x'.repeat(99)}\n`.repeat(Math.ceil(MAX_TEXT_LENGTH / 100) + 10)}`,
      nul: `hire: 1\nrole: Pro\0duction \uD800Coordinator\u202E\nsummary: "\uDFFF"\n`,
    };
    for (const [name, text] of Object.entries(hostile)) {
      const uri = `file:///work/hostile-${name}.hire.yaml`;
      const published = server.nextDiagnostics(uri);
      server.open(uri, text, 1);
      const params: PublishDiagnosticsParams = await published;
      if (name !== 'nul') assert.deepEqual(codes(params.diagnostics), ['yaml-syntax'], name);
      await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
      await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      await server.connection.sendRequest(RenderRequest.type, { uri, format: 'html', view: 'kit' });
      void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    await assertServing(server);
  });

  it('publishes at most MAX_FINDINGS of 200,000 findings, and a finding for a brief its aliases would blow up, and goes on serving', async () => {
    const many = 'file:///work/many.hire.yaml';
    const published = server.nextDiagnostics(many);
    server.open(many, `hire: 1\nrole: Coordinator\nduties:\n${'  - 1\n'.repeat(200_000)}`, 1);
    const { diagnostics } = await published;
    assert.equal(diagnostics.length, MAX_FINDINGS);
    assert.match(String(diagnostics.at(-1)!.message), /^199,001 more schema findings in this file are not listed/);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: many } });

    const aliases = 'file:///work/aliases.hire.yaml';
    const found = server.nextDiagnostics(aliases);
    server.open(aliases, `hire: 1\nrole: Coordinator\nnotes: &n "${'x'.repeat(100_000)}"\nduties:\n${'  - *n\n'.repeat(999)}`, 1);
    assert.deepEqual(codes((await found).diagnostics), ['yaml-syntax']);
    assert.equal(await server.connection.sendRequest(RenderRequest.type, { uri: aliases, format: 'html', view: 'kit' }), null);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: aliases } });
    await assertServing(server);
  });

  it('honours a cancelled request: it answers (cancelled or empty) and goes on serving', async () => {
    const uri = 'file:///work/cancel.hire.yaml';
    server.open(uri, complete, 1);
    const source = new (await import('vscode-jsonrpc')).CancellationTokenSource();
    const request = server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }, source.token);
    source.cancel();
    const answer = await request.catch((error: ResponseError<unknown>) => error);
    assert.ok(answer === null || (answer instanceof ResponseError && answer.code === -32800) || Array.isArray(answer), `answer: ${answer}`);
    await assertServing(server);
  });
});

describe('a killed server', () => {
  it('is replaced by a new process that serves the same documents', async () => {
    const first = await startServer();
    const exited = new Promise((resolve) => first.process.once('exit', (_, signal) => resolve(signal)));
    first.process.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    first.connection.dispose();
    const second = await startServer();
    try {
      assert.notEqual(second.process.pid, first.process.pid);
      await assertServing(second);
    } finally {
      await second.stop();
    }
  });

  it('exits when its client process is gone (no orphaned servers)', { skip: process.platform === 'win32' ? 'POSIX only' : false }, async () => {
    // A server told that its client is a process that has ended exits by itself.
    const { spawnSync } = await import('node:child_process');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const orphan = await startServer({}, undefined, Number(gone.stdout));
    await new Promise((resolve) => orphan.process.once('exit', resolve));
    assert.notEqual(orphan.process.exitCode ?? orphan.process.signalCode, null, 'the server exited');
    orphan.connection.dispose();
  });
});
