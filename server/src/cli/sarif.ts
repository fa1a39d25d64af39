/**
 * The SARIF 2.1.0 report of `hire check --format sarif`, for GitHub code
 * scanning and other SARIF viewers: one rule per diagnostic code with its
 * help, one result per finding.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CODES, severityName, type SeverityName } from '../service/codes';
import type { CheckedFile } from './checkFile';
import { messageText } from './report';
import { relativePath } from './files';

/** Where users read about the tool; SARIF viewers link to it. */
export const INFORMATION_URI = 'https://github.com/hiring-briefs/hiring-briefs#command-line';

/** The base id that artifact URIs relative to the working folder name. */
export const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const levels: Record<SeverityName, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The SARIF log of checked files; paths are relative to `cwd` where they can be. */
export function formatSarif(files: readonly CheckedFile[], version: string, cwd: string = process.cwd()): string {
  const codes = Object.keys(CODES) as (keyof typeof CODES)[];
  const rules = codes.map((code) => {
    const help = CODES[code].help;
    return {
      id: code,
      shortDescription: { text: firstSentence(help) },
      fullDescription: { text: help },
      help: { text: help, markdown: help },
      defaultConfiguration: { level: levels[CODES[code].severity] },
    };
  });
  const results = files.flatMap((file) =>
    file.diagnostics.map((diagnostic) => ({
      ruleId: String(diagnostic.code),
      ruleIndex: codes.indexOf(diagnostic.code as keyof typeof CODES),
      level: levels[severityName(diagnostic.severity)],
      message: { text: messageText(diagnostic) },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.path, cwd), region: region(diagnostic) } }],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'hire', version, informationUri: INFORMATION_URI, rules } },
        // Said, not left to a reader's default: columns count UTF-16 code units, as LSP positions do.
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A 1-based SARIF region from an LSP range (columns in UTF-16 code units, SARIF's default). */
function region(diagnostic: Diagnostic) {
  const { start, end } = diagnostic.range;
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** A file inside the working folder relative to `%SRCROOT%`; others by absolute URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = relativePath(file, cwd);
  if (relative === undefined) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/.exec(text);
  return match ? match[0] : text;
}
