/**
 * The workspace's briefs and profiles for the language server in the
 * browser, which has no disk: it asks, and the client finds them
 * (`vscode.workspace.findFiles`) and reads them (`vscode.workspace.fs`), so
 * virtual folders (github.dev, vscode.dev) work like any other. Searches are
 * bounded as the Node server's walk is: files found and time, and
 * `node_modules` and `.git` are skipped.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FindFilesRequest, ReadFileRequest, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from '../../server/src/protocol';
import { PROFILE_SUFFIX } from '../../server/src/service/documents';
import { SKIPPED_FOLDERS } from '../../server/src/skipped';

/** The briefs, profiles and scorecards of a folder. */
const WORKSPACE_FILES = '**/*.{hire.yaml,hire-profile.yaml,hire-score.yaml}';

/** The profiles of a folder of `hire.profiles.paths`. */
const PROFILES = `**/*${PROFILE_SUFFIX}`;

/** Folders never searched, as a glob. */
const SKIPPED = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;

/** How far one search goes: files found, and milliseconds. */
interface SearchLimits {
  readonly files: number;
  readonly ms: number;
}

/** The limits of a search of a workspace folder (those of the Node server's walk). */
const WORKSPACE_LIMITS: SearchLimits = { files: 200_000, ms: 30_000 };

/** The limits of a search of a folder of `hire.profiles.paths`. */
const PROFILE_PATH_LIMITS: SearchLimits = { files: 1_000, ms: 5_000 };

/** Answers the server's `hire/findFiles` and `hire/readFile`. */
export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    client.onRequest(FindFilesRequest.type, (params) => findFiles(params)),
    client.onRequest(ReadFileRequest.type, (params) => readFile(params)),
  );
}

/** The briefs and profiles of the folders, and the profiles of the extra paths (relative to each folder; absolute ones on each folder's file system). */
export async function findFiles({ folders, paths }: FindFilesParams): Promise<FindFilesResult> {
  const found = new Set<string>();
  const external = new Set<string>();
  const notes: string[] = [];
  const roots = folders.map((folder) => vscode.Uri.parse(folder));
  for (const root of roots) {
    const stopped = await search(root, WORKSPACE_FILES, found, WORKSPACE_LIMITS);
    if (stopped) notes.push(`Searching ${root.toString(true)} for briefs: ${stopped}.`);
  }
  for (const extra of paths) {
    for (const root of roots) {
      const target = extra.startsWith('/') ? root.with({ path: extra }) : vscode.Uri.joinPath(root, extra);
      const stats = await Promise.resolve(vscode.workspace.fs.stat(target)).catch(() => undefined);
      if (!stats) continue;
      if (stats.type & vscode.FileType.Directory) {
        const stopped = await search(target, PROFILES, external, PROFILE_PATH_LIMITS);
        if (stopped) notes.push(`Searching ${target.toString(true)} (hire.profiles.paths) for profiles: ${stopped}.`);
      } else if ((stats.type & vscode.FileType.File) && target.path.endsWith(PROFILE_SUFFIX)) {
        external.add(target.toString());
      } else {
        notes.push(`${target.toString(true)} (hire.profiles.paths) is neither a folder nor a *${PROFILE_SUFFIX} file: not read.`);
      }
      if (extra.startsWith('/')) break;
    }
  }
  return { files: [...found].sort(), external: [...external].filter((uri) => !found.has(uri)).sort(), notes };
}

/** Adds the files under a folder that match a pattern to `found`; returns what cut the search short, if anything. */
async function search(folder: vscode.Uri, pattern: string, found: Set<string>, limits: SearchLimits): Promise<string | undefined> {
  const cancel = new vscode.CancellationTokenSource();
  const timer = setTimeout(() => cancel.cancel(), limits.ms);
  try {
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), SKIPPED, limits.files + 1, cancel.token);
    for (const file of files.slice(0, limits.files)) found.add(file.toString());
    if (cancel.token.isCancellationRequested) return `stopped after ${limits.ms / 1000} s`;
    return files.length > limits.files ? `stopped after ${limits.files} files` : undefined;
  } finally {
    clearTimeout(timer);
    cancel.dispose();
  }
}

/** A file's text, or its size when it is too large, or null (see ReadFileResult); its size is checked before it is read. */
export async function readFile({ uri, maxBytes, maxLength }: ReadFileParams): Promise<ReadFileResult> {
  try {
    const target = vscode.Uri.parse(uri);
    const stats = await vscode.workspace.fs.stat(target);
    if (!(stats.type & vscode.FileType.File)) return null;
    if (stats.size > maxBytes) return stats.size;
    // TextDecoder drops a UTF-8 BOM.
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    return text.length > maxLength ? text.length : text;
  } catch {
    return null;
  }
}
