/**
 * The server's index of the workspace: every brief (`*.hire.yaml`), role
 * profile (`*.hire-profile.yaml`) and scorecard (`*.hire-score.yaml`) under
 * the workspace folders, and the
 * profiles of the `hire.profiles.paths` setting, each as a document read
 * through `WorkspaceFiles` (from disk in the Node server, diskFiles.ts; from
 * the editor in the browser's, clientFiles.ts). An open document takes the
 * place of its file. The language service gets these documents as input;
 * this module only keeps them, and uses no Node API.
 *
 * Only the files of the workspace folders are reported (their findings
 * published, the briefs listed); the profiles of `hire.profiles.paths` are
 * loaded for the briefs to use, never reported, and only `*.hire-profile.yaml`
 * files are read from them. A file's size is checked before it is read: one
 * over MAX_FILE_BYTES is never read, and one whose text is over
 * MAX_TEXT_LENGTH is not kept; both are indexed by their size alone.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BRIEF_SUFFIX, isProfileDocument, isScorecardDocument, PROFILE_SUFFIX, SCORECARD_SUFFIX } from './service/documents';
import { BRIEF_LANGUAGE_ID, PROFILE_LANGUAGE_ID } from './service/names';

/** Workspaces with at least this many briefs and profiles show progress while they are read and checked. */
export const WORKSPACE_PROGRESS_MIN_FILES = 100;

/** Whether a file name is that of a brief, a profile or a scorecard: the files the workspace's folders are searched for. */
export function isWorkspaceFileName(name: string): boolean {
  return name.endsWith(BRIEF_SUFFIX) || name.endsWith(PROFILE_SUFFIX) || name.endsWith(SCORECARD_SUFFIX);
}

/**
 * How the server finds and reads the workspace's files, where it runs: the
 * Node server from disk, the browser's through the editor.
 */
export interface WorkspaceFiles {
  /**
   * Finds the briefs and profiles under folders (URIs), and the profiles of
   * extra paths (folders searched for profiles only, or profile files;
   * relative paths resolve against each folder).
   */
  find(folders: readonly string[], extraPaths: readonly string[]): Promise<FoundFiles>;
  /**
   * A file's text (without a BOM), or its size when it is too large to read
   * (bytes, over MAX_FILE_BYTES) or to keep (UTF-16 code units, over
   * MAX_TEXT_LENGTH), or undefined when it is not a file or cannot be read.
   */
  read(uri: string): Promise<string | number | undefined>;
  /** Whether a URI names a brief or profile a search of the workspace folders would find, depth aside. */
  isWorkspaceFile(uri: string, folders: readonly string[]): boolean;
}

/** Files are read this many at a time between progress reports. */
const BATCH = 50;

/** What the index needs from the server: the open documents. */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** The files a search found (URIs, sorted), and why a search stopped early. */
export interface FoundFiles {
  /** Briefs and profiles under the workspace folders: reported. */
  readonly files: readonly string[];
  /** Profiles of `hire.profiles.paths` outside those: loaded, never reported. */
  readonly external: readonly string[];
  /** One line for each search that stopped at a limit, or path that was not used. */
  readonly notes: readonly string[];
}

/** A file too large to read (`size`: its bytes), or whose text is too long to keep (`size`: its UTF-16 code units). */
export interface OversizedFile {
  readonly uri: string;
  readonly version: number;
  readonly size: number;
}

/** The workspace's briefs and profiles: as read, open documents over their files. */
export class WorkspaceIndex {
  private readonly files = new Map<string, TextDocument>();
  private readonly oversized = new Map<string, OversizedFile>();
  /** Profiles of `hire.profiles.paths` outside the workspace folders. */
  private readonly external = new Set<string>();
  /** A version for each read from disk, so that a re-read file never reuses a parse. */
  private reads = 0;
  /** The latest read (or deletion) of each file begun: only its outcome counts. */
  private readonly latest = new Map<string, number>();
  private tickets = 0;

  constructor(
    private readonly open: OpenDocuments,
    private readonly access: WorkspaceFiles,
  ) {}

  /** Finds the workspace's briefs and profiles, and the profiles of extra paths (see WorkspaceFiles.find). */
  find(folders: readonly string[], extraPaths: readonly string[] = []): Promise<FoundFiles> {
    return this.access.find(folders, extraPaths);
  }

  /** Whether a URI names a brief or profile of the workspace folders. */
  isWorkspaceFile(uri: string, folders: readonly string[]): boolean {
    return this.access.isWorkspaceFile(uri, folders);
  }

