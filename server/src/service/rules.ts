/**
 * The profile checks: what the guide says a brief must cover and this one
 * lacks, and the few consistency rules the schema cannot express. Each
 * finding carries in `data` what its quick fix needs.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createDiagnostic } from './codes';
import { isStringScalar, itemStrings, resolveBrief, sectionField, sectionText, type Brief, type BriefItem } from './model';
import { firstLine, nodeSpan, toRange, type Span } from './parse';
import type { ProfileRegistry } from './profiles';
import { ID } from './schema';
import { closest } from './text';

/** `data` of a finding about a missing or unassessed item. */
export interface MissingData {
  /** The id of the missing section, skill or question. */
  readonly id: string;
  /** The profile that asks for it. */
  readonly profile?: string;
  readonly priority?: 'required' | 'recommended';
}

/** `data` of a finding that names a better value. */
export interface SuggestionData {
  readonly value: string;
  readonly suggestion?: string;
}

/** Runs every profile check on a brief. */
export function checkRules(document: TextDocument, text: string, brief: Brief, profiles: ProfileRegistry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (span: Span | undefined, ...rest: DropFirst<Parameters<typeof createDiagnostic>>) => {
    if (span) diagnostics.push(createDiagnostic(toRange(document, firstLine(text, span)), ...rest));
  };

  const model = resolveBrief(brief, profiles);
  const { profileId, profile, isWaived: waived } = model;
  const profileSpan = nodeSpan(model.profileNode);

  if (profileId !== undefined && !profile) {
    const known = profiles.all().map((candidate) => candidate.id);
    const suggestion = closest(profileId, known);
    const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
    report(profileSpan, 'unknown-profile', `Unknown profile '${profileId}'.${hint} Known profiles: ${known.join(', ') || 'none'}.`, {
      value: profileId,
      suggestion,
    } satisfies SuggestionData);
  }

  if (!brief.sections.has('profile')) {
    const roleNode = brief.sections.get('role')?.value;
    const role = sectionText(brief, 'role');
    const match = role === undefined ? undefined : profiles.findByRole(role);
    if (match) {
      report(nodeSpan(roleNode), 'no-profile', `This role matches the profile '${match.id}' (${match.title}): add 'profile: ${match.id}' to check the brief against it.`, {
        value: role!,
        suggestion: match.id,
      } satisfies SuggestionData);
    }
  }

  checkDuplicates(brief.skills, 'Skill', report);
  checkDuplicates(brief.questions, 'Question', report);

  if (profile) {
    for (const section of profile.sections) {
      if (brief.sections.has(section) || waived(section)) continue;
      report(profileSpan, 'missing-section', `The profile '${profile.id}' asks for the '${section}' section: add it, or waive it with a reason.`, {
        id: section,
        profile: profile.id,
      } satisfies MissingData);
    }
    for (const { declared: skill, anchor } of model.unlistedSkills) {
      if (skill.need !== 'required' || waived(skill.id, 'skills')) continue;
      report(nodeSpan(anchor), 'missing-skill', `Missing required skill '${skill.id}' (${skill.name}): add it to skills, or waive it with a reason.`, {
        id: skill.id,
        profile: profile.id,
      } satisfies MissingData);
    }
    for (const { declared: question, anchor } of model.unlistedQuestions) {
      if (waived(question.id, 'questions')) continue;
      report(
        nodeSpan(anchor),
        'missing-question',
        `Missing ${question.priority} interview question '${question.id}': "${question.ask}" Add it to questions, or waive it with a reason.`,
        { id: question.id, profile: profile.id, priority: question.priority } satisfies MissingData,
        question.priority === 'required' ? 'warning' : 'information',
      );
    }
  }

  const { assessed } = model;
  const knownSkills = new Set([...model.skills, ...model.unlistedSkills].map((skill) => skill.id));
  for (const question of brief.questions) {
    for (const node of itemStrings(question, 'assesses') ?? []) {
      if (knownSkills.has(node.value)) continue;
      const suggestion = closest(node.value, [...knownSkills]);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      report(nodeSpan(node), 'unknown-skill', `'${node.value}' is not a skill of this brief${profile ? ` or of the profile '${profile.id}'` : ''}.${hint}`, {
        value: node.value,
        suggestion,
      } satisfies SuggestionData);
    }
  }

  for (const skill of model.skills) {
    if (!ID.test(skill.id)) continue; // the schema reports the malformed id
    if (skill.need !== 'required' || skill.evidence || assessed.has(skill.id) || waived(skill.id, 'skills')) continue;
    report(nodeSpan(skill.item.idNode), 'unassessed-skill', `Nothing assesses the required skill '${skill.id}': add 'evidence' (how you will know), or a question whose 'assesses' lists it.`, {
      id: skill.id,
      profile: profile?.id,
    } satisfies MissingData);
  }

  for (const question of model.questions) {
    if (question.rubric || question.priority !== 'required' || waived(question.id, 'questions')) continue;
    report(nodeSpan(question.anchor), 'no-rubric', `The required question '${question.id}' has no rubric: add 'rubric' with what an answer at 1, 3 and 5 sounds like, so that interviewers score alike.`, {
      id: question.id,
      profile: profile?.id,
      priority: 'required',
    } satisfies MissingData);
  }

  const amount = sectionField(brief, 'rate', 'amount');
  const max = sectionField(brief, 'rate', 'max');
  if (YAML.isScalar(amount) && YAML.isScalar(max) && typeof amount.value === 'number' && typeof max.value === 'number' && amount.value > max.value) {
    report(nodeSpan(amount), 'rate-over-max', `The rate ${amount.value} is above the most you will pay (max: ${max.value}).`);
  }

  const office = sectionField(brief, 'workspace', 'office');
  if (YAML.isScalar(office) && office.value === 'none') {
    report(nodeSpan(office), 'no-workspace', 'No workspace: the guide warns that a coordinator left without an office space cannot manage well. Provide, share or plan a remote setup, and list their tools.');
  }

  const start = sectionField(brief, 'project', 'start');
  const end = sectionField(brief, 'project', 'end');
  // Compared first, as text: only dates out of order are read as dates.
  if (isStringScalar(start) && isStringScalar(end) && end.value < start.value && isDate(start.value) && isDate(end.value)) {
    report(nodeSpan(end), 'dates-order', `The project ends (${end.value}) before it starts (${start.value}).`);
  }

  return diagnostics;
}

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

function checkDuplicates(
  items: readonly BriefItem[],
  kind: 'Skill' | 'Question',
  report: (span: Span | undefined, ...rest: DropFirst<Parameters<typeof createDiagnostic>>) => void,
): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) {
      report(nodeSpan(item.idNode), 'duplicate-id', `${kind} id '${item.id}' is used more than once: ids must be unique.`, { id: item.id });
    }
    seen.add(item.id);
  }
}

/** Whether a value is a calendar date written YYYY-MM-DD (the schema reports one that is not, such as 2027-02-30). */
function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
