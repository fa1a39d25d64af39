/**
 * The base protocol's framing over stdio, written byte by byte: a header the
 * reader cannot use ends the server with an error (the client restarts it)
 * rather than leaving it deaf; well-framed messages split anywhere are read.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/documents';

const INITIALIZE = { jsonrpc: '2.0', method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

/** A message with its header. */
function frame(message: object, length?: string): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${length ?? Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** How long a server that neither answers nor exits is given (a wedged reader would wait forever). */
const PATIENCE_MS = 20_000;

/** Starts the server over stdio, writes `chunks` one at a time, and resolves when it answers request `id`, exits, or waits too long. */
function run(chunks: readonly string[], id: number): Promise<{ answered: boolean; code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data));
  return new Promise((resolve) => {
    child.stdout.on('data', (data: Buffer) => {
      stdout += data;
      if (stdout.includes(`"id":${id},`) || stdout.includes(`"id":${id}}`)) {
        clearTimeout(timer);
        child.kill();
        resolve({ answered: true, code: null, stderr });
      }
    });
    child.once('exit', (code) => resolve({ answered: false, code, stderr }));
    const timer = setTimeout(() => {
      child.kill();
      resolve({ answered: false, code: null, stderr: `${stderr}(neither answered nor exited within ${PATIENCE_MS} ms)` });
    }, PATIENCE_MS);
    child.once('exit', () => clearTimeout(timer));
    void (async () => {
      for (const chunk of chunks) {
        if (child.exitCode !== null) return;
        child.stdin.write(chunk);
        // Each chunk in a read of its own.
        await new Promise((next) => setTimeout(next, 20));
      }
    })();
  });
}

describe('message framing on standard input', () => {
  for (const length of ['abc', '-5', '', '1e999999999999999999999']) {
    it(`a Content-Length of ${JSON.stringify(length)} ends the server with an error, or the next message is answered`, async () => {
      const result = await run([frame({ ...INITIALIZE, id: 0 }, length), frame({ ...INITIALIZE, id: 1 })], 1);
      if (result.answered) return;
      assert.equal(result.code, 1, `exit code; stderr: ${result.stderr}`);
      assert.match(result.stderr, /malformed message on standard input: .*Content-Length/);
    });
  }

  it('a header line without a colon ends the server with an error', async () => {
    const result = await run([`Content-Length 10\r\n\r\n0123456789`, frame({ ...INITIALIZE, id: 1 })], 1);
    assert.equal(result.answered, false);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /without ':'/);
  });

  it('reads well-framed messages split at any byte', async () => {
    const text = frame({ ...INITIALIZE, id: 7 }) + frame({ jsonrpc: '2.0', method: 'initialized', params: {} }) + frame({ jsonrpc: '2.0', id: 8, method: 'shutdown' });
    const chunks = [text.slice(0, 3), text.slice(3, 17), text.slice(17, 18), text.slice(18, 40), text.slice(40)];
    const result = await run(chunks, 8);
    assert.ok(result.answered, `the shutdown request is answered; exit ${result.code}: ${result.stderr}`);
  });
});
