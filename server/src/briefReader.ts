/**
 * How the server gives the language service the brief a scorecard names: the
 * open document, else the workspace's indexed file, else, where the platform
 * can read a file at once (the Node server), the file itself: only a
 * `*.hire.yaml` file, so that a scorecard cannot have the server read any
 * other file it names (`brief: /etc/passwd` is an unknown brief).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BRIEF_SUFFIX } from './service/documents';
import { BRIEF_LANGUAGE_ID } from './service/names';

/** Where the server finds documents it already holds. */
export interface HeldDocuments {
  get(uri: string): TextDocument | undefined;
}

/** A file's text read at once, with a version that changes when the file does; undefined when it cannot be read. */
export type ReadNow = (uri: string) => { readonly text: string; readonly version: number } | undefined;

/** A reader of briefs by URI for the language service's `readBrief`. */
export function briefReader(held: HeldDocuments, readNow?: ReadNow): (uri: string) => TextDocument | undefined {
  return (uri) => {
    const document = held.get(uri);
    if (document) return document;
    const file = uri.endsWith(BRIEF_SUFFIX) ? readNow?.(uri) : undefined;
    return file && TextDocument.create(uri, BRIEF_LANGUAGE_ID, file.version, file.text);
  };
}
