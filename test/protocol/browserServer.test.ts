/**
 * The browser's language server (dist/web/server.js) speaking LSP as it does
 * in a web worker: run in a bare JavaScript context with a worker's message
 * API and no Node (no `process`, `require` or `Buffer`: touching one would
 * throw), on a virtual folder (`vscode-vfs:`) whose files this test, as the
 * client, finds and reads for it (`hire/findFiles`, `hire/readFile`). Its
 * findings are those of `hire check`. Build first (`npm run build`).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as vm from 'node:vm';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { isFolderFile } from '../../server/src/clientFiles';
import { FindFilesRequest, ReadFileRequest, type FindFilesParams } from '../../server/src/protocol';
import { ROOT } from '../support/documents';

const FOLDER = path.join(ROOT, 'test/fixtures/workspace');
const VIRTUAL = 'vscode-vfs://github/acme/briefs';

/** The file of a URI of the virtual folder. */
function fileOf(uri: string): string {
  assert.ok(uri.startsWith(`${VIRTUAL}/`), `a URI of the virtual folder: ${uri}`);
  return path.join(FOLDER, ...uri.slice(VIRTUAL.length + 1).split('/').map(decodeURIComponent));
}

/** Every brief and profile under the fixture folder, as URIs of the virtual folder. */
function listFolder(): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}/${entry.name}`);
      else if (/\.hire(-profile)?\.yaml$/.test(entry.name)) found.push(`${prefix}/${encodeURIComponent(entry.name)}`);
    }
  };
  walk(FOLDER, VIRTUAL);
  return found.sort();
}

/** A message port between this test and the server's context: what one side posts, the other receives, cloned and later, as between threads. */
class Port {
  onmessage: ((event: { data: unknown }) => void) | undefined;
  peer: Port | undefined;
  postMessage(data: unknown): void {
    const clone = structuredClone(data);
    setImmediate(() => this.peer?.onmessage?.({ data: clone }));
  }
  addEventListener(): void {}
}

class PortReader extends AbstractMessageReader {
  constructor(private readonly port: Port) {
    super();
  }
  listen(callback: DataCallback): Disposable {
    this.port.onmessage = (event) => callback(event.data as Message);
    return { dispose: () => (this.port.onmessage = undefined) };
  }
}

class PortWriter extends AbstractMessageWriter {
  constructor(private readonly port: Port) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.port.postMessage(message);
  }
  end(): void {}
}

let connection: MessageConnection;
const published = new Map<string, PublishDiagnosticsParams>();
const reads: string[] = [];
let listed: FindFilesParams | undefined;
let context: vm.Context;

/** Waits, polling, until `check` holds. */
async function until(what: string, check: () => boolean, state: () => unknown = () => undefined): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(state())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Findings as compared: code, severity name, start. */
function brief(diagnostics: readonly { code?: unknown; severity?: number | string; range: { start: { line: number; character: number } } }[]): string[] {
  const names = ['', 'error', 'warning', 'information', 'hint'];
  const severity = (value: number | string | undefined) => (typeof value === 'string' ? value : names[value ?? 0]);
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${severity(d.severity)} ${String(d.code)}`).sort();
}

