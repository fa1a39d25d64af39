/** Test helpers: documents from text, with `|` marking a cursor. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

/** The repository's root folder. */
export const ROOT = path.resolve(__dirname, '../..');

/** A brief document with the given text. */
export function brief(text: string, uri = 'file:///test/brief.hire.yaml', version = 1): TextDocument {
  return TextDocument.create(uri, 'hire-yaml', version, text);
}

/** A sample from `samples/` as a document. */
export function sample(name: string): TextDocument {
  const file = path.join(ROOT, 'samples', name);
  return brief(readFileSync(file, 'utf8'), `file://${file}`);
}

/** A document from text holding one `|`, and the position of that cursor. */
export function withCursor(text: string): { document: TextDocument; position: Position; offset: number } {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('no | cursor in the text');
  const document = brief(text.slice(0, offset) + text.slice(offset + 1));
  return { document, position: document.positionAt(offset), offset };
}

/** The text a range covers. */
export function textAt(document: TextDocument, range: { start: Position; end: Position }): string {
  return document.getText(range);
}
