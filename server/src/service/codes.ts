/**
 * The diagnostic codes of docs/format.md, their default severities and help, and
 * the user's severity overrides. One table, read by the server, the CLI and
 * the SARIF writer.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { MAX_FINDINGS } from './limits';

/** A severity as users write it (settings, CLI, JSON output). */
export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

/** A user's severity for a code: a level, or `off`. */
export type SeverityLevel = SeverityName | 'off';

/** Per-code severity overrides, as in the `hire.diagnostics.severity` setting. */
export type SeverityOverrides = Readonly<Record<string, SeverityLevel>>;

/** The diagnostic source of every finding. */
export const SOURCE = 'hire';

/** Every code, its default severity and a sentence of help. */
export const CODES = {
  'yaml-syntax': { severity: 'error', help: 'The YAML does not parse. Fix the syntax at the position shown.' },
  'not-a-brief': { severity: 'error', help: 'A brief is one YAML document whose root is a mapping that starts with `hire: 1`.' },
  schema: { severity: 'error', help: 'A value, key or missing property does not match the brief format (schemas/hire.schema.json).' },
  'unknown-profile': { severity: 'error', help: '`profile` names no built-in or workspace profile.' },
  'duplicate-id': { severity: 'error', help: 'Two skills or two questions share an id; ids must be unique in their list.' },
  'missing-section': { severity: 'warning', help: 'The profile asks for a section the brief lacks. Add it, or waive it with a reason.' },
  'missing-skill': { severity: 'warning', help: 'A skill the profile requires is not in `skills`. Add it, or waive it with a reason.' },
  'missing-question': { severity: 'warning', help: 'An interview question of the profile is not in `questions`. Add it, or waive it with a reason.' },
  'unassessed-skill': { severity: 'information', help: 'A required skill has no `evidence` and no question `assesses` it: say how you will know.' },
  'unknown-skill': { severity: 'warning', help: '`assesses` (or a scorecard\'s `skills`) names a skill that neither the brief nor its profile defines.' },
  'rate-over-max': { severity: 'warning', help: '`rate.amount` is above `rate.max`, the most you said you would pay.' },
  'no-workspace': { severity: 'warning', help: 'The guide warns against expecting a coordinator to work without an office: give them space and tools.' },
  'placeholder': { severity: 'warning', help: 'A value still holds scaffold text (TODO, TBD, To be confirmed, Untitled production, ...): replace it with what the brief means.' },
  'empty-authority': { severity: 'warning', help: '`authority` lists no issue under `decides` or `escalates`: say which issues they resolve themselves and which they pass up.' },
  'no-hours': { severity: 'warning', help: '`rate` does not say how many hours a unit of `per` covers (`hours`): a rate means little without the hours it buys.' },
  'no-ceiling': { severity: 'information', help: '`rate` has no `max`: decide what the work is worth to you before a quote comes in.' },
  'no-tools': { severity: 'warning', help: '`workspace` lists no `tools`: a place to work is half of it; say what they will work with.' },
  'unknown-waive': { severity: 'warning', help: 'A `waive` key names no section, skill or question of the brief or its profile, so it waives nothing.' },
  'dates-order': { severity: 'error', help: '`project.end` is before `project.start`.' },
  'no-profile': { severity: 'information', help: 'The role matches a known profile: name it in `profile` to get its checks.' },
  'coded-wording': { severity: 'information', help: 'A candidate-facing field uses a gender-coded word.' },
  'profile-extends': { severity: 'error', help: 'A profile `extends` an unknown profile, the chain makes a cycle, or it is more than 32 profiles deep.' },
  'duplicate-profile': { severity: 'error', help: 'Two profiles share an id.' },
  'no-rubric': { severity: 'information', help: 'A required question has no `rubric` of its own or from the profile: say what an answer at 1, 3 and 5 sounds like.' },
  'unknown-brief': { severity: 'error', help: 'A scorecard\'s `brief` names no readable brief (a path relative to the scorecard).' },
  'unknown-question': { severity: 'error', help: 'A scorecard rates a question its brief does not have (after inheritance).' },
  'unrated-question': { severity: 'warning', help: 'A required, not waived question of the brief has no rating in the scorecard.' },
  'quote-over-max': { severity: 'warning', help: 'The quote is in the brief\'s currency and unit, and above its `rate.max`.' },
  'hidden-text': { severity: 'warning', help: 'A value holds a bidirectional control or another invisible format character: it reads differently from what it is (Trojan Source).' },
} as const satisfies Record<string, { severity: SeverityName; help: string }>;

