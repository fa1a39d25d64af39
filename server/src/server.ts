/**
 * The language server: LSP wiring only. Each handler finds the document,
 * calls the language service, and guards against errors and cancellation.
 */
import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS, NEW_BRIEF_REQUEST, RENDER_REQUEST, SETTINGS_SECTION, type AddMissingArguments, type HireSettings, type NewBriefParams, type NewBriefResult, type RenderParams, type RenderResult } from './protocol';
import { ADD_MISSING_KIND } from './service/codeActions';
import type { SeverityOverrides } from './service/codes';
import { DEFAULT_PROFILE_ID, scaffoldBrief } from './service/scaffold';
import { getLanguageService, type LanguageService } from './service/languageService';

/** The server's version, reported in `initialize`. */
declare const HIRE_VERSION: string | undefined;

/** Starts serving on a connection; returns when it is wired (the connection is listening). */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service: LanguageService = getLanguageService();
  let pullDiagnostics = false;
  let configurationRequests = false;
  let settings: HireSettings = {};

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

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
    configurationRequests = !!capabilities.workspace?.configuration;
    settings = readSettings(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        completionProvider: { triggerCharacters: [' ', ':', '[', ','] },
        hoverProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ADD_MISSING_KIND] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [COMMANDS.addMissing] },
      },
      serverInfo: { name: 'hire-language-server', version: typeof HIRE_VERSION === 'string' ? HIRE_VERSION : undefined },
    };
  });

  connection.onInitialized(() => {
    void refreshSettings();
  });

  connection.onDidChangeConfiguration((change) => {
    if (!configurationRequests) settings = readSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
    void refreshSettings();
  });

  async function refreshSettings(): Promise<void> {
    if (configurationRequests) {
      try {
        settings = readSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION));
      } catch (error) {
        connection.console.error(`Reading settings failed: ${(error as Error).message}`);
      }
    }
    revalidateAll();
  }

  function revalidateAll(): void {
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) schedulePublish(document.uri);
  }

  // Push diagnostics: one validation per burst of edits, always of the latest
  // version. The wait is as long as the document's last validation took (at
  // least a millisecond, at most 50): edits that arrive faster than we could
  // validate them are folded into one validation, and nothing waits longer.
  const pending = new Map<string, NodeJS.Timeout>();
  const validationTime = new Map<string, number>();
  function schedulePublish(uri: string): void {
    if (pullDiagnostics) return;
    clearTimeout(pending.get(uri));
    const wait = Math.min(50, Math.max(1, validationTime.get(uri) ?? 1));
    pending.set(uri, setTimeout(() => {
      pending.delete(uri);
      const document = documents.get(uri);
      if (!document) return;
      const started = performance.now();
      const diagnostics = guard('Validation', [], () => service.validate(document, { severity: severity() }));
      validationTime.set(uri, performance.now() - started);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    }, wait));
  }

  documents.onDidOpen((event) => schedulePublish(event.document.uri));
  documents.onDidChangeContent((event) => schedulePublish(event.document.uri));
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    validationTime.delete(event.document.uri);
    service.close(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params, token: CancellationToken) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const items = guard('Validation', [], () => service.validate(document, { severity: severity() }));
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  connection.onCompletion((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Completion', null, () => service.doComplete(document, params.position));
  });

  connection.onHover((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Hover', null, () => service.doHover(document, params.position));
  });

  connection.onDocumentSymbol((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Document symbols', null, () => service.findDocumentSymbols(document));
  });

  connection.onCodeAction((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Code actions', null, () =>
      service.getCodeActions(document, params.range, params.context, service.validate(document, { severity: severity() })),
    );
  });

  connection.onCodeLens((params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Code lens', null, () => service.getCodeLenses(document, service.validate(document, { severity: severity() })));
  });

  connection.onExecuteCommand(async (params) => {
    const argument = params.arguments?.[0] as AddMissingArguments | undefined;
    const document = params.command === COMMANDS.addMissing && argument ? documents.get(argument.uri) : undefined;
    if (!document || !argument) return null;
    const edit = guard('Add missing', undefined, () =>
      service.getAddMissingEdit(document, argument.scope, service.validate(document, { severity: severity() })),
    );
    if (edit) await connection.workspace.applyEdit({ label: 'Add what the profile asks for', edit });
    return null;
  });

  connection.onRequest(RENDER_REQUEST, (params: RenderParams, token: CancellationToken): RenderResult => {
    const document = documents.get(params.uri);
    if (!document || token.isCancellationRequested) return null;
    return guard('Render', null, () => service.render(document, params, { severity: severity() }) ?? null);
  });

  connection.onRequest(NEW_BRIEF_REQUEST, (params: NewBriefParams | undefined): NewBriefResult =>
    guard('New brief', null, () => {
      const profile = service.profiles.get(params?.profile ?? DEFAULT_PROFILE_ID);
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
  return typeof severity === 'object' && severity !== null ? { diagnostics: { severity } } : {};
}
