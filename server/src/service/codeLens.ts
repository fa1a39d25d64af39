/**
 * Code lenses above `questions:` and `skills:`: how much of what the profile
 * asks for the brief covers, counted from the document's diagnostics, with a
 * command that adds what is missing.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-types';
import { isMissing, type AddMissingScope } from './codeActions';
import { readBrief, resolveBrief, type Brief } from './model';
import { ADD_MISSING_COMMAND, type AddMissingArguments } from './names';
import { hasSyntaxErrors, nodeSpan, toRange, type ParsedDocument } from './parse';
import type { ProfileRegistry } from './profiles';
import type { MissingData } from './rules';

/** The lenses of a brief whose profile is known, from its current diagnostics. */
export function getCodeLenses(document: TextDocument, parsed: ParsedDocument, profiles: ProfileRegistry, diagnostics: readonly Diagnostic[]): CodeLens[] {
  // A brief that does not parse is not checked against its profile: there is nothing to count.
  if (hasSyntaxErrors(parsed)) return [];
  const brief = readBrief(parsed);
  const profile = brief && resolveBrief(brief, profiles).profile;
  if (!brief || !profile) return [];
  const missing = (code: string, priority?: string) =>
    diagnostics.filter((diagnostic) => diagnostic.code === code && (priority === undefined || (diagnostic.data as MissingData | undefined)?.priority === priority)).length;
  /** The ids waived one by one, or absent from a waived section. */
  const waived = (ids: readonly string[], section: 'skills' | 'questions') => {
    const present = new Set((section === 'skills' ? brief.skills : brief.questions).map((item) => item.id));
    return ids.filter((id) => brief.waived.has(id) || (brief.waived.has(section) && !present.has(id))).length;
  };

  const required = profile.questions.filter((question) => question.priority === 'required').map((question) => question.id);
  const recommended = profile.questions.filter((question) => question.priority === 'recommended').map((question) => question.id);
  const questions = [
    coverage(required.length, missing('missing-question', 'required'), waived(required, 'questions'), 'required questions'),
    coverage(recommended.length, missing('missing-question', 'recommended'), waived(recommended, 'questions'), 'recommended'),
  ];

  const requiredSkills = profile.skills.filter((skill) => skill.need === 'required').map((skill) => skill.id);
  const unassessed = missing('unassessed-skill');
  const skills = [
    coverage(requiredSkills.length, missing('missing-skill'), waived(requiredSkills, 'skills'), 'required skills'),
    unassessed ? `${unassessed} ${unassessed === 1 ? 'skill' : 'skills'} not assessed` : undefined,
  ];

  return [lens(document, brief, diagnostics, 'skills', skills), lens(document, brief, diagnostics, 'questions', questions)]
    .flatMap((item) => (item ? [item] : []))
    .sort((a, b) => a.range.start.line - b.range.start.line);
}

/** "3 of 5 required questions (1 waived)"; undefined when the profile asks for none. */
function coverage(total: number, missing: number, waived: number, what: string): string | undefined {
  if (total === 0) return undefined;
  return `${total - missing} of ${total} ${what}${waived ? ` (${waived} waived)` : ''}`;
}

/** A lens on a section's key: the title's parts, and the add-missing command when something is missing. */
function lens(
  document: TextDocument,
  brief: Brief,
  diagnostics: readonly Diagnostic[],
  scope: Exclude<AddMissingScope, 'all'>,
  parts: readonly (string | undefined)[],
): CodeLens | undefined {
  const span = nodeSpan(brief.sections.get(scope)?.key);
  const title = parts.filter((part) => part !== undefined).join(' · ');
  if (!span || !title) return undefined;
  const addable = diagnostics.some((diagnostic) => isMissing(diagnostic, scope));
  const argument: AddMissingArguments = { uri: document.uri, scope };
  return {
    range: toRange(document, span),
    command: addable ? { title, command: ADD_MISSING_COMMAND, arguments: [argument] } : { title, command: '' },
  };
}
