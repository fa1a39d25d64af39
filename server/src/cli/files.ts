/**
 * Finding the files a command works on: named files as they are, folders
 * searched for briefs. Symbolic links are followed only to files inside the
 * folder being searched, so a search never leaves it or loops.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** File name endings of briefs. */
export const BRIEF_SUFFIX = '.hire.yaml';

/** Folders never searched. */
const SKIPPED = new Set(['node_modules', '.git']);

/** A path the user named that cannot be read. */
export class InputError extends Error {}

/**
 * The files under the given paths whose names end with one of the suffixes,
 * sorted within each folder. A named file is taken whatever its name.
 * Throws InputError for a path that does not exist.
 */
export function findFiles(paths: readonly string[], suffixes: readonly string[] = [BRIEF_SUFFIX]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    let stats;
    try {
      stats = statSync(given);
    } catch {
      throw new InputError(`${given}: no such file or folder`);
    }
    if (stats.isDirectory()) walk(given, realpathSync(given), suffixes, files);
    else files.push(given);
  }
  return [...new Set(files)];
}

function walk(folder: string, root: string, suffixes: readonly string[], files: string[]): void {
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
      if (!SKIPPED.has(entry.name)) walk(full, root, suffixes, files);
    } else if (suffixes.some((suffix) => entry.name.endsWith(suffix))) {
      if (entry.isFile() || (entry.isSymbolicLink() && linksToFileInside(full, root))) files.push(full);
    }
  }
}

function linksToFileInside(link: string, root: string): boolean {
  try {
    const target = realpathSync(link);
    return (target === root || target.startsWith(root + path.sep)) && statSync(target).isFile();
  } catch {
    return false;
  }
}
