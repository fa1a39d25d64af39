/**
 * The Node server's access to the workspace: files found by a walk of the
 * disk and read from it. A search is bounded (depth, entries, files, time;
 * those of profile paths much more tightly), and walks folders as `hire
 * check` does (folders.ts): the same folders skipped, symbolic links followed
 * only to files inside the folder searched. Only `file:` folders are searched.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { followsLink, SKIPPED_FOLDERS } from './folders';
import { PROFILE_SUFFIX } from './service/documents';
import { MAX_FILE_BYTES, MAX_TEXT_LENGTH } from './service/limits';
import type { ReadNow } from './briefReader';
import { isWorkspaceFileName, type FoundFiles, type WorkspaceFiles } from './workspace';

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

/** The workspace's files on disk. */
export const diskFiles: WorkspaceFiles = { find, read: readFile, isWorkspaceFile };

/**
 * Finds the briefs and profiles under folders (file URIs), and the profiles
 * of extra paths (folders searched for profiles only, or profile files;
 * relative paths resolve against each folder).
 */
async function find(folders: readonly string[], extraPaths: readonly string[]): Promise<FoundFiles> {
  const found = new Set<string>();
  const notes: string[] = [];
  const roots = folders.flatMap((folder) => (folder.startsWith('file:') ? [fileURLToPath(folder)] : []));
  for (const root of roots) {
    const stopped = await search(root, isWorkspaceFileName, found, WORKSPACE_LIMITS);
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

/** Whether a URI names a brief or profile a search of the workspace folders (file URIs) would find, depth aside. */
function isWorkspaceFile(uri: string, folders: readonly string[]): boolean {
  if (!uri.startsWith('file:') || !isWorkspaceFileName(uri)) return false;
  const file = fileURLToPath(uri);
  return folders.some((folder) => {
    if (!folder.startsWith('file:')) return false;
    const relative = path.relative(fileURLToPath(folder), file);
    const segments = relative.split(path.sep);
    return relative !== '' && !path.isAbsolute(relative) && segments[0] !== '..' && !segments.slice(0, -1).some((segment) => SKIPPED_FOLDERS.has(segment));
  });
}

/** A file's text, or its size (see WorkspaceFiles.read): only a regular file is read, after its size is checked. */
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
 * A file's text read at once (a scorecard's brief outside the workspace), as
 * `readFile` reads it: a regular file within the limits, else undefined. Its
 * modification time is its version, so that a file saved since is parsed again.
 */
export const readFileNow: ReadNow = (uri) => {
  if (!uri.startsWith('file:')) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(fileURLToPath(uri), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return undefined;
    const text = readFileSync(fd, 'utf8').replace(/^\uFEFF/, '');
    return text.length > MAX_TEXT_LENGTH ? undefined : { text, version: Math.floor(stats.mtimeMs) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

/**
 * Adds the accepted files under a folder to `found`: regular files, and
 * symbolic links to regular files inside the folder (folders.ts);
 * SKIPPED_FOLDERS and those deeper than the limit left out. Returns what
 * stopped the search early or what it left out, if anything.
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
