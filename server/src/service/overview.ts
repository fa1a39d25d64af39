/**
 * The workspace overview: for each brief, its role and profile and what it
 * still lacks, counted from its findings. The "Hiring Briefs" view shows it.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { readBrief, sectionText } from './model';
import type { ParsedDocument } from './parse';

/** One brief as the overview lists it. */
export interface BriefOverview {
  readonly uri: string;
  /** The `role` value, when it is text. */
  readonly role?: string;
  /** The `profile` value, when it is text (known or not). */
  readonly profile?: string;
  /** How many sections, skills and questions the profile asks for that the brief lacks (`missing-*` findings). */
  readonly missing: { readonly sections: number; readonly skills: number; readonly questions: number };
  /** Findings by severity, with the user's severities applied. */
  readonly errors: number;
  readonly warnings: number;
}

/** The overview of one brief from its parse and its findings. */
export function overviewOf(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): BriefOverview {
  const brief = readBrief(parsed);
  const count = (test: (diagnostic: Diagnostic) => boolean) => diagnostics.filter(test).length;
  return {
    uri: parsed.uri,
    role: sectionText(brief, 'role'),
    profile: sectionText(brief, 'profile'),
    missing: {
      sections: count((diagnostic) => diagnostic.code === 'missing-section'),
      skills: count((diagnostic) => diagnostic.code === 'missing-skill'),
      questions: count((diagnostic) => diagnostic.code === 'missing-question'),
    },
    errors: count((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error),
    warnings: count((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning),
  };
}
