/**
 * `hire check`: read briefs, run the language service on each, and report
 * the findings as text or JSON.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName, type SeverityName } from '../service/codes';
import type { LanguageService, ValidationSettings } from '../service/languageService';
import { InputError } from './files';

/** The findings of one file. */
export interface CheckedFile {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Counts by severity, as in the JSON output's `summary`. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a file as UTF-8 text (without a BOM); throws InputError when it cannot. */
export function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${file}: is not UTF-8 text; save it as UTF-8`);
  }
}

/** Checks one brief's text. */
export function checkText(service: LanguageService, path: string, text: string, settings: ValidationSettings): CheckedFile {
  const document = TextDocument.create(pathToFileURL(resolve(path)).href, 'hire-yaml', 1, text);
  const diagnostics = service.validate(document, settings);
  service.close(document.uri);
  return { path, diagnostics };
}

/** Counts the findings of checked files by severity. */
export function summarize(files: readonly CheckedFile[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, information: 0, hints: 0 };
  const field: Record<SeverityName, keyof Summary> = { error: 'errors', warning: 'warnings', information: 'information', hint: 'hints' };
  for (const file of files) for (const diagnostic of file.diagnostics) summary[field[severityName(diagnostic.severity)]]++;
  return summary;
}

/** The JSON report of FORMAT.md. */
export function formatJson(files: readonly CheckedFile[]): string {
  const report = {
    version: 1,
    files: files.map((file) => ({
      path: file.path,
      diagnostics: file.diagnostics.map((diagnostic) => ({
        code: diagnostic.code,
        severity: severityName(diagnostic.severity),
        message: diagnostic.message,
        range: diagnostic.range,
        ...(diagnostic.data !== undefined ? { data: diagnostic.data } : {}),
      })),
    })),
    summary: summarize(files),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

const colors: Record<SeverityName, string> = { error: '31', warning: '33', information: '36', hint: '90' };

/** The human report: `path:line:col severity code message` a finding, then a summary line. */
export function formatText(files: readonly CheckedFile[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      const { line, character } = diagnostic.range.start;
      const severity = severityName(diagnostic.severity);
      lines.push(`${file.path}:${line + 1}:${character + 1} ${paint(colors[severity], severity)} ${paint('2', String(diagnostic.code))} ${diagnostic.message}`);
    }
  }
  lines.push(summaryLine(summarize(files)));
  return `${lines.join('\n')}\n`;
}

function summaryLine(summary: Summary): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return `${count(summary.files, 'file')} checked: ${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}, ${summary.information} information, ${count(summary.hints, 'hint')}.`;
}
