/**
 * The language server in a web worker, for VS Code in the browser
 * (vscode.dev, github.dev): the same server as main.ts, over the worker's
 * messages, with the workspace's files found and read by the client and the
 * files that are not open checked on this worker's thread.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { InlineChecks } from './backgroundChecks';
import { clientFiles } from './clientFiles';
import { startServer } from './server';

/** The worker's global scope, which carries the messages to and from the client. */
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
startServer(connection, { files: clientFiles(connection), backgroundChecks: (host, check) => new InlineChecks(host, check) });
