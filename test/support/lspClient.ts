/**
 * A minimal LSP client for protocol tests: starts `dist/server.js --stdio`
 * and speaks JSON-RPC to it. Build first (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from './documents';

/** A running server and a connection to it. */
export interface TestServer {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** Diagnostics published so far, by URI (the latest for each). */
  readonly published: Map<string, PublishDiagnosticsParams>;
  /** Every publication so far, in order. */
  readonly history: PublishDiagnosticsParams[];
  /** Other requests and notifications from the server (registrations, progress, refreshes), in order; requests are answered null. */
  readonly received: { readonly method: string; readonly params: unknown }[];
  /** The server's answer to `initialize`: its capabilities. */
  readonly initialized: InitializeResult;
  /** Calls `listener` with every publication from now on. */
  onPublish(listener: (params: PublishDiagnosticsParams) => void): void;
  /** Resolves with the next diagnostics published for a URI that satisfy a test. */
  nextDiagnostics(uri: string, test?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** Opens a brief. */
  open(uri: string, text: string, version?: number): void;
  /** Replaces a brief's whole text. */
  change(uri: string, text: string, version: number): void;
  /** Shuts the server down and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the server and completes `initialize` with the given capabilities
 * (and client process id: this process by default). `command` starts
 * another build of it (an installed `hire-language-server`).
 */
export async function startServer(
  capabilities: ClientCapabilities = {},
  initializationOptions: unknown = undefined,
  processId: number = process.pid,
  command: readonly string[] = [process.execPath, path.join(ROOT, 'dist/server.js'), '--stdio'],
): Promise<TestServer> {
  const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<string, PublishDiagnosticsParams>();
  const history: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; test: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  const listeners: ((params: PublishDiagnosticsParams) => void)[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.set(params.uri, params);
    history.push(params);
    for (const listener of listeners) listener(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.test(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onRequest('workspace/configuration', () => [initializationOptions ?? {}]);
  const received: { method: string; params: unknown }[] = [];
  connection.onRequest((method, params) => {
    received.push({ method, params });
    return null;
  });
  connection.onNotification((method, params) => void received.push({ method, params }));
  connection.listen();
  const initialized: InitializeResult = await connection.sendRequest('initialize', { processId, rootUri: null, capabilities, initializationOptions });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    published,
    history,
    received,
    initialized,
    onPublish: (listener) => void listeners.push(listener),
    nextDiagnostics: (uri, test = () => true) => new Promise((resolve) => waiters.push({ uri, test, resolve })),
    open: (uri, text, version = 1) =>
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'hire-yaml', version, text } }),
    change: (uri, text, version) =>
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
  };
}

/** The codes of diagnostics, in order. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code));
}
