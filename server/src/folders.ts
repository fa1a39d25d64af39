/**
 * How `hire check` and the language server search folders, defined once so
 * that both find the same briefs and profiles in the same folder: the
 * folders never searched, and the rule for symbolic links. A symbolic link
 * is followed only when it leads to a regular file inside the folder being
 * searched: never to a folder (so a search cannot loop) and never out of the
 * folder. Files over MAX_FILE_BYTES are found like any other; neither side
 * reads them (`hire check` reports them as too large, the server indexes
 * them by their size).
 */
import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';

// Folders never searched: defined where the browser's client can use it too.
export { SKIPPED_FOLDERS } from './skipped';

/** Whether a file is a folder or below it (both real paths). */
export function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

/** Whether a search of `root` (its real path) follows a symbolic link: only to a regular file inside `root`. */
export function followsLink(link: string, root: string): boolean {
  try {
    const target = realpathSync(link);
    return isInside(target, root) && statSync(target).isFile();
  } catch {
    return false;
  }
}
