/**
 * The extension in desktop VS Code: the language server is a Node process
 * (dist/server.js), spoken to over IPC.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { activateExtension, type ExtensionState } from './extension';

export { deactivate } from './extension';

/** Activates with a server process. */
export function activate(context: vscode.ExtensionContext): Promise<ExtensionState> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // The client reads `hire.trace.server` itself: the id is the setting's prefix.
  return activateExtension(context, { createClient: (options) => new LanguageClient(SETTINGS_SECTION, 'Hiring Briefs', serverOptions, options) });
}
