/**
 * The browser server's access to the workspace: it has no disk, so the
 * client finds the files (`hire/findFiles`) and reads them (`hire/readFile`)
 * through the editor, which reaches virtual folders (github.dev, vscode.dev)
 * as well as any other.
 */
import type { Connection } from 'vscode-languageserver';
import { FindFilesRequest, ReadFileRequest } from './protocol';
import { MAX_FILE_BYTES, MAX_TEXT_LENGTH } from './service/limits';
import { SKIPPED_FOLDERS } from './skipped';
import { isWorkspaceFileName, type WorkspaceFiles } from './workspace';

/** The workspace's files, as the client finds and reads them. */
export function clientFiles(connection: Connection): WorkspaceFiles {
  return {
    find: (folders, paths) => connection.sendRequest(FindFilesRequest.type, { folders, paths }),
    read: async (uri) => (await connection.sendRequest(ReadFileRequest.type, { uri, maxBytes: MAX_FILE_BYTES, maxLength: MAX_TEXT_LENGTH })) ?? undefined,
    isWorkspaceFile: isFolderFile,
  };
}

/**
 * Whether a URI names a brief or profile inside one of the folders (URIs of
 * any scheme, compared as the editor writes them), outside the folders
 * never searched.
 */
export function isFolderFile(uri: string, folders: readonly string[]): boolean {
  if (!isWorkspaceFileName(uri)) return false;
  return folders.some((folder) => {
    const base = folder.endsWith('/') ? folder : `${folder}/`;
    if (!uri.startsWith(base)) return false;
    const segments = uri.slice(base.length).split('/');
    return !segments.slice(0, -1).some((segment) => SKIPPED_FOLDERS.has(segment));
  });
}
