/**
 * How the server gives the language service the brief a scorecard names: the
 * open document, else the workspace's indexed file, else the file read from
 * disk now (a `file:` URI, within MAX_FILE_BYTES, UTF-8).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BRIEF_LANGUAGE_ID } from './protocol';
import { MAX_FILE_BYTES } from './service/limits';

/** Where the server finds documents it already holds. */
export interface HeldDocuments {
  get(uri: string): TextDocument | undefined;
}

/** A reader of briefs by URI for the language service's `readBrief`. */
export function briefReader(held: HeldDocuments): (uri: string) => TextDocument | undefined {
  return (uri) => held.get(uri) ?? readFromDisk(uri);
}

/** The file of a `file:` URI as a brief document; undefined when it cannot be read, is too large or is not UTF-8. */
function readFromDisk(uri: string): TextDocument | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(fileURLToPath(uri), 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return undefined;
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, null);
      if (count === 0) break;
      read += count;
    }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, read)).replace(/^\uFEFF/, '');
    // The modification time as the version: a file saved since is parsed again.
    return TextDocument.create(uri, BRIEF_LANGUAGE_ID, Math.floor(stats.mtimeMs), text);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
