/**
 * The Hiring Briefs extension: starts the language server for `hire-yaml`
 * documents and registers the commands. Everything it creates is disposed
 * with the extension.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { BRIEF_LANGUAGE_ID, COMMANDS, RENDER_REQUEST, SETTINGS_SECTION, type RenderResult } from '../../server/src/protocol';
import { openNewBrief } from './newBrief';
import { PreviewManager } from './preview/manager';

/** What the commands and features of the extension share. */
export interface ExtensionState {
  readonly context: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
  client: LanguageClient;
  readonly previews: PreviewManager;
}

let state: ExtensionState | undefined;

/** Activates on the first brief opened. */
export async function activate(context: vscode.ExtensionContext): Promise<ExtensionState> {
  const output = vscode.window.createOutputChannel('Hiring Briefs', { log: true });
  context.subscriptions.push(output);
  const client = createClient(context, output);
  const previews = new PreviewManager(context.extensionUri, (params) => client.sendRequest<RenderResult>(RENDER_REQUEST, params), output);
  context.subscriptions.push(previews);
  state = { context, output, client, previews };
  const commands: Record<string, (current: ExtensionState, ...args: unknown[]) => unknown> = {
    [COMMANDS.restartServer]: (current) => current.client.restart(),
    // COMMANDS.addMissing is a server command (executeCommandProvider): vscode-languageclient registers it, so it is not here.
    [COMMANDS.openPreview]: (current, resource) => current.previews.open(false, resource as vscode.Uri | undefined),
    [COMMANDS.openPreviewToSide]: (current, resource) => current.previews.open(true, resource as vscode.Uri | undefined),
    [COMMANDS.togglePreviewView]: (current) => current.previews.toggleView(),
    [COMMANDS.togglePreviewLock]: (current) => current.previews.toggleLock(),
    [COMMANDS.exportHtml]: (current) => current.previews.export('html'),
    [COMMANDS.exportMarkdown]: (current) => current.previews.export('md'),
    [COMMANDS.newBrief]: (current) => openNewBrief(current.client),
  };
  for (const [id, run] of Object.entries(commands)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => run(state!, ...args)));
  }
  await state.client.start();
  return state;
}

/** Stops the server. */
export async function deactivate(): Promise<void> {
  await state?.client.stop();
  state = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: BRIEF_LANGUAGE_ID }],
    outputChannel: output,
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  // The client reads `hire.trace.server` itself: the id below is the setting's prefix.
  return new LanguageClient(SETTINGS_SECTION, 'Hiring Briefs', serverOptions, clientOptions);
}
