/**
 * Finding the files a command works on: named files as they are, folders
 * searched for briefs, glob patterns (`briefs/**\/*.hire.yaml`, quoted so
 * the shell leaves them) matched against the files under their fixed part.
 * Folders are searched as the language server searches them (folders.ts):
 * the same folders skipped, symbolic links followed only to files inside
 * the folder being searched, so a search never leaves it or loops.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { followsLink, SKIPPED_FOLDERS } from '../folders';
import { BRIEF_SUFFIX } from '../service/documents';

export { BRIEF_SUFFIX };

/** A path the user named that cannot be read. */
export class InputError extends Error {}

/** Characters that make a path a glob pattern. */
const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * The files under the given paths whose names end with one of the suffixes,
 * sorted within each folder. A named file is taken whatever its name, and so
 * is a file a glob pattern matches. Throws InputError for a path that does
 * not exist and for a pattern that matches no file.
 */
export function findFiles(paths: readonly string[], suffixes: readonly string[] = [BRIEF_SUFFIX]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    if (isPattern(given)) {
      const found = expandGlob(given);
      if (found.length === 0) throw new InputError(`${given}: matches no files`);
      for (const file of found) files.push(file);
      continue;
    }
    let stats;
    try {
      stats = statSync(given);
    } catch {
      throw new InputError(`${given}: no such file or folder`);
    }
    if (stats.isDirectory()) walk(given, realpathSync(given), endsWithOneOf(suffixes), files);
    else files.push(given);
  }
  return [...new Set(files)];
}

/** The files a glob pattern matches, searching below the pattern's fixed leading folders. */
function expandGlob(pattern: string): string[] {
  const segments = pattern.split(/[\\/]/);
  const fixed = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment));
  const base = segments.slice(0, fixed).join('/') || '.';
  if (!existsSync(base) || !statSync(base).isDirectory()) return [];
  const absolute = toSlashes(path.resolve(pattern));
  const files: string[] = [];
  walk(base, realpathSync(base), (file) => minimatch(toSlashes(path.resolve(file)), absolute), files);
  return files;
}

function toSlashes(file: string): string {
  return file.split(path.sep).join('/');
}

/** Whether a path the user gave is a glob pattern: it has glob characters and no file has it as its name. */
function isPattern(given: string): boolean {
  return GLOB_CHARACTERS.test(given) && !existsSync(given);
}

function endsWithOneOf(suffixes: readonly string[]): (file: string) => boolean {
  return (file) => suffixes.some((suffix) => path.basename(file).endsWith(suffix));
}

/** Adds the accepted files of a folder to `files`, sorted, and when `recursive` those of the folders below it (but SKIPPED_FOLDERS). */
function walk(folder: string, root: string, accept: (file: string) => boolean, files: string[], recursive = true): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    throw new InputError(`${folder}: cannot read this folder`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (recursive && !SKIPPED_FOLDERS.has(entry.name)) walk(full, root, accept, files);
    } else if (accept(full)) {
      if (entry.isFile() || (entry.isSymbolicLink() && followsLink(full, root))) files.push(full);
    }
  }
}

/** Whether a path the user gave names one file: not a folder, and not a glob pattern that no file has as its name. */
export function isFileArgument(given: string): boolean {
  if (isPattern(given)) return false;
  try {
    return !statSync(given).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The files in a file's own folder (not below it) whose names end with one of
 * the suffixes, sorted, the file itself included when its name does; symbolic
 * links only to files inside that folder, as in a folder search. None when the
 * folder cannot be read.
 */
export function filesBeside(file: string, suffixes: readonly string[]): string[] {
  const folder = path.dirname(file);
  const files: string[] = [];
  try {
    walk(folder, realpathSync(folder), endsWithOneOf(suffixes), files, false);
  } catch {
    return [];
  }
  return files;
}

/** A file's path relative to a folder, with `/` separators; undefined when the file is outside it. */
export function relativePath(file: string, folder: string): string | undefined {
  const relative = path.relative(folder, path.resolve(folder, file));
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return toSlashes(relative);
}