before(async () => {
  const script = readFileSync(path.join(ROOT, 'dist/web/server.js'), 'utf8');
  const client = new Port();
  const worker = new Port();
  client.peer = worker;
  worker.peer = client;
  // A web worker's global scope, as far as the server uses one: its messages, timers and the web's standard objects.
  context = vm.createContext({
    postMessage: (data: unknown) => worker.postMessage(data),
    addEventListener: () => undefined,
    set onmessage(listener: ((event: { data: unknown }) => void) | undefined) {
      worker.onmessage = listener;
    },
    get onmessage() {
      return worker.onmessage;
    },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    console,
    performance,
    TextEncoder,
    TextDecoder,
    URL,
    btoa,
    atob,
    structuredClone,
    crypto: globalThis.crypto,
  });
  vm.runInContext(script, context, { filename: 'dist/web/server.js' });
  connection = createMessageConnection(new PortReader(client), new PortWriter(client));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void published.set(params.uri, params));
  connection.onRequest(FindFilesRequest.type, (params) => {
    listed = params;
    return { files: listFolder(), external: [], notes: [] };
  });
  connection.onRequest(ReadFileRequest.type, (params) => {
    reads.push(params.uri);
    const file = fileOf(params.uri);
    return statSync(file).size > params.maxBytes ? statSync(file).size : readFileSync(file, 'utf8');
  });
  connection.onRequest(() => null);
  connection.onNotification(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: VIRTUAL,
    workspaceFolders: [{ uri: VIRTUAL, name: 'briefs' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await connection.sendNotification('initialized', {});
});

after(() => connection?.dispose());

test('the web bundle runs with no Node: its context has no process, require or Buffer', () => {
  for (const name of ['process', 'require', 'Buffer', 'module', '__filename']) assert.equal(vm.runInContext(`typeof ${name}`, context), 'undefined', name);
});

test('the files of a virtual folder are found and read through the client, and have the findings of `hire check`', async () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', FOLDER, '--format', 'json'], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string; severity: string; range: { start: { line: number; character: number } } }[] }[] };
  const expected = new Map(report.files.map((file) => [`${VIRTUAL}/${path.relative(FOLDER, path.resolve(file.path)).split(path.sep).map(encodeURIComponent).join('/')}`, brief(file.diagnostics)]));
  assert.ok(expected.size >= 10 && [...expected.values()].some((list) => list.length > 0), 'hire check finds something in the workspace');
  await until('a publication for every file', () => [...expected.keys()].every((uri) => published.has(uri)), () => [...published.keys()]);
  assert.deepEqual(listed, { folders: [VIRTUAL], paths: [] });
  assert.deepEqual([...new Set(reads)].sort(), listFolder());
  for (const [uri, want] of expected) assert.deepEqual(brief(published.get(uri)!.diagnostics), want, uri);
  // The team profile is used: no unknown-profile finding for its briefs.
  assert.ok(!published.get(`${VIRTUAL}/briefs/lp-harbour-lights.hire.yaml`)!.diagnostics.some((d) => d.code === 'unknown-profile'));
});

test('an open brief is checked and completed from its text', async () => {
  const uri = `${VIRTUAL}/briefs/new.hire.yaml`;
  const text = 'hire: 1\nrole: Line Producer\nprofile: line-producer\nengagement: freelanse\n';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'hire-yaml', version: 1, text } });
  await until('its findings', () => published.get(uri)?.version === 1);
  assert.ok(published.get(uri)!.diagnostics.some((d) => d.code === 'schema' && d.range.start.line === 3), JSON.stringify(published.get(uri)));
  assert.ok(published.get(uri)!.diagnostics.some((d) => d.code === 'missing-question'), 'the team profile asks for questions');
  const list = (await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 12 } })) as { items: { label: string }[] } | { label: string }[];
  const labels = (Array.isArray(list) ? list : list.items).map((item) => item.label);
  for (const value of ['freelance', 'contract']) assert.ok(labels.includes(value), `${value} in ${labels.join(', ')}`);
});

test('a changed file of the virtual folder is read again when the editor reports it; one outside the folder is not read', async () => {
  const uri = `${VIRTUAL}/briefs/typo.hire.yaml`;
  const before = reads.filter((read) => read === uri).length;
  // Outside the folder, or in a folder never searched: not read. Notifications are handled in order, so once the last is read these were passed over.
  const outside = ['vscode-vfs://github/acme/other/x.hire.yaml', `${VIRTUAL}/node_modules/x.hire.yaml`];
  await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: outside.map((other) => ({ uri: other, type: 1 })) });
  await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
  await until('the file read again', () => reads.filter((read) => read === uri).length > before);
  assert.ok(!reads.some((read) => outside.includes(read)), reads.join(', '));
});

test('isFolderFile: briefs and profiles inside a folder of any scheme, outside node_modules and .git', () => {
  assert.equal(isFolderFile(`${VIRTUAL}/a/b.hire.yaml`, [VIRTUAL]), true);
  assert.equal(isFolderFile(`${VIRTUAL}/p.hire-profile.yaml`, [`${VIRTUAL}/`]), true);
  assert.equal(isFolderFile(`${VIRTUAL}/a/b.yaml`, [VIRTUAL]), false);
  assert.equal(isFolderFile(`${VIRTUAL}-other/b.hire.yaml`, [VIRTUAL]), false);
  assert.equal(isFolderFile(`${VIRTUAL}/node_modules/b.hire.yaml`, [VIRTUAL]), false);
  assert.equal(isFolderFile(`${VIRTUAL}/a/.git/b.hire.yaml`, [VIRTUAL]), false);
  assert.equal(isFolderFile('file:///w/b.hire.yaml', ['file:///w', VIRTUAL]), true);
});
