/**
 * How the server delivers findings: pushed (`textDocument/publishDiagnostics`)
 * or pulled by the client (`textDocument/diagnostic`, and workspace
 * diagnostics for the files that are not open), never both. Push mode
 * validates each open document once per burst of edits, always its latest
 * version; the files of the workspace that are not open are published after
 * a burst of profile or settings changes settles.
 */
import { DocumentDiagnosticReportKind, type CancellationToken, type Connection, type Diagnostic, type TextDocuments, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceIndex } from './workspace';

/** The longest wait, in milliseconds, before an edited document is validated. */
const MAX_WAIT_MS = 50;

/** The wait before the files that are not open are published again. */
const CLOSED_WAIT_MS = 50;

/** Delivers the findings of open documents and of the workspace's files, as the client asks for them. */
export class DiagnosticsPublisher {
  /** Whether the client pulls findings; set from its capabilities at `initialize`. */
  pull = false;
  /** Bumped whenever any finding may have changed (profiles, settings, files): part of workspace diagnostics' result ids. */
  private generation = 0;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** How long each open document's last validation took. */
  private readonly validationTime = new Map<string, number>();
  private closedTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly index: WorkspaceIndex,
    /** The findings of a document with the user's settings; never throws. */
    private readonly validate: (document: TextDocument) => Diagnostic[],
  ) {}

  /** Answers the client's pull requests (they are only sent when `pull` is set). */
  listen(): void {
    this.connection.languages.diagnostics.on((params, token: CancellationToken) => {
      const document = this.documents.get(params.textDocument.uri);
      if (!document || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return { kind: DocumentDiagnosticReportKind.Full, items: this.validate(document) };
    });
    // Workspace diagnostics: the files that are not open (open ones are pulled one by one).
    this.connection.languages.diagnostics.onWorkspace((params, token) => {
      const previous = new Map(params.previousResultIds.map((result) => [result.uri, result.value] as const));
      const items = token.isCancellationRequested
        ? []
        : this.index.closed().map((document): WorkspaceDocumentDiagnosticReport => {
            const resultId = `${this.generation}:${document.version}`;
            if (previous.get(document.uri) === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, uri: document.uri, version: null, resultId };
            return { kind: DocumentDiagnosticReportKind.Full, uri: document.uri, version: null, resultId, items: this.validate(document) };
          });
      return { items };
    });
  }

  /**
   * An open document changed: push its findings once the burst of edits
   * settles. The wait is as long as the document's last validation took (at
   * least a millisecond, at most 50): edits that arrive faster than we could
   * validate them are folded into one validation, and nothing waits longer.
   */
  changed(uri: string): void {
    if (this.pull) return;
    clearTimeout(this.pending.get(uri));
    const wait = Math.min(MAX_WAIT_MS, Math.max(1, this.validationTime.get(uri) ?? 1));
    this.pending.set(uri, setTimeout(() => {
      this.pending.delete(uri);
      const document = this.documents.get(uri);
      if (!document) return;
      const started = performance.now();
      const diagnostics = this.validate(document);
      this.validationTime.set(uri, performance.now() - started);
      void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    }, wait));
  }

  /** Any finding of any document may have changed (profiles, settings): every document again. */
  revalidateAll(): void {
    this.generation++;
    if (this.pull) {
      this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of this.documents.all()) this.changed(document.uri);
    clearTimeout(this.closedTimer);
    this.closedTimer = setTimeout(() => {
      for (const document of this.index.closed()) this.publishFile(document);
    }, CLOSED_WAIT_MS);
  }

  /** A document was closed: a file of the workspace (`file`) shows its findings from disk again, any other none. */
  closed(uri: string, file: TextDocument | undefined): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.validationTime.delete(uri);
    if (this.pull) {
      this.generation++;
      return;
    }
    if (file) this.publishFile(file);
    else this.clear(uri);
  }

  /** Files changed on disk: `reloaded` (read again) and `deleted`. Open documents keep their own findings. */
  filesChanged(reloaded: readonly string[], deleted: readonly string[]): void {
    this.generation++;
    if (this.pull) {
      this.connection.languages.diagnostics.refresh();
      return;
    }
    this.removed(deleted);
    for (const uri of reloaded) {
      const file = this.index.onDisk(uri);
      if (file && !this.documents.get(uri)) this.publishFile(file);
    }
  }

  /** Files that left the workspace or were deleted: their findings go, unless they are open. */
  removed(uris: readonly string[]): void {
    if (this.pull) return;
    for (const uri of uris) if (!this.documents.get(uri)) this.clear(uri);
  }

  /** Pushes the findings of a file that is not open. */
  private publishFile(document: TextDocument): void {
    void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: this.validate(document) });
  }

  private clear(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