/** A diagnostic code (docs/format.md, "Findings"). */
export type DiagnosticCode = keyof typeof CODES;

/** Whether a string is a known diagnostic code. */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(CODES, code);
}

const toLsp: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The LSP severity of a severity name. */
export function severityFromName(name: SeverityName): DiagnosticSeverity {
  return toLsp[name];
}

/** The name of an LSP severity. */
export function severityName(severity: DiagnosticSeverity | undefined): SeverityName {
  switch (severity) {
    case DiagnosticSeverity.Warning: return 'warning';
    case DiagnosticSeverity.Information: return 'information';
    case DiagnosticSeverity.Hint: return 'hint';
    default: return 'error';
  }
}

/** Whether a string is a severity level a user may set. */
export function isSeverityLevel(level: string): level is SeverityLevel {
  return level === 'off' || Object.hasOwn(toLsp, level);
}

/**
 * Applies a user's overrides: changes severities and drops codes set to `off`.
 * Unknown codes and levels in the overrides are ignored.
 */
export function applySeverities(diagnostics: Diagnostic[], overrides: SeverityOverrides | undefined): Diagnostic[] {
  if (!overrides || Object.keys(overrides).length === 0) return diagnostics;
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const level = typeof diagnostic.code === 'string' && Object.hasOwn(overrides, diagnostic.code) ? overrides[diagnostic.code] : undefined;
    if (level === 'off') continue;
    result.push(level && isSeverityLevel(level) ? { ...diagnostic, severity: toLsp[level] } : diagnostic);
  }
  return result;
}

/**
 * A file's findings, at most MAX_FINDINGS of them: past that, the first
 * MAX_FINDINGS - 1 in order and a last one, where the next would be, that
 * says how many more there are of each code, as severe as the most severe of
 * them (so an error is never lost from the count of a file with errors).
 */
export function capFindings(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_FINDINGS) return diagnostics;
  const kept = diagnostics.slice(0, MAX_FINDINGS - 1);
  const more = diagnostics.length - kept.length;
  const byCode = new Map<string, number>();
  let severity: DiagnosticSeverity = DiagnosticSeverity.Hint;
  for (let index = kept.length; index < diagnostics.length; index++) {
    const { code, severity: level = DiagnosticSeverity.Error } = diagnostics[index];
    byCode.set(String(code), (byCode.get(String(code)) ?? 0) + 1);
    severity = Math.min(severity, level) as DiagnosticSeverity;
  }
  const counts = [...byCode].sort((a, b) => b[1] - a[1]);
  const code = counts[0][0];
  const number = (count: number) => count.toLocaleString('en-US');
  const what = counts.length === 1 ? `${number(more)} more ${code} findings` : `${number(more)} more findings (${counts.map(([name, count]) => `${number(count)} ${name}`).join(', ')})`;
  const message = `${what} in this file are not listed: only the first ${number(kept.length)} are. A brief has a few; fix those above, or look for pasted data.`;
  kept.push({ range: diagnostics[kept.length].range, severity, code, source: SOURCE, message });
  return kept;
}

/** A diagnostic of ours, with the code's default severity unless one is given. */
export function createDiagnostic(
  range: Diagnostic['range'],
  code: DiagnosticCode,
  message: string,
  data?: unknown,
  severity: SeverityName = CODES[code].severity,
): Diagnostic {
  const diagnostic: Diagnostic = { range, severity: toLsp[severity], code, source: SOURCE, message };
  if (data !== undefined) diagnostic.data = data;
  return diagnostic;
}
