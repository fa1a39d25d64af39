/**
 * The server's index of the workspace: every brief (`*.hire.yaml`) and role
 * profile (`*.hire-profile.yaml`) under the workspace folders, and the
 * profiles of the `hire.profiles.paths` setting, each as a document read from
 * disk. An open document takes the place of its file. The language service
 * gets these documents as input; this module only finds and reads files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BRIEF_LANGUAGE_ID, PROFILE_LANGUAGE_ID } from './protocol';
import { BRIEF_SUFFIX, isProfileDocument, PROFILE_SUFFIX } from './service/documents';

/** Workspaces with at least this many briefs and profiles show progress while they are read. */
export const WORKSPACE_PROGRESS_MIN_FILES = 100;

/** Folders never searched. */
const SKIPPED = new Set(['node_modules', '.git']);

/** Files are read this many at a time between progress reports. */
const BATCH = 50;

/** What the index needs from the server: the open documents. */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** The workspace's briefs and profiles: from disk, open documents over their files. */
export class WorkspaceIndex {
  private readonly files = new Map<string, TextDocument>();
  /** A version for each read from disk, so that a re-read file never reuses a parse. */
  private reads = 0;

  constructor(private readonly open: OpenDocuments) {}

  /**
   * Finds the briefs and profiles under folders (file URIs), and the profiles
   * of extra paths (folders searched for profiles only, or profile files;
   * relative paths resolve against each folder).
   */
  static async find(folders: readonly string[], extraPaths: readonly string[] = []): Promise<string[]> {
    const found = new Set<string>();
    const roots = folders.flatMap((folder) => (folder.startsWith('file:') ? [fileURLToPath(folder)] : []));
    for (const root of roots) await walk(root, (file) => file.endsWith(BRIEF_SUFFIX) || file.endsWith(PROFILE_SUFFIX), found);
    for (const extra of extraPaths) {
      for (const base of path.isAbsolute(extra) ? [''] : roots) {
        const target = path.resolve(base, extra);
        const stats = await stat(target).catch(() => undefined);
        if (stats?.isDirectory()) await walk(target, (file) => file.endsWith(PROFILE_SUFFIX), found);
        else if (stats?.isFile()) found.add(target);
      }
    }
    return [...found].sort().map((file) => pathToFileURL(file).href);
  }

  /**
   * Replaces the indexed files with these (URIs), reading them from disk
   * `BATCH` at a time; `progress` hears how many are read.
   */
  async replace(uris: readonly string[], progress?: (done: number, total: number) => void): Promise<void> {
    const wanted = new Set(uris);
    for (const uri of [...this.files.keys()]) if (!wanted.has(uri)) this.files.delete(uri);
    for (let start = 0; start < uris.length; start += BATCH) {
      await Promise.all(uris.slice(start, start + BATCH).map((uri) => this.load(uri)));
      progress?.(Math.min(uris.length, start + BATCH), uris.length);
    }
  }

  /** Reads (or re-reads) one file; forgets it when it cannot be read. Returns its document. */
  async load(uri: string): Promise<TextDocument | undefined> {
    try {
      const text = (await readFile(fileURLToPath(uri), 'utf8')).replace(/^\uFEFF/, '');
      const languageId = isProfileDocument({ uri }) ? PROFILE_LANGUAGE_ID : BRIEF_LANGUAGE_ID;
      const document = TextDocument.create(uri, languageId, ++this.reads, text);
      this.files.set(uri, document);
      return document;
    } catch {
      this.files.delete(uri);
      return undefined;
    }
  }

  /** Forgets a file. */
  delete(uri: string): void {
    this.files.delete(uri);
  }

  /** Whether a file is indexed (on disk). */
  has(uri: string): boolean {
    return this.files.has(uri);
  }

  /** A file as read from disk, ignoring any open document. */
  onDisk(uri: string): TextDocument | undefined {
    return this.files.get(uri);
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

  /** The indexed files that are not open: those whose findings the server reports on its own. */
  closed(): TextDocument[] {
    return [...this.files.values()].filter((document) => !this.open.get(document.uri));
  }
}

async function walk(folder: string, accept: (file: string) => boolean, found: Set<string>): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) await walk(full, accept, found);
    } else if (entry.isFile() && accept(full)) {
      found.add(full);
    }
  }
}
