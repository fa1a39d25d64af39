/**
 * Checking one brief or profile: its text through the language service, or
 * the one finding of a file too large to read. `hire check` and its worker
 * threads both use it.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { tooLargeDiagnostics, type LanguageService, type ValidationSettings } from '../service/languageService';
import { FileTooLargeError, readText } from './read';

/** The findings of one file. */
export interface CheckedFile {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Checks one file or standard input (`-`), shown as `path`: its findings, or the one finding of a file too large to read. */
export function checkFile(service: LanguageService, file: string, path: string, settings: ValidationSettings): CheckedFile {
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    if (error instanceof FileTooLargeError) return { path, diagnostics: tooLargeDiagnostics(error.size, settings, error.exact) };
    throw error;
  }
  return checkText(service, path, text, settings);
}

/** Checks one brief's text. */
export function checkText(service: LanguageService, path: string, text: string, settings: ValidationSettings): CheckedFile {
  const document = TextDocument.create(pathToFileURL(resolve(path)).href, 'hire-yaml', 1, text);
  const diagnostics = service.validate(document, settings);
  service.close(document.uri);
  return { path, diagnostics };
}