  /**
   * Replaces the indexed files with these, reading them from disk `BATCH` at
   * a time, the profiles first; `read` hears each batch read, and how many
   * of all are.
   */
  async replace(found: FoundFiles, read?: (uris: readonly string[], done: number, total: number) => void): Promise<void> {
    const uris = [...found.external, ...found.files];
    const wanted = new Set(uris);
    for (const uri of [...this.files.keys(), ...this.oversized.keys()]) if (!wanted.has(uri)) this.forget(uri);
    this.external.clear();
    for (const uri of found.external) this.external.add(uri);
    // Profiles first: every brief is checked against them.
    const ordered = [...uris.filter((uri) => isProfileDocument({ uri })), ...uris.filter((uri) => !isProfileDocument({ uri }))];
    for (let start = 0; start < ordered.length; start += BATCH) {
      const batch = ordered.slice(start, start + BATCH);
      await Promise.all(batch.map((uri) => this.load(uri)));
      read?.(batch, Math.min(ordered.length, start + BATCH), ordered.length);
    }
  }

  /**
   * Reads (or re-reads) one file, keeping the document when its text is
   * unchanged; forgets it when it cannot be read. Only a regular file is
   * read, and only after its size is checked. Of reads of one file that
   * overlap (file-change events close together), the one begun last counts,
   * whichever ends last. Returns whether the file is indexed.
   */
  async load(uri: string): Promise<boolean> {
    const ticket = ++this.tickets;
    this.latest.set(uri, ticket);
    const read = await this.access.read(uri).catch(() => undefined);
    if (this.latest.get(uri) !== ticket) return this.has(uri);
    this.latest.delete(uri);
    if (read === undefined) this.forget(uri);
    else if (typeof read === 'number') this.setOversized(uri, read);
    else if (this.files.get(uri)?.getText() !== read) {
      this.oversized.delete(uri);
      const languageId = isProfileDocument({ uri }) ? PROFILE_LANGUAGE_ID : BRIEF_LANGUAGE_ID;
      this.files.set(uri, TextDocument.create(uri, languageId, ++this.reads, read));
    }
    return this.has(uri);
  }

  private setOversized(uri: string, size: number): void {
    this.files.delete(uri);
    if (this.oversized.get(uri)?.size !== size) this.oversized.set(uri, { uri, version: ++this.reads, size });
  }

  /** Forgets a file (a read of it under way no longer counts). */
  delete(uri: string): void {
    this.latest.set(uri, ++this.tickets);
    this.forget(uri);
  }

  private forget(uri: string): void {
    this.files.delete(uri);
    this.oversized.delete(uri);
  }

  /** Whether a file is indexed (on disk). */
  has(uri: string): boolean {
    return this.files.has(uri) || this.oversized.has(uri);
  }

  /** Whether a file's findings are published and its brief listed: an indexed file of the workspace folders. */
  reports(uri: string): boolean {
    return this.has(uri) && !this.external.has(uri);
  }

  /** A file as read from disk, ignoring any open document. */
  onDisk(uri: string): TextDocument | undefined {
    return this.files.get(uri);
  }

  /** The size of an indexed file too large to read or keep. */
  oversizedFile(uri: string): OversizedFile | undefined {
    return this.oversized.get(uri);
  }

  /** The version of what the index holds for a file: its document's, or its size's. */
  version(uri: string): number | undefined {
    return this.files.get(uri)?.version ?? this.oversized.get(uri)?.version;
  }

  /** The document of a URI: the open one, else the indexed file. */
  get(uri: string): TextDocument | undefined {
    return this.open.get(uri) ?? this.files.get(uri);
  }

  /** Every brief and profile: indexed files (open ones as open) and the other open documents; no scorecard. */
  documents(): TextDocument[] {
    const all = new Map([...this.files].map(([uri, document]) => [uri, this.open.get(uri) ?? document] as const));
    for (const document of this.open.all()) all.set(document.uri, document);
    return [...all.values()].filter((document) => !isScorecardDocument(document));
  }

  /** Every profile: indexed profiles (open ones as open), those of `hire.profiles.paths` too, and the other open profile documents. */
  profiles(): TextDocument[] {
    const all = new Map<string, TextDocument>();
    for (const [uri, document] of this.files) if (isProfileDocument(document)) all.set(uri, this.open.get(uri) ?? document);
    for (const document of this.open.all()) if (isProfileDocument(document)) all.set(document.uri, document);
    return [...all.values()];
  }

  /** The URIs of the reported files that are not open: those whose findings the server reports on its own. */
  closed(): string[] {
    return [...this.files.keys(), ...this.oversized.keys()].filter((uri) => !this.external.has(uri) && !this.open.get(uri));
  }

  /** The briefs the workspace lists: the reported ones, open ones as open. */
  briefs(): string[] {
    return [...this.files.keys(), ...this.oversized.keys()].filter((uri) => !this.external.has(uri) && !isProfileDocument({ uri }) && !isScorecardDocument({ uri }));
  }
}
