/**
 * The extension in VS Code in the browser (vscode.dev, github.dev): the
 * language server runs in a web worker (dist/web/server.js), and the client
 * finds and reads the workspace's files for it (workspaceFiles.ts).
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { activateExtension, type ExtensionState } from './extension';
import { serveWorkspaceFiles } from './workspaceFiles';

export { deactivate } from './extension';

/** The web worker API of the extension host (the root tsconfig has no DOM types). */
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

/** A worker as the message reader and writer use it. */
type ServerWorker = ConstructorParameters<typeof BrowserMessageReader>[0] & { terminate(): void };

/** Activates with a server in a web worker. */
export function activate(context: vscode.ExtensionContext): Promise<ExtensionState> {
  return activateExtension(context, {
    createClient: (options) => {
      let worker: ServerWorker | undefined;
      /** A new worker for each start of the client (a restart ends the one before). */
      const transports = async (): Promise<MessageTransports> => {
        worker?.terminate();
        worker = await startServerWorker(context.extensionUri);
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
      };
      const client = new LanguageClient(SETTINGS_SECTION, 'Hiring Briefs', transports, options);
      context.subscriptions.push(serveWorkspaceFiles(client), { dispose: () => worker?.terminate() });
      return client;
    },
  });
}

/**
 * Starts the server's worker. Where the extension is served over the web
 * (vscode.dev) the worker loads the script from its URL; where the host
 * cannot start a worker from the extension's URL (an extension on a remote
 * machine's disk, such as code-server's), from the script's text, read
 * through the editor's file system.
 */
async function startServerWorker(extensionUri: vscode.Uri): Promise<ServerWorker> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'server.js');
  const options = { name: 'Hiring Briefs language server' };
  try {
    return new Worker(script.toString(true), options);
  } catch {
    const text = await vscode.workspace.fs.readFile(script);
    return new Worker(URL.createObjectURL(new Blob([text], { type: 'text/javascript' })), options);
  }
}
