/**
 * The folders a search for briefs and profiles never enters, on every
 * platform: the disk walks of `hire check` and the Node server (folders.ts)
 * and the browser client's `vscode.workspace.findFiles`. Imports nothing, so
 * the browser's bundles can use it.
 */

/** Folders never searched. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);
