/** Test helpers for completion: ask at a `|` cursor, apply an item as an editor would. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService } from '../../server/src/service/languageService';
import { snippetToText } from '../../server/src/service/snippets';
import { withCursor } from './documents';

const defaultService = getLanguageService();

/** The completion items at the `|` cursor of a text. */
export function completionsAt(text: string, service: LanguageService = defaultService): CompletionItem[] {
  const { document, position } = withCursor(text);
  return service.doComplete(document, position).items;
}

/** The labels of the completions at the `|` cursor, in order. */
export function labelsAt(text: string, service: LanguageService = defaultService): string[] {
  return completionsAt(text, service).map((item) => item.label);
}

/**
 * The whole text after accepting the completion with this label at the `|`
 * cursor: its edit applied, snippet placeholders replaced by their defaults
 * (the first choice of a choice), tab stops removed.
 */
export function applyCompletion(text: string, label: string, service: LanguageService = defaultService): string {
  const { document, position } = withCursor(text);
  const item = service.doComplete(document, position).items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no completion '${label}' at the cursor`);
  const edit = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? snippetText(edit.newText) : edit.newText;
  return TextDocument.applyEdits(document, [{ range: edit.range, newText }]);
}

/** A snippet as the text it inserts before the user edits it (tested on its own in test/service/snippets.test.ts). */
export const snippetText = snippetToText;
