/**
 * The reports of `hire check` that need nothing but the findings: the text
 * report, the JSON report and the counts by severity (SARIF and GitHub
 * annotations have files of their own).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName, type SeverityName } from '../service/codes';
import type { CheckedFile } from './checkFile';

/** Counts by severity, as in the JSON output's `summary`. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

/** A diagnostic's message as plain text. */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Counts the findings of checked files by severity. */
export function summarize(files: readonly CheckedFile[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, information: 0, hints: 0 };
  const field: Record<SeverityName, keyof Summary> = { error: 'errors', warning: 'warnings', information: 'information', hint: 'hints' };
  for (const file of files) for (const diagnostic of file.diagnostics) summary[field[severityName(diagnostic.severity)]]++;
  return summary;
}

/** The JSON report (docs/format.md, "The JSON report"). */
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
