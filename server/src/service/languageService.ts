/**
 * The Hiring Briefs language service: every feature as a function over a
 * `TextDocument`, returning LSP types. No connection, no editor: the server
 * and the CLI both call it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { readBrief } from './brief';
import { applySeverities, createDiagnostic, type SeverityOverrides } from './codes';
import { firstLine, nodeSpan, ParseCache, toRange, type ParsedDocument } from './parse';
import { ProfileRegistry } from './profiles';
import { checkRules } from './rules';
import { validateSchema } from './validation';

/** What the service needs from its host. */
export interface LanguageServiceOptions {
  /** The profiles briefs may name; the built-in ones by default. */
  readonly profiles?: ProfileRegistry;
}

/** Options of one validation. */
export interface ValidationSettings {
  /** Per-code severity overrides (`hire.diagnostics.severity`). */
  readonly severity?: SeverityOverrides;
}

/** The features of the language service. */
export interface LanguageService {
  /** The profiles this service checks against. */
  readonly profiles: ProfileRegistry;
  /** The parse of a document version (cached: one parse per version). */
  parse(document: TextDocument): ParsedDocument;
  /** Forgets a closed document. */
  close(uri: string): void;
  /** Every finding for a brief, with the user's severities applied. */
  validate(document: TextDocument, settings?: ValidationSettings): Diagnostic[];
}

/** Creates a language service. */
export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const profiles = options.profiles ?? ProfileRegistry.withBuiltins();
  const cache = new ParseCache();
  return {
    profiles,
    parse: (document) => cache.get(document),
    close: (uri) => cache.delete(uri),
    validate: (document, settings = {}) => applySeverities(validateBrief(document, cache.get(document), profiles), settings.severity),
  };
}

/** The findings of a brief at their default severities. */
export function validateBrief(document: TextDocument, parsed: ParsedDocument, profiles: ProfileRegistry): Diagnostic[] {
  const diagnostics: Diagnostic[] = parsed.problems.map((problem) =>
    createDiagnostic(toRange(document, problem.span), 'yaml-syntax', problem.message, undefined, problem.severity),
  );
  for (const extra of parsed.extraDocuments) {
    const start = extra.range[0];
    diagnostics.push(
      createDiagnostic(
        toRange(document, firstLine(parsed.text, { start, end: Math.max(start, extra.range[1]) })),
        'not-a-brief',
        'A brief is one YAML document: move this document to a file of its own, or remove the `---` that starts it.',
      ),
    );
  }
  if (diagnostics.some((diagnostic) => diagnostic.code === 'yaml-syntax' && diagnostic.severity === 1)) return diagnostics;

  const brief = readBrief(parsed);
  if (!brief) {
    const root = parsed.yaml?.contents;
    const span = nodeSpan(root);
    const what = !root ? 'empty' : 'not a mapping';
    diagnostics.push(
      createDiagnostic(
        toRange(document, span && span.end > span.start ? firstLine(parsed.text, span) : { start: 0, end: 0 }),
        'not-a-brief',
        `This brief is ${what}: a brief is a YAML mapping of keys such as \`hire: 1\`, \`role\`, \`profile\` and \`questions\`.`,
      ),
    );
    return diagnostics;
  }
  diagnostics.push(...validateSchema(document, parsed), ...checkRules(document, parsed.text, brief, profiles));
  return diagnostics.sort(byPosition);
}

/** Orders diagnostics by where they start, keeping the order of findings at one place. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
