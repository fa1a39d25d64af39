/**
 * The server's index of the workspace: every brief (`*.hire.yaml`) and role
 * profile (`*.hire-profile.yaml`) under the workspace folders, and the
 * profiles of the `hire.profiles.paths` setting, each as a document read from
 * disk. An open document takes the place of its file. The language service
 * gets these documents as input; this module only finds and reads files.
 *
 * Only the files of the workspace folders are reported (their findings
 * published, the briefs listed); the profiles of `hire.profiles.paths` are
 * loaded for the briefs to use, never reported, and only `*.hire-profile.yaml`
 * files are read from them. A search is bounded (depth, entries, files,
 * time; those of profile paths much more tightly), and walks folders as
 * `hire check` does (folders.ts): the same folders skipped, symbolic links
 * followed only to files inside the folder searched. A file's size is checked before it is read: one over MAX_FILE_BYTES is never
 * read, and one whose text is over MAX_TEXT_LENGTH is not kept; both are
 * indexed by their size alone.
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { followsLink, SKIPPED_FOLDERS } from './folders';
import { BRIEF_LANGUAGE_ID, PROFILE_LANGUAGE_ID } from './service/names';
import { BRIEF_SUFFIX, isProfileDocument, PROFILE_SUFFIX } from './service/documents';
import { MAX_FILE_BYTES, MAX_TEXT_LENGTH } from './service/limits';

/** Workspaces with at least this many briefs and profiles show progress while they are read and checked. */
export const WORKSPACE_PROGRESS_MIN_FILES = 100;

/** How far one search (a workspace folder, or a folder of `hire.profiles.paths`) goes before it stops. */
export interface SearchLimits {
  /** Folders below the one searched. */
  readonly depth: number;
  /** Folder entries looked at. */
  readonly entries: number;
  /** Files found. */
  readonly files: number;
  /** Milliseconds. */
  readonly ms: number;
}

/** The limits of a search of a workspace folder: far beyond a repository of briefs, far short of a whole disk. */
export const WORKSPACE_LIMITS: SearchLimits = { depth: 32, entries: 1_000_000, files: 200_000, ms: 30_000 };

/** The limits of a search of a folder of `hire.profiles.paths`: far beyond a folder of profiles. */
export const PROFILE_PATH_LIMITS: SearchLimits = { depth: 8, entries: 20_000, files: 1_000, ms: 5_000 };

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

/** The workspace's briefs and profiles: from disk, open documents over their files. */
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

  constructor(private readonly open: OpenDocuments) {}

  /**
   * Finds the briefs and profiles under folders (file URIs), and the profiles
   * of extra paths (folders searched for profiles only, or profile files;
   * relative paths resolve against each folder).
   */
  static async find(folders: readonly string[], extraPaths: readonly string[] = []): Promise<FoundFiles> {
    const found = new Set<string>();
    const notes: string[] = [];
    const roots = folders.flatMap((folder) => (folder.startsWith('file:') ? [fileURLToPath(folder)] : []));
    for (const root of roots) {
      const stopped = await search(root, (file) => file.endsWith(BRIEF_SUFFIX) || file.endsWith(PROFILE_SUFFIX), found, WORKSPACE_LIMITS);
      if (stopped) notes.push(`Searching ${root} for briefs: ${stopped}.`);
    }
    const external = new Set<string>();
    for (const extra of extraPaths) {
      for (const base of path.isAbsolute(extra) ? [''] : roots) {
        const target = path.resolve(base, extra);
        const stats = await stat(target).catch(() => undefined);
        if (stats?.isDirectory()) {
          const stopped = await search(target, (file) => file.endsWith(PROFILE_SUFFIX), external, PROFILE_PATH_LIMITS);
          if (stopped) notes.push(`Searching ${target} (hire.profiles.paths) for profiles: ${stopped}.`);
        } else if (stats?.isFile() && target.endsWith(PROFILE_SUFFIX)) {
          external.add(target);
        } else if (stats) {
          notes.push(`${target} (hire.profiles.paths) is neither a folder nor a *${PROFILE_SUFFIX} file: not read.`);
        }
      }
    }
    const uris = (files: Iterable<string>) => [...files].sort().map((file) => pathToFileURL(file).href);
    return { files: uris(found), external: uris([...external].filter((file) => !found.has(file))), notes };
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
    const read = await readFile(uri);
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

  /** Every brief and profile: indexed files (open ones as open) and the other open documents. */
  documents(): TextDocument[] {
    const all = new Map([...this.files].map(([uri, document]) => [uri, this.open.get(uri) ?? document] as const));
    for (const document of this.open.all()) all.set(document.uri, document);
    return [...all.values()];
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
    return [...this.files.keys(), ...this.oversized.keys()].filter((uri) => !this.external.has(uri) && !isProfileDocument({ uri }));
  }
}

