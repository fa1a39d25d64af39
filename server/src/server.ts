/**
 * The language server: LSP wiring only. Each handler finds the document,
 * calls the language service, and guards against errors and cancellation.
 */
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ADD_MISSING_KIND,
  BUILTIN_PROFILE_REQUEST,
  COMMANDS,
  NEW_BRIEF_REQUEST,
  RENDER_REQUEST,
  SETTINGS_SECTION,
  WORKSPACE_BRIEFS_REQUEST,
  type AddMissingArguments,
  type BuiltinProfileParams,
  type BuiltinProfileResult,
  type HireSettings,
  type NewBriefParams,
  type NewBriefResult,
  type RenderParams,
  type RenderResult,
  type WorkspaceBriefsResult,
} from './protocol';
import { DiagnosticsPublisher } from './diagnostics';
import type { SeverityOverrides } from './service/codes';
import { BRIEF_SUFFIX, isProfileDocument, PROFILE_SUFFIX } from './service/documents';
import type { LanguageService } from './service/languageService';
import { WORKSPACE_PROGRESS_MIN_FILES, WorkspaceIndex } from './workspace';

/** The server's version, reported in `initialize`. */
declare const HIRE_VERSION: string | undefined;

/**
 * The language service's modules, evaluated at their first use: `require`,
 * unlike `import`, lets the bundle defer them, so the server answers
 * `initialize` before the YAML parser, the validators, the profiles, the
 * wording lists and the renderer are loaded.
 */
const serviceModules = {
  languageService: () => require('./service/languageService') as typeof import('./service/languageService'),
  profiles: () => require('./service/profiles') as typeof import('./service/profiles'),
  scaffold: () => require('./service/scaffold') as typeof import('./service/scaffold'),
};

