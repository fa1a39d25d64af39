/**
 * How the server delivers findings: pushed (`textDocument/publishDiagnostics`)
 * or pulled by the client (`textDocument/diagnostic`, and workspace
 * diagnostics for the files that are not open), never both.
 *
 * Open documents are checked on the server's thread, each once per burst of
 * edits and always its latest version, ahead of everything else. The files
 * of the workspace that are not open are checked in the background (worker
 * threads in Node, the server's thread in a browser); their latest findings
 * (and briefs' overviews) are kept here, each for the version of the file
 * it was found in, and pushed as they come.
 * A change of profiles or settings marks the findings it may change stale
 * and checks those files again: the pool drops work of an older
 * configuration, and a result for a file that changed since it was sent is
 * dropped too, so a finding never outlives what it was found in.
 */
import { DocumentDiagnosticReportKind, DiagnosticSeverity, type CancellationToken, type Connection, type Diagnostic, type TextDocuments, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BackgroundChecks, CheckPoolHost } from './backgroundChecks';
import type { CheckedSource } from './checkWorker';
import type { BackgroundProgress } from './progress';
import type { SeverityOverrides } from './service/codes';
import { isProfileDocument, isScorecardDocument } from './service/documents';
import type { BriefOverview } from './service/overview';
import type { ProfileRegistry } from './service/profiles';
import { WORKSPACE_PROGRESS_MIN_FILES, type OversizedFile, type WorkspaceIndex } from './workspace';

/** The longest wait, in milliseconds, before an edited document is validated. */
const MAX_WAIT_MS = 50;

/** What the publisher needs from the server: the service's checks, with the user's settings. */
export interface Checks {
  /** The findings of an open document; never throws. */
  validate(document: TextDocument): Diagnostic[];
  /** A file's findings and overview, checked here and now, leaving no parse behind; never throws. */
  check(document: TextDocument): CheckedSource;
  /** The findings and overview of a file too large to read. */
  oversized(file: OversizedFile): CheckedSource;
}

/** What changed, for `configure`: which files that are not open may have other findings now. */
export interface Affected {
  /** Briefs that name one of these profile ids (other briefs keep theirs, except those naming no known profile). */
  readonly profiles?: ReadonlySet<string>;
  /** Every profile id known now, to tell a brief naming an unknown one. */
  readonly known?: ReadonlySet<string>;
  /** Every file (settings; or when `profiles` and `known` are not given). */
  readonly all?: boolean;
}

/** A file's latest findings, for the version of it they were found in. */
interface Result extends CheckedSource {
  readonly resultId: string;
}

