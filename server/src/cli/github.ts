/**
 * GitHub Actions workflow commands for `hire check --format github`: one
 * `::error`, `::warning` or `::notice` line a finding, which GitHub shows as
 * annotations on the pull request.
 */
import { severityName, type SeverityName } from '../service/codes';
import type { CheckedFile } from './checkFile';
import { messageText } from './report';
import { relativePath } from './files';

const commands: Record<SeverityName, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** The annotation lines of checked files; paths are relative to `cwd` where they can be. */
export function formatGithub(files: readonly CheckedFile[], cwd: string = process.cwd()): string {
  const lines: string[] = [];
  for (const file of files) {
    const shown = relativePath(file.path, cwd) ?? file.path;
    for (const diagnostic of file.diagnostics) {
      const { start, end } = diagnostic.range;
      const properties = [
        ['file', shown],
        ['line', start.line + 1],
        ['col', start.character + 1],
        ['endLine', end.line + 1],
        ['endColumn', end.character + 1],
        ['title', String(diagnostic.code)],
      ].map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
      lines.push(`::${commands[severityName(diagnostic.severity)]} ${properties.join(',')}::${escapeData(messageText(diagnostic))}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** Escapes a command's message as GitHub's toolkit does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property's value as GitHub's toolkit does. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
