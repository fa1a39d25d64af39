/**
 * The Hiring Briefs extension: starts the language server for briefs
 * (`hire-yaml`) and role profiles (`hire-profile-yaml`), and registers the
 * commands, the "Hiring Briefs" view and the read-only built-in profiles. Everything it creates is disposed
 * with the extension.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  BRIEF_LANGUAGE_ID,
  BuiltinProfileRequest,
  COMMANDS,
  PROFILE_LANGUAGE_ID,
  RenderRequest,
  SETTINGS_SECTION,
  WorkspaceBriefsRequest,
} from '../../server/src/protocol';
import { BriefsView, previewBrief, type BriefsNode } from './briefsView';
import { registerBuiltinProfiles } from './builtinProfiles';
import { openNewBrief } from './newBrief';
import { PreviewManager } from './preview/manager';

/** What the commands and features of the extension share. */
export interface ExtensionState {
  readonly context: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
  client: LanguageClient;
  readonly previews: PreviewManager;
  readonly briefs: BriefsView;
}

let state: ExtensionState | undefined;

/** Activates on the first brief opened. */
export async function activate(context: vscode.ExtensionContext): Promise<ExtensionState> {
  const output = vscode.window.createOutputChannel('Hiring Briefs', { log: true });
  context.subscriptions.push(output);
  const client = createClient(context, output);
  const previews = new PreviewManager(context.extensionUri, (params) => client.sendRequest(RenderRequest.type, params), output);
  const briefs = new BriefsView(() => client.sendRequest(WorkspaceBriefsRequest.type));
  context.subscriptions.push(previews, briefs, registerBuiltinProfiles((params) => client.sendRequest(BuiltinProfileRequest.type, params)));
  state = { context, output, client, previews, briefs };
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
    [COMMANDS.refreshBriefs]: (current) => current.briefs.refresh(),
    [COMMANDS.previewBrief]: (_current, node) => previewBrief(node as BriefsNode | undefined),
  };
  for (const [id, run] of Object.entries(commands)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => run(state!, ...args)));
  }
  await state.client.start();
  void state.briefs.refresh().catch((error) => output.error(`Listing the workspace's briefs failed: ${(error as Error).message}`));
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
    documentSelector: [{ language: BRIEF_LANGUAGE_ID }, { language: PROFILE_LANGUAGE_ID }],
    outputChannel: output,
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  // The client reads `hire.trace.server` itself: the id below is the setting's prefix.
  return new LanguageClient(SETTINGS_SECTION, 'Hiring Briefs', serverOptions, clientOptions);
}