/** Delivers the findings of open documents and of the workspace's files, as the client asks for them. */
export class DiagnosticsPublisher {
  /** Whether the client pulls findings; set from its capabilities at `initialize`. */
  pull = false;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** How long each open document's last validation took. */
  private readonly validationTime = new Map<string, number>();
  /** The latest findings of each reported file, checked while it was not open. */
  private readonly results = new Map<string, Result>();
  /** Files whose result was found with other profiles or settings than now. */
  private readonly stale = new Set<string>();
  private lastResultId = 0;
  private readonly pool: BackgroundChecks;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly index: WorkspaceIndex,
    private readonly checks: Checks,
    private readonly progress: BackgroundProgress,
    log: (message: string) => void,
    /** The background checks of the files that are not open (worker threads in Node, the server's thread in a browser). */
    backgroundChecks: (host: CheckPoolHost) => BackgroundChecks,
  ) {
    this.pool = backgroundChecks({
      source: (uri) => {
        const document = this.documents.get(uri) ? undefined : this.index.onDisk(uri);
        return document && !this.isCurrent(uri) ? { uri, version: document.version, text: document.getText() } : undefined;
      },
      checked: (results) => {
        for (const result of results) this.accept(result);
      },
      progress: (done, total) => {
        if (done < total) {
          if (total >= WORKSPACE_PROGRESS_MIN_FILES) this.progress.report(`Checked ${done} of ${total} files`, (done / total) * 100);
          return;
        }
        this.workDone();
        // A client that pulls learns that the workspace's findings changed.
        if (this.pull) this.connection.languages.diagnostics.refresh();
      },
      log,
    });
  }

  /** Answers the client's pull requests (they are only sent when `pull` is set). */
  listen(): void {
    this.connection.languages.diagnostics.on((params, token: CancellationToken) => {
      const document = this.documents.get(params.textDocument.uri);
      if (!document || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return { kind: DocumentDiagnosticReportKind.Full, items: this.checks.validate(document) };
    });
    // Workspace diagnostics: the files that are not open and have been checked (open ones are pulled one by one).
    this.connection.languages.diagnostics.onWorkspace((params, token) => {
      if (token.isCancellationRequested) return { items: [] };
      const previous = new Map(params.previousResultIds.map((result) => [result.uri, result.value] as const));
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const uri of this.index.closed()) {
        const result = this.results.get(uri);
        if (!result) continue;
        const resultId = result.resultId;
        items.push(
          previous.get(uri) === resultId
            ? { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId }
            : { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: result.diagnostics },
        );
      }
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
      const diagnostics = this.checks.validate(document);
      this.validationTime.set(uri, performance.now() - started);
      void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    }, wait));
  }

  /**
   * The profiles or settings changed: open documents are checked again at
   * once, and the files that are not open whose findings may change, in the
   * background, with these profiles (open documents over files) and severities.
   */
  configure(profiles: readonly TextDocument[], severity: SeverityOverrides | undefined, affected: Affected): void {
    this.pool.configure(profiles.map((document) => ({ uri: document.uri, version: document.version, text: document.getText() })), severity);
    for (const [uri, result] of this.results) if (isAffected(uri, result, affected)) this.stale.add(uri);
    this.revalidateOpen();
    this.checkPending();
  }

  /** Open documents again: at once when pushing, by asking the client to pull everything when it pulls. */
  revalidateOpen(): void {
    if (this.pull) this.connection.languages.diagnostics.refresh();
    else for (const document of this.documents.all()) this.changed(document.uri);
  }

  /** Files were read from disk (again): those that are not open are checked, `first` ahead of the others. */
  filesRead(uris: readonly string[], first = false): void {
    this.pool.schedule(this.checkScorecards(this.settleOversized(uris.filter((uri) => this.index.reports(uri) && !this.documents.get(uri) && !this.isCurrent(uri)))), first);
  }

  /** Briefs changed: these scorecards that are not open, which name one of them, are checked again. */
  briefsChanged(scorecards: readonly string[]): void {
    for (const uri of scorecards) if (this.index.reports(uri) && !this.documents.get(uri)) this.stale.add(uri);
    this.checkScorecards(scorecards.filter((uri) => this.index.reports(uri) && !this.documents.get(uri)));
  }

  /**
   * A document was closed, and its file read again: a file of the workspace
   * shows its findings from disk (checked here if they are not current, the
   * one file), any other none.
   */
  closed(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.validationTime.delete(uri);
    if (this.documents.get(uri)) return;
    if (!this.index.reports(uri)) {
      if (!this.pull) this.clear(uri);
      return;
    }
    if (!this.isCurrent(uri)) {
      const oversized = this.index.oversizedFile(uri);
      const document = this.index.onDisk(uri);
      const checked = oversized ? this.checks.oversized(oversized) : document && this.checks.check(document);
      if (checked) this.accept(checked);
    } else if (!this.pull) {
      this.publish(this.results.get(uri)!);
    }
  }

  /** Files that left the workspace or were deleted: their findings go, unless they are open. */
  removed(uris: readonly string[]): void {
    for (const uri of uris) {
      this.results.delete(uri);
      this.stale.delete(uri);
      if (!this.pull && !this.documents.get(uri)) this.clear(uri);
    }
  }

  /** The overview of each brief the workspace lists that has been checked (open ones as they are now), sorted by URI. */
  overviews(overview: (document: TextDocument) => BriefOverview): BriefOverview[] {
    const overviews: BriefOverview[] = [];
    for (const uri of this.index.briefs().sort()) {
      const open = this.documents.get(uri);
      const found = open ? overview(open) : this.results.get(uri)?.overview;
      if (found) overviews.push(found);
    }
    return overviews;
  }

  /** Ends the workers. */
  dispose(): void {
    this.pool.dispose();
  }

  /** Ends the background progress when nothing is left to check. */
  workDone(): void {
    if (this.pool.pending === 0) this.progress.done();
  }

  /** Whether a file's kept findings are for its version on disk and the current profiles and settings. */
  private isCurrent(uri: string): boolean {
    return this.results.get(uri)?.version === this.index.version(uri) && !this.stale.has(uri);
  }

  /** Checks the reported files that are not open and whose findings are not current. */
  private checkPending(): void {
    this.pool.schedule(this.checkScorecards(this.settleOversized(this.index.closed().filter((uri) => !this.isCurrent(uri)))));
  }

  /**
   * Checks the scorecards among files here, where their briefs are (open
   * documents as they are now), and returns the other files. Scorecards are
   * few and small; a worker would see only the briefs on disk.
   */
  private checkScorecards(uris: readonly string[]): string[] {
    return uris.filter((uri) => {
      if (!isScorecardDocument({ uri })) return true;
      const document = this.index.onDisk(uri);
      if (document) this.accept(this.checks.check(document));
      return false;
    });
  }

  /** Gives the files too large to read their finding here (it needs no worker); returns the others. */
  private settleOversized(uris: readonly string[]): string[] {
    return uris.filter((uri) => {
      const oversized = this.index.oversizedFile(uri);
      if (oversized) this.accept(this.checks.oversized(oversized));
      return !oversized;
    });
  }

  /** Keeps a file's findings if they are for the version the index holds, and pushes them unless it is open. */
  private accept(checked: CheckedSource): void {
    if (checked.version !== this.index.version(checked.uri) || !this.index.reports(checked.uri)) return;
    const result: Result = { ...checked, resultId: `${++this.lastResultId}` };
    this.results.set(checked.uri, result);
    this.stale.delete(checked.uri);
    if (!this.pull && !this.documents.get(checked.uri)) this.publish(result);
  }

  private publish(result: Result): void {
    void this.connection.sendDiagnostics({ uri: result.uri, diagnostics: result.diagnostics });
  }

  private clear(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/**
 * What a change of the profiles (`change`, run here) affects: the ids whose
 * profile, inheritance applied, is not what it was, and the ids known after.
 */
export function profileChange(registry: ProfileRegistry, change: () => void): Affected {
  const fingerprints = () => new Map(registry.all().map((profile) => [profile.id, JSON.stringify(profile)] as const));
  const before = fingerprints();
  change();
  const after = fingerprints();
  return { profiles: new Set([...before.keys(), ...after.keys()].filter((id) => before.get(id) !== after.get(id))), known: new Set(after.keys()) };
}

/**
 * Whether a change can alter a file's findings: a profile's always (the
 * others are part of its check); a brief's when it names a changed profile,
 * an unknown one (suggestions) or none (a profile may match its role).
 */
function isAffected(uri: string, result: Result, affected: Affected): boolean {
  if (affected.all || !affected.profiles || !affected.known || isProfileDocument({ uri })) return true;
  const profile = result.overview?.profile;
  return profile === undefined || !affected.known.has(profile) || affected.profiles.has(profile);
}

/** The counts of an overview from findings alone, for a brief that could not be read. */
export function countFindings(diagnostics: readonly Diagnostic[]): Pick<BriefOverview, 'errors' | 'warnings'> {
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning).length,
  };
}
