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
  BRIEF_LANGUAGE_ID,
  BuiltinProfileRequest,
  ChangesRequest,
  COMMANDS,
  NewBriefRequest,
  NewScorecardRequest,
  PROFILE_LANGUAGE_ID,
  RenderRequest,
  CandidatesRequest,
  SETTINGS_SECTION,
  WorkspaceBriefsRequest,
  type AddMissingArguments,
  type HireSettings,
  type SelectRangeArguments,
} from './protocol';
import { briefReader } from './briefReader';
import type { CheckedSource, SourceText } from './checkWorker';
import { countFindings, DiagnosticsPublisher, profileChange } from './diagnostics';
import type { ServerPlatform } from './platform';
import { BackgroundProgress } from './progress';
import type { SeverityOverrides } from './service/codes';
import { BRIEF_SUFFIX, isProfileDocument, isScorecardDocument, PROFILE_SUFFIX, SCORECARD_SUFFIX } from './service/documents';
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
  scorecard: () => require('./service/model/scorecard') as typeof import('./service/model/scorecard'),
};

/** Starts serving on a connection; returns when it is wired (the connection is listening). */
export function startServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  let created: LanguageService | undefined;
  /** Whether the client takes snippets in completions; false unless it says so in `initialize`. */
  let snippetSupport = false;
  let configurationRequests = false;
  let settings: HireSettings = {};
  const index = new WorkspaceIndex(documents, platform.files);
  /** The language service, created at its first use (after `initialize`); a scorecard's brief comes from the open documents, the index, or the platform's files. */
  const service = (): LanguageService =>
    (created ??= serviceModules.languageService().getLanguageService({ snippetSupport, readBrief: briefReader(index, platform.readNow) }));
  let folders: string[] = [];
  const progress = new BackgroundProgress(connection);
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

  /**
   * Runs a request's handler: the fallback when the request is cancelled
   * (before it runs, or while it runs) or when the handler throws (logged);
   * a ResponseError it throws is the answer.
   */
  function runSafe<T, F>(name: string, fallback: F, token: CancellationToken | undefined, run: () => T): T | F {
    if (token?.isCancellationRequested) return fallback;
    try {
      const result = run();
      return token?.isCancellationRequested ? fallback : result;
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${name} failed: ${(error as Error).stack ?? error}`);
      return fallback;
    }
  }

  /** A feature of an open document: null when the document is not open. */
  function withOpen<T>(uri: string, run: (document: TextDocument) => T): T | null {
    const document = documents.get(uri);
    return document ? run(document) : null;
  }

  function severity(): SeverityOverrides | undefined {
    return settings.diagnostics?.severity;
  }

  const diagnostics = new DiagnosticsPublisher(
    connection,
    documents,
    index,
    {
      validate: (document) => guard('Validation', [], () => service().validate(document, { severity: severity() })),
      check: (document) => guard('Validation', { uri: document.uri, version: document.version, diagnostics: [] }, () => checkClosed(document)),
      oversized: (file) => {
        const diagnostics = serviceModules.languageService().tooLargeDiagnostics(file.size, { severity: severity() });
        const overview = isProfileDocument(file) || isScorecardDocument(file) ? undefined : { uri: file.uri, missing: { sections: 0, skills: 0, questions: 0 }, ...countFindings(diagnostics) };
        return { uri: file.uri, version: file.version, diagnostics, overview };
      },
    },
    progress,
    (message) => connection.console.error(message),
    (host) => platform.backgroundChecks(host, (source: SourceText) => checkClosed(TextDocument.create(source.uri, isProfileDocument(source) ? PROFILE_LANGUAGE_ID : BRIEF_LANGUAGE_ID, source.version, source.text))),
  );

  /** A file's findings and overview, leaving no parse of it behind. */
  function checkClosed(document: TextDocument): CheckedSource {
    try {
      const settings = { severity: severity() };
      const overview = isProfileDocument(document) || isScorecardDocument(document) ? undefined : service().overview(document, settings);
      return { uri: document.uri, version: document.version, diagnostics: service().validate(document, settings), overview };
    } finally {
      service().close(document.uri);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    diagnostics.pull = !!capabilities.textDocument?.diagnostic;
    configurationRequests = !!capabilities.workspace?.configuration;
    progress.enabled = !!capabilities.window?.workDoneProgress;
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
        executeCommandProvider: { commands: [COMMANDS.addMissing, COMMANDS.selectRange] },
        ...(folderChanges ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'hire-language-server', version: typeof HIRE_VERSION === 'string' ? HIRE_VERSION : undefined },
    };
  });

  connection.onInitialized(() => {
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/*${PROFILE_SUFFIX}` }, { globPattern: `**/*${BRIEF_SUFFIX}` }, { globPattern: `**/*${SCORECARD_SUFFIX}` }],
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
   * on a large workspace), loads the profiles, and checks every file in the
   * background: the profiles are read first, each batch of briefs is checked
   * as soon as it is read.
   */
  let scanning = Promise.resolve();
  function scanWorkspace(): Promise<void> {
    scanning = scanning.then(() => scanOnce().catch((error) => connection.console.error(`Reading the workspace failed: ${(error as Error).stack ?? error}`)));
    return scanning;
  }

  async function scanOnce(): Promise<void> {
    const paths = settings.profiles?.paths ?? [];
    scannedPaths = JSON.stringify(paths);
    const found = await index.find(folders, paths);
    for (const note of found.notes) connection.console.warn(note);
    const total = found.files.length + found.external.length;
    const large = total >= WORKSPACE_PROGRESS_MIN_FILES;
    if (large) progress.report(`Reading ${total} briefs and profiles`, 0);
    const before = index.closed();
    let profilesRead = false;
    await index.replace(found, (batch, done) => {
      if (large) progress.report(`Read ${done} of ${total} files`, (done / total) * 100);
      // The profiles come first: once they are read, every brief is checked against them.
      if (!profilesRead && (done === total || batch.some((uri) => !isProfileDocument({ uri })))) {
        profilesRead = true;
        profilesChanged();
      }
      diagnostics.filesRead(batch);
    });
    if (!profilesRead) profilesChanged();
    diagnostics.removed(before.filter((uri) => !index.reports(uri)));
    diagnostics.workDone();
  }

  /** Puts every profile (open documents over files) into the service's registry, and drops those that are gone. */
  function syncProfiles(): void {
    const current = new Set<string>();
    for (const document of index.profiles()) {
      if (serviceModules.profiles().isBuiltin({ source: document.uri })) continue;
      guard('Reading a profile', undefined, () => service().updateProfile(document));
      current.add(document.uri);
    }
    for (const profile of service().profiles.declared()) if (!serviceModules.profiles().isBuiltin(profile) && !current.has(profile.source)) service().profiles.delete(profile.source);
  }

  /** A profile was edited, created or removed: the briefs that use it are checked again (open ones at once, the others in the background). */
  function profilesChanged(): void {
    const affected = profileChange(service().profiles, syncProfiles);
    diagnostics.configure(index.profiles(), severity(), affected);
  }

  /** Reads the settings again; every finding is checked again when the severities changed. */
  async function refreshSettings(): Promise<void> {
    const before = JSON.stringify(severity() ?? {});
    if (configurationRequests) {
      try {
        settings = readSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION));
      } catch (error) {
        connection.console.error(`Reading settings failed: ${(error as Error).message}`);
      }
    }
    if (JSON.stringify(severity() ?? {}) !== before) diagnostics.configure(index.profiles(), severity(), { all: true });
  }

  /** The brief each scorecard of the workspace that is not open names, for the version of the file it was read from. */
  const closedScorecardBriefs = new Map<string, { readonly version: number; readonly brief: string | undefined }>();

  /** The URI of the brief a scorecard that is not open names (its parse is not kept). */
  function briefOfClosedScorecard(uri: string): string | undefined {
    const document = index.onDisk(uri);
    if (!document) return undefined;
    const known = closedScorecardBriefs.get(uri);
    if (known?.version === document.version) return known.brief;
    const brief = guard('Reading a scorecard', undefined, () => {
      try {
        return service().scorecardBrief(document);
      } finally {
        service().close(uri);
      }
    });
    closedScorecardBriefs.set(uri, { version: document.version, brief });
    return brief;
  }

  /** A brief changed (edited, saved, opened, closed): the scorecards that name it are checked again, open or not. */
  function briefChanged(uri: string): void {
    if (!created) return;
    const open = documents.all().filter((document) => isScorecardDocument(document) && guard('Reading a scorecard', undefined, () => service().scorecardBrief(document)) === uri);
    if (open.length > 0) {
      if (diagnostics.pull) connection.languages.diagnostics.refresh();
      else for (const scorecard of open) diagnostics.changed(scorecard.uri);
    }
    const closed = index.closed().filter((scorecard) => isScorecardDocument({ uri: scorecard }) && briefOfClosedScorecard(scorecard) === uri);
    if (closed.length > 0) diagnostics.briefsChanged(closed);
  }

  /** A document was opened or edited: it is checked again, and so is what depends on it. */
  function documentChanged(document: TextDocument): void {
    if (isProfileDocument(document)) return profilesChanged();
    diagnostics.changed(document.uri);
    if (!isScorecardDocument(document)) briefChanged(document.uri);
  }

  documents.onDidOpen((event) => documentChanged(event.document));
  documents.onDidChangeContent((event) => documentChanged(event.document));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    service().close(uri);
    // A file of the workspace shows its findings from disk again: read it again first (it may have been saved).
    void (index.has(uri) ? index.load(uri) : Promise.resolve(false)).then(() => {
      if (isProfileDocument(event.document)) profilesChanged();
      diagnostics.closed(uri);
      if (!isScorecardDocument(event.document)) briefChanged(uri);
    });
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    // Only files of the workspace folders, and the profiles already indexed (those of hire.profiles.paths).
    const relevant = changes.filter((change) => index.has(change.uri) || index.isWorkspaceFile(change.uri, folders));
    const read: string[] = [];
    const deleted: string[] = [];
    await Promise.all(
      relevant.map(async ({ uri, type }) => {
        if (type === FileChangeType.Deleted) {
          index.delete(uri);
          closedScorecardBriefs.delete(uri);
        }
        if (type !== FileChangeType.Deleted && (await index.load(uri))) read.push(uri);
        else deleted.push(uri);
      }),
    );
    diagnostics.removed(deleted);
    if (relevant.some((change) => isProfileDocument({ uri: change.uri }))) profilesChanged();
    diagnostics.filesRead(read, true);
    for (const { uri } of relevant) if (!isProfileDocument({ uri }) && !isScorecardDocument({ uri })) briefChanged(uri);
  });

  connection.onShutdown(() => diagnostics.dispose());

  diagnostics.listen();

  /** An open document, else a workspace file. */
  function documentOf(uri: string): TextDocument | undefined {
    return documents.get(uri) ?? index.get(uri);
  }

  /** Runs a feature across every brief and profile, then drops the parses of those that are not open: no parse is kept for a closed file. */
  function acrossWorkspace<T>(run: (workspace: TextDocument[]) => T): T {
    const workspace = index.documents();
    try {
      return run(workspace);
    } finally {
      for (const document of workspace) if (!documents.get(document.uri)) created?.close(document.uri);
    }
  }

  connection.onDefinition((params, token) =>
    runSafe('Definition', null, token, () => {
      const document = documentOf(params.textDocument.uri);
      return document ? acrossWorkspace((workspace) => service().findDefinition(document, params.position, workspace)) : null;
    }),
  );

  connection.onReferences((params, token) =>
    runSafe('References', null, token, () => {
      const document = documentOf(params.textDocument.uri);
      return document ? acrossWorkspace((workspace) => service().findReferences(document, params.position, workspace, params.context.includeDeclaration)) : null;
    }),
  );

  connection.onPrepareRename((params, token) =>
    runSafe('Prepare rename', null, token, () => {
      const document = documentOf(params.textDocument.uri);
      const target = document && acrossWorkspace((workspace) => service().prepareRename(document, params.position, workspace));
      if (target && 'reason' in target) throw new ResponseError(LSPErrorCodes.RequestFailed, target.reason);
      return target ?? null;
    }),
  );

  connection.onRenameRequest((params, token) =>
    runSafe('Rename', null, token, () => {
      const document = documentOf(params.textDocument.uri);
      const edit = document && acrossWorkspace((workspace) => service().doRename(document, params.position, params.newName, workspace));
      if (edit && 'reason' in edit) throw new ResponseError(LSPErrorCodes.RequestFailed, edit.reason);
      return edit ?? null;
    }),
  );

  connection.onRequest(WorkspaceBriefsRequest.type, (token) =>
    runSafe('Workspace briefs', [], token, () => diagnostics.overviews((document) => service().overview(document, { severity: severity() }))),
  );

  connection.onRequest(BuiltinProfileRequest.type, (params, token) =>
    runSafe('Built-in profile', null, token, () => serviceModules.profiles().builtinProfileTexts.get(params.uri) ?? null),
  );

  connection.onCompletion((params, token) =>
    runSafe('Completion', null, token, () => withOpen(params.textDocument.uri, (document) => service().doComplete(document, params.position))),
  );

  connection.onHover((params, token) => runSafe('Hover', null, token, () => withOpen(params.textDocument.uri, (document) => service().doHover(document, params.position))));

  connection.onDocumentSymbol((params, token) =>
    runSafe('Document symbols', null, token, () => withOpen(params.textDocument.uri, (document) => service().findDocumentSymbols(document))),
  );

  connection.onCodeAction((params, token) =>
    runSafe('Code actions', null, token, () =>
      withOpen(params.textDocument.uri, (document) =>
        service().getCodeActions(document, params.range, params.context, service().validate(document, { severity: severity() })),
      ),
    ),
  );

  connection.onCodeLens((params, token) =>
    runSafe('Code lens', null, token, () =>
      withOpen(params.textDocument.uri, (document) => service().getCodeLenses(document, service().validate(document, { severity: severity() }))),
    ),
  );

  connection.onExecuteCommand(async (params, token) => {
    if (params.command === COMMANDS.selectRange) {
      const target = params.arguments?.[0] as SelectRangeArguments | undefined;
      if (typeof target?.uri === 'string' && target.range) await connection.window.showDocument({ uri: target.uri, selection: target.range, takeFocus: true });
      return null;
    }
    const argument = params.arguments?.[0] as AddMissingArguments | undefined;
    const document = params.command === COMMANDS.addMissing && argument ? documents.get(argument.uri) : undefined;
    if (!document || !argument) return null;
    const edit = runSafe('Add missing', undefined, token, () =>
      service().getAddMissingEdit(document, argument.scope, service().validate(document, { severity: severity() })),
    );
    if (edit) await connection.workspace.applyEdit({ label: 'Add what the profile asks for', edit });
    return null;
  });

  connection.onRequest(RenderRequest.type, (params, token) =>
    runSafe('Render', null, token, () => withOpen(params.uri, (document) => service().render(document, params, { severity: severity() }) ?? null)),
  );

  connection.onRequest(CandidatesRequest.type, (params, token) =>
    runSafe('Candidates', null, token, () =>
      withOpen(params.uri, (brief) => {
        // The open scorecards first (their text is the newest), then those of the workspace that are not open; no parse of a closed one is kept.
        const open = documents.all().filter((document) => isScorecardDocument(document));
        const closed = index
          .closed()
          .filter((uri) => isScorecardDocument({ uri }) && !documents.get(uri) && briefOfClosedScorecard(uri) === params.uri)
          .flatMap((uri) => index.get(uri) ?? []);
        try {
          return service().candidates(brief, [...open, ...closed], params) ?? null;
        } finally {
          for (const document of closed) created?.close(document.uri);
        }
      }),
    ),
  );

  connection.onRequest(ChangesRequest.type, (params, token) =>
    runSafe('Changes', null, token, () => withOpen(params.uri, (document) => service().changes(document, params, { severity: severity() }))),
  );

  connection.onRequest(NewBriefRequest.type, (params, token) =>
    runSafe('New brief', null, token, () => {
      const { DEFAULT_PROFILE_ID, scaffoldBrief } = serviceModules.scaffold();
      const profile = service().profiles.get(params?.profile ?? DEFAULT_PROFILE_ID);
      return profile ? { text: scaffoldBrief(profile, { role: params?.role }), profile: profile.id } : null;
    }),
  );

  connection.onRequest(NewScorecardRequest.type, (params, token) =>
    runSafe('New scorecard', null, token, () => {
      const brief = briefReader(index, platform.readNow)(params.brief);
      const { relativeBriefPath } = serviceModules.scorecard();
      const text = brief && service().newScorecard(brief, { ...params, brief: relativeBriefPath(params.scorecard, params.brief) });
      return text ? { text } : null;
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