/** Whether a URI names a brief or profile a search of the workspace folders (file URIs) would find, depth aside. */
export function isWorkspaceFile(uri: string, folders: readonly string[]): boolean {
  if (!uri.startsWith('file:') || !(uri.endsWith(BRIEF_SUFFIX) || uri.endsWith(PROFILE_SUFFIX))) return false;
  const file = fileURLToPath(uri);
  return folders.some((folder) => {
    if (!folder.startsWith('file:')) return false;
    const relative = path.relative(fileURLToPath(folder), file);
    const segments = relative.split(path.sep);
    return relative !== '' && !path.isAbsolute(relative) && segments[0] !== '..' && !segments.slice(0, -1).some((segment) => SKIPPED_FOLDERS.has(segment));
  });
}

/**
 * A file's text (without a BOM), or its size when it is too large to read
 * (bytes) or to keep (UTF-16 code units), or undefined when it is not a
 * regular file or cannot be read. The size is checked before anything is read.
 */
async function readFile(uri: string): Promise<string | number | undefined> {
  let handle;
  try {
    // Non-blocking: a FIFO named like a brief must not hold the read.
    handle = await open(fileURLToPath(uri), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (!stats.isFile()) return undefined;
    if (stats.size > MAX_FILE_BYTES) return stats.size;
    const text = (await handle.readFile('utf8')).replace(/^\uFEFF/, '');
    return text.length > MAX_TEXT_LENGTH ? text.length : text;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/**
 * Adds the accepted files under a folder to `found`: regular files, and
 * symbolic links to regular files inside the folder (folders.ts), SKIPPED_FOLDERS
 * and those deeper than the limit left out. Returns what stopped the search early or what it left
 * out, if anything.
 */
async function search(root: string, accept: (file: string) => boolean, found: Set<string>, limits: SearchLimits): Promise<string | undefined> {
  const deadline = Date.now() + limits.ms;
  const realRoot = await realpath(root).catch(() => root);
  let entries = 0;
  let files = 0;
  let tooDeep: string | undefined;
  const folders: { folder: string; depth: number }[] = [{ folder: root, depth: 0 }];
  while (folders.length > 0) {
    const { folder, depth } = folders.pop()!;
    if (Date.now() > deadline) return `stopped after ${limits.ms / 1000} s`;
    const listing = await readdir(folder, { withFileTypes: true }).catch(() => []);
    entries += listing.length;
    if (entries > limits.entries) return `stopped after ${limits.entries} entries`;
    for (const entry of listing) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        if (depth < limits.depth) folders.push({ folder: full, depth: depth + 1 });
        else tooDeep ??= full;
      } else if (accept(full) && (entry.isFile() || (entry.isSymbolicLink() && followsLink(full, realRoot)))) {
        if (++files > limits.files) return `stopped after ${limits.files} files`;
        found.add(full);
      }
    }
  }
  return tooDeep === undefined ? undefined : `left out the folders more than ${limits.depth} deep, such as ${tooDeep}`;
}