/** Starts serving on a connection; returns when it is wired (the connection is listening). */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let created: LanguageService | undefined;
  /** Whether the client takes snippets in completions; false unless it says so in `initialize`. */
  let snippetSupport = false;
  /** The language service, created at its first use (after `initialize`). */
  const service = (): LanguageService => (created ??= serviceModules.languageService().getLanguageService({ snippetSupport }));
  let configurationRequests = false;
  let settings: HireSettings = {};
  const index = new WorkspaceIndex(documents);
  let folders: string[] = [];
  let workDoneProgress = false;
  let watchFiles = false;
  let folderChanges = false;
  /** The `hire.profiles.paths` of the last workspace scan. */
  let scannedPaths: string | undefined;

  /** Runs a handler, logging instead of crashing on an exception. */
  function guard<T>(name: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`${name} failed: ${(error as Error).stack ?? error}`);
      return fallback;
    }
  }

  function severity(): SeverityOverrides | undefined {
    return settings.diagnostics?.severity;
  }

  const diagnostics = new DiagnosticsPublisher(connection, documents, index, (document) =>
    guard('Validation', [], () => service().validate(document, { severity: severity() })),
  );

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    diagnostics.pull = !!capabilities.textDocument?.diagnostic;
    configurationRequests = !!capabilities.workspace?.configuration;
    workDoneProgress = !!capabilities.window?.workDoneProgress;
    watchFiles = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    folderChanges = !!capabilities.workspace?.workspaceFolders;
    snippetSupport = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    settings = readSettings(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...(diagnostics.pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        completionProvider: { triggerCharacters: [' ', ':', '[', ','] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ADD_MISSING_KIND] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [COMMANDS.addMissing] },
        ...(folderChanges ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'hire-language-server', version: typeof HIRE_VERSION === 'string' ? HIRE_VERSION : undefined },
    };
  });

  connection.onInitialized(() => {
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/*${PROFILE_SUFFIX}` }, { globPattern: `**/*${BRIEF_SUFFIX}` }],
      });
    }
    if (folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        folders = [...folders.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)];
        void scanWorkspace();
      });
    }
    void refreshSettings().then(scanWorkspace);
  });

  connection.onDidChangeConfiguration((change) => {
    if (!configurationRequests) settings = readSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
    void refreshSettings().then(() => (scannedPaths !== undefined && JSON.stringify(settings.profiles?.paths ?? []) !== scannedPaths ? scanWorkspace() : undefined));
  });

  /**
   * Indexes the workspace's briefs and profiles (with a progress notification
   * on a large workspace), loads the profiles, and reports every file's findings.
   */
  let scanning = Promise.resolve();
  function scanWorkspace(): Promise<void> {
    scanning = scanning.then(() => scanOnce().catch((error) => connection.console.error(`Reading the workspace failed: ${(error as Error).stack ?? error}`)));
    return scanning;
  }

  async function scanOnce(): Promise<void> {
    const paths = settings.profiles?.paths ?? [];
    scannedPaths = JSON.stringify(paths);
    const uris = await WorkspaceIndex.find(folders, paths);
    const progress = workDoneProgress && uris.length >= WORKSPACE_PROGRESS_MIN_FILES ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Hiring Briefs', 0, `Reading ${uris.length} briefs and profiles`);
    const before = index.closed().map((document) => document.uri);
    await index.replace(uris, (done, total) => progress?.report(Math.floor((done / total) * 100), `Read ${done} of ${total} files`));
    diagnostics.removed(before.filter((uri) => !index.has(uri)));
    syncProfiles();
    progress?.report(100, 'Checking');
    diagnostics.revalidateAll();
    progress?.done();
  }

  /** Puts every workspace profile (open documents over files) into the service's registry, and drops those that are gone. */
  function syncProfiles(): void {
    const current = new Set<string>();
    for (const document of index.documents()) {
      if (!isProfileDocument(document) || serviceModules.profiles().isBuiltin({ source: document.uri })) continue;
      guard('Reading a profile', undefined, () => service().updateProfile(document));
      current.add(document.uri);
    }
    for (const profile of service().profiles.declared()) if (!serviceModules.profiles().isBuiltin(profile) && !current.has(profile.source)) service().profiles.delete(profile.source);
  }

  /** A profile was edited, created or removed: every brief may change. */
  function profilesChanged(): void {
    syncProfiles();
    diagnostics.revalidateAll();
  }

  async function refreshSettings(): Promise<void> {
    if (configurationRequests) {
      try {
        settings = readSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION));
      } catch (error) {
        connection.console.error(`Reading settings failed: ${(error as Error).message}`);
      }
    }
    diagnostics.revalidateAll();
  }

  documents.onDidOpen((event) => (isProfileDocument(event.document) ? profilesChanged() : diagnostics.changed(event.document.uri)));
  documents.onDidChangeContent((event) => (isProfileDocument(event.document) ? profilesChanged() : diagnostics.changed(event.document.uri)));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    service().close(uri);
    // A file of the workspace keeps showing its findings from disk.
    diagnostics.closed(uri, index.onDisk(uri));
    if (isProfileDocument(event.document)) profilesChanged();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let profileChanged = false;
    const reloaded: string[] = [];
    const deleted: string[] = [];
    for (const change of changes) {
      profileChanged ||= isProfileDocument({ uri: change.uri });
      if (change.type === FileChangeType.Deleted) {
        index.delete(change.uri);
        deleted.push(change.uri);
      } else if (await index.load(change.uri)) {
        reloaded.push(change.uri);
      }
    }
    if (!profileChanged) return diagnostics.filesChanged(reloaded, deleted);
    diagnostics.removed(deleted);
    profilesChanged();
  });

  diagnostics.listen();

  /** An open document, else a workspace file. */
  function documentOf(uri: string): TextDocument | undefined {
    return documents.get(uri) ?? index.get(uri);
  }

  connection.onDefinition((params, token) => {
    const document = documentOf(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Definition', null, () => service().findDefinition(document, params.position, index.documents()));
  });

  connection.onReferences((params, token) => {
    const document = documentOf(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('References', null, () => service().findReferences(document, params.position, index.documents(), params.context.includeDeclaration));
  });

  connection.onPrepareRename((params) => {
    const document = documentOf(params.textDocument.uri);
    const target = document && guard('Prepare rename', undefined, () => service().prepareRename(document, params.position, index.documents()));
    if (target && 'reason' in target) throw new ResponseError(LSPErrorCodes.RequestFailed, target.reason);
    return target ?? null;
  });

  connection.onRenameRequest((params) => {
    const document = documentOf(params.textDocument.uri);
    const edit = document && guard('Rename', undefined, () => service().doRename(document, params.position, params.newName, index.documents()));
    if (edit && 'reason' in edit) throw new ResponseError(LSPErrorCodes.RequestFailed, edit.reason);
    return edit ?? null;
  });

  connection.onRequest(WORKSPACE_BRIEFS_REQUEST, (): WorkspaceBriefsResult =>
    guard('Workspace briefs', [], () =>
      index
        .documents()
        .filter((document) => !isProfileDocument(document))
        .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))
        .map((document) => service().overview(document, { severity: severity() })),
    ),
  );

  connection.onRequest(BUILTIN_PROFILE_REQUEST, (params: BuiltinProfileParams): BuiltinProfileResult => serviceModules.profiles().builtinProfileTexts.get(params.uri) ?? null);

  connection.onCompletion((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Completion', null, () => service().doComplete(document, params.position));
  });

  connection.onHover((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Hover', null, () => service().doHover(document, params.position));
  });

  connection.onDocumentSymbol((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Document symbols', null, () => service().findDocumentSymbols(document));
  });

  connection.onCodeAction((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Code actions', null, () =>
      service().getCodeActions(document, params.range, params.context, service().validate(document, { severity: severity() })),
    );
  });

  connection.onCodeLens((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Code lens', null, () => service().getCodeLenses(document, service().validate(document, { severity: severity() })));
  });

  connection.onExecuteCommand(async (params) => {
    const argument = params.arguments?.[0] as AddMissingArguments | undefined;
    const document = params.command === COMMANDS.addMissing && argument ? documents.get(argument.uri) : undefined;
    if (!document || !argument) return null;
    const edit = guard('Add missing', undefined, () =>
      service().getAddMissingEdit(document, argument.scope, service().validate(document, { severity: severity() })),
    );
    if (edit) await connection.workspace.applyEdit({ label: 'Add what the profile asks for', edit });
    return null;
  });

  connection.onRequest(RENDER_REQUEST, (params: RenderParams, token: CancellationToken): RenderResult => {
    const document = documents.get(params.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Render', null, () => service().render(document, params, { severity: severity() }) ?? null);
  });

  connection.onRequest(NEW_BRIEF_REQUEST, (params: NewBriefParams | undefined): NewBriefResult =>
    guard('New brief', null, () => {
      const { DEFAULT_PROFILE_ID, scaffoldBrief } = serviceModules.scaffold();
      const profile = service().profiles.get(params?.profile ?? DEFAULT_PROFILE_ID);
      return profile ? { text: scaffoldBrief(profile, { role: params?.role }), profile: profile.id } : null;
    }),
  );

  documents.listen(connection);
  connection.listen();
}

/** Reads the `hire` settings object, tolerating anything malformed. */
function readSettings(value: unknown): HireSettings {
  if (typeof value !== 'object' || value === null) return {};
  const severity = (value as HireSettings).diagnostics?.severity;
  const paths = (value as HireSettings).profiles?.paths;
  return {
    ...(typeof severity === 'object' && severity !== null ? { diagnostics: { severity } } : {}),
    ...(Array.isArray(paths) ? { profiles: { paths: paths.filter((path): path is string => typeof path === 'string') } } : {}),
  };
}
