/**
 * A language server under measurement: spawned over stdio, spoken to with
 * JSON-RPC, timed from the client's side. Works for our server and for
 * Red Hat's yaml-language-server alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Position, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';

/** How to start a server and what to tell it. */
export interface ServerSpec {
  /** A short name for tables. */
  readonly name: string;
  /** The command line (the first element is the program). */
  readonly command: readonly string[];
  readonly languageId: string;
  /** The answer to `workspace/configuration`, by section. */
  readonly configuration: Readonly<Record<string, unknown>>;
  /** Settings sent with `workspace/didChangeConfiguration`. */
  readonly settings: unknown;
}

/** A running server. */
export class BenchServer {
  /** Milliseconds from spawning the process to the `initialize` answer. */
  initializeMs = Number.NaN;
  /** Called with every publication of diagnostics. */
  onDiagnostics: (params: PublishDiagnosticsParams) => void = () => undefined;
  private readonly waiters: { uri: string; resolve: (params: PublishDiagnosticsParams) => void }[] = [];

  private constructor(
    readonly spec: ServerSpec,
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.onDiagnostics(params);
      const index = this.waiters.findIndex((waiter) => waiter.uri === params.uri);
      if (index >= 0) this.waiters.splice(index, 1)[0].resolve(params);
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section !== undefined ? spec.configuration[item.section] ?? null : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('telemetry/event', () => undefined);
  }

  /** Spawns a server and completes the `initialize` handshake. */
  static async start(spec: ServerSpec, rootUri: string): Promise<BenchServer> {
    const start = performance.now();
    const child = spawn(spec.command[0], spec.command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new BenchServer(spec, child, connection);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: false },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    server.initializeMs = performance.now() - start;
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: spec.settings });
    return server;
  }

  /** The process id. */
  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves with the next diagnostics published for a document. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }

  /** Opens a document; resolves with its first diagnostics and how long they took. */
  async open(uri: string, text: string, languageId = this.spec.languageId): Promise<{ ms: number; diagnostics: PublishDiagnosticsParams }> {
    const next = this.nextDiagnostics(uri);
    const start = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const diagnostics = await next;
    return { ms: performance.now() - start, diagnostics };
  }

  /** Applies one edit; resolves with the diagnostics that follow it and how long they took. */
  async edit(uri: string, version: number, range: Range, text: string): Promise<{ ms: number; diagnostics: PublishDiagnosticsParams }> {
    const next = this.nextDiagnostics(uri);
    const start = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    const diagnostics = await next;
    return { ms: performance.now() - start, diagnostics };
  }

  /** Times a request at a position; NaN when the server does not answer it. */
  time(method: string, uri: string, position: Position): Promise<{ ms: number; result: unknown }> {
    return this.timeRequest(method, { textDocument: { uri }, position });
  }

  /** Times a request; NaN when the server does not answer it. */
  async timeRequest(method: string, params: object): Promise<{ ms: number; result: unknown }> {
    const start = performance.now();
    try {
      const result = await this.connection.sendRequest(method, params);
      return { ms: performance.now() - start, result };
    } catch {
      return { ms: Number.NaN, result: undefined };
    }
  }

  /** Sends a notification. */
  notify(method: string, params: object): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Peak resident memory in MB (VmHWM). */
  peakMemoryMb(): number {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  }

  /** Shuts the server down (killing it if it does not exit within a second). */
  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    const timer = setTimeout(() => this.child.kill(), 1000);
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
