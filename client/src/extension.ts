/**
 * The Hiring Briefs extension: starts the language server for briefs
 * (`hire-yaml`), role profiles (`hire-profile-yaml`) and scorecards
 * (`hire-score-yaml`), and registers the
 * commands, the "Hiring Briefs" view and the read-only built-in profiles.
 * Everything it creates is disposed with the extension. The same code runs in
 * desktop VS Code (main.ts: the server is a Node process) and in the browser
 * (browserMain.ts: the server is a web worker).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
  BRIEF_LANGUAGE_ID,
  BuiltinProfileRequest,
  CandidatesRequest,
  ChangesRequest,
  COMMANDS,
  PROFILE_LANGUAGE_ID,
  SCORECARD_LANGUAGE_ID,
  RenderRequest,
  SETTINGS_SECTION,
  WorkspaceBriefsRequest,
} from '../../server/src/protocol';
import { BriefsView, previewBrief, type BriefsNode } from './briefsView';
import { registerBuiltinProfiles } from './builtinProfiles';
import { openNewBrief } from './newBrief';
import { newScorecard, type NewScorecardArguments } from './newScorecard';
import { PreviewManager } from './preview/manager';

/** The extension host the extension runs in: desktop VS Code's Node process, or the browser's web worker. */
export type HostKind = 'node' | 'webworker';

/** What the two entries (main.ts, browserMain.ts) give the extension. */
export interface ClientPlatform {
  /** A language client for these options, its server not started yet. */
  createClient(options: LanguageClientOptions): BaseLanguageClient;
}

/** What the commands and features of the extension share. */
export interface ExtensionState {
  readonly context: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
  /** Where the extension runs, as seen from inside. */
  readonly host: HostKind;
  client: BaseLanguageClient;
  readonly previews: PreviewManager;
  readonly briefs: BriefsView;
}

let state: ExtensionState | undefined;

/** Activates on the first brief opened, with the language client of the entry's platform. */
export async function activateExtension(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<ExtensionState> {
  const output = vscode.window.createOutputChannel('Hiring Briefs', { log: true });
  context.subscriptions.push(output);
  const host = hostKind();
  output.info(`Running in the ${host === 'node' ? 'Node' : 'web worker'} extension host`);
  const client = platform.createClient(clientOptions(output));
  const previews = new PreviewManager(
    context.extensionUri,
    (params) => client.sendRequest(RenderRequest.type, params),
    (params) => client.sendRequest(ChangesRequest.type, params),
    output,
    (params) => client.sendRequest(CandidatesRequest.type, params),
  );
  const briefs = new BriefsView(() => client.sendRequest(WorkspaceBriefsRequest.type));
  context.subscriptions.push(previews, briefs, registerBuiltinProfiles((params) => client.sendRequest(BuiltinProfileRequest.type, params)));
  state = { context, output, host, client, previews, briefs };
  const commands: Record<string, (current: ExtensionState, ...args: unknown[]) => unknown> = {
    [COMMANDS.restartServer]: (current) => restartClient(current.client),
    // COMMANDS.addMissing is a server command (executeCommandProvider): vscode-languageclient registers it, so it is not here.
    [COMMANDS.openPreview]: (current, resource) => current.previews.open(false, resource as vscode.Uri | undefined),
    [COMMANDS.openPreviewToSide]: (current, resource) => current.previews.open(true, resource as vscode.Uri | undefined),
    [COMMANDS.togglePreviewView]: (current) => current.previews.toggleView(),
    [COMMANDS.togglePreviewLock]: (current) => current.previews.toggleLock(),
    [COMMANDS.showChanges]: (current, resource) => current.previews.showChanges(resource as vscode.Uri | undefined),
    [COMMANDS.compareCommits]: (current, resource) => current.previews.compareCommits(resource as vscode.Uri | undefined),
    [COMMANDS.exportHtml]: (current) => current.previews.export('html'),
    [COMMANDS.exportMarkdown]: (current) => current.previews.export('md'),
    [COMMANDS.newBrief]: (current) => openNewBrief(current.client),
    [COMMANDS.newScorecard]: (current, given) => newScorecard(current.client, given as NewScorecardArguments | undefined),
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

/** Stops the server and starts a new one. */
async function restartClient(client: BaseLanguageClient): Promise<void> {
  await client.stop();
  await client.start();
}

/** The language client's options: briefs and profiles, the output channel, the `hire` settings. */
function clientOptions(output: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: [{ language: BRIEF_LANGUAGE_ID }, { language: PROFILE_LANGUAGE_ID }, { language: SCORECARD_LANGUAGE_ID }],
    outputChannel: output,
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
}

/** Where this code runs: Node has a `process` with its version; a web worker has none. */
export function hostKind(): HostKind {
  return typeof process === 'object' && typeof process?.versions?.node === 'string' ? 'node' : 'webworker';
}
