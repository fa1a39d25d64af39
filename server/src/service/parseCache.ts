/**
 * The parse cache: the parse of each open document's latest version. Apart
 * from parse.ts, so that the incremental parser, which reads parse.ts, sits
 * between them.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { reparse } from './incremental';
import { MAX_TEXT_LENGTH } from './limits';
import { parseText, type ParsedDocument } from './parse';

/**
 * Keeps the parse of each open document's latest version. A new version is
 * parsed incrementally from the previous one when that is sound (see
 * incremental.ts), which updates the previous version's tree in place.
 */
export class ParseCache {
  private readonly entries = new Map<string, ParsedDocument>();

  /** The parse of this document version, parsing only if the version is new. */
  get(document: TextDocument): ParsedDocument {
    const cached = this.entries.get(document.uri);
    const text = document.getText();
    // Same version and same text: a reused URI (tests, the CLI) must never see another text's parse.
    if (cached && cached.version === document.version && cached.text === text) return cached;
    const parsed = (cached && text.length <= MAX_TEXT_LENGTH && reparse(cached, document.version, text)) || parseText(document.uri, document.version, text);
    this.entries.set(document.uri, parsed);
    return parsed;
  }

  /** Drops a closed document; returns the parse it held. */
  delete(uri: string): ParsedDocument | undefined {
    const parsed = this.entries.get(uri);
    this.entries.delete(uri);
    return parsed;
  }
}
