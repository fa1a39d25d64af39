/**
 * The profile checks: what the guide says a brief must cover and this one
 * lacks, and the few consistency rules the schema cannot express. Each
 * finding carries in `data` what its quick fix needs.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { itemString, itemStrings, type Brief, type BriefItem, type BriefKey } from './brief';
import { createDiagnostic } from './codes';
import { findPair, firstLine, nodeSpan, toRange, type Span } from './parse';
import type { Profile, ProfileRegistry } from './profiles';
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

/** The profile a brief names, when it names a known one. */
export function briefProfile(brief: Brief, profiles: ProfileRegistry): Profile | undefined {
  const value = brief.sections.get('profile')?.value;
  return YAML.isScalar(value) && typeof value.value === 'string' ? profiles.get(value.value) : undefined;
}

/**
 * The profile a profile document extends, inheritance applied. `model` is the
 * document's mapping as `readBrief` reads it (a profile's `skills` and
 * `questions` have the same shape), from the tree, so that the parent is known
 * while a line is half typed. Undefined without `extends`, for an unknown id,
 * or when the profile names itself.
 */
export function parentProfile(model: Brief | undefined, profiles: ProfileRegistry): Profile | undefined {
  const text = (key: string) => {
    const value = model?.sections.get(key)?.value;
    return YAML.isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
  };
  const parent = text('extends');
  return parent === undefined || parent === text('id') ? undefined : profiles.get(parent);
}

/** Runs every profile check on a brief. */
export function checkRules(document: TextDocument, text: string, brief: Brief, profiles: ProfileRegistry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (span: Span | undefined, ...rest: DropFirst<Parameters<typeof createDiagnostic>>) => {
    if (span) diagnostics.push(createDiagnostic(toRange(document, firstLine(text, span)), ...rest));
  };

  const profileNode = brief.sections.get('profile')?.value;
  const profileId = YAML.isScalar(profileNode) && typeof profileNode.value === 'string' ? profileNode.value : undefined;
  const profile = profileId === undefined ? undefined : profiles.get(profileId);
  const profileSpan = nodeSpan(profileNode);

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
    const role = YAML.isScalar(roleNode) && typeof roleNode.value === 'string' ? roleNode.value : undefined;
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

  // Waiving a section (`skills`, `questions`) waives each of its items as well.
  const waived = (id: string, section?: 'skills' | 'questions') => brief.waived.has(id) || (section !== undefined && brief.waived.has(section));
  const briefSkillIds = new Set(brief.skills.map((skill) => skill.id));
  const briefQuestionIds = new Set(brief.questions.map((question) => question.id));

  if (profile) {
    for (const section of profile.sections) {
      if (brief.sections.has(section) || waived(section)) continue;
      report(profileSpan, 'missing-section', `The profile '${profile.id}' asks for the '${section}' section: add it, or waive it with a reason.`, {
        id: section,
        profile: profile.id,
      } satisfies MissingData);
    }
    const skillsAnchor = nodeSpan(brief.sections.get('skills')?.key) ?? profileSpan;
    for (const skill of profile.skills) {
      if (skill.need !== 'required' || briefSkillIds.has(skill.id) || waived(skill.id, 'skills')) continue;
      report(skillsAnchor, 'missing-skill', `Missing required skill '${skill.id}' (${skill.name}): add it to skills, or waive it with a reason.`, {
        id: skill.id,
        profile: profile.id,
      } satisfies MissingData);
    }
    const questionsAnchor = nodeSpan(brief.sections.get('questions')?.key) ?? profileSpan;
    for (const question of profile.questions) {
      if (briefQuestionIds.has(question.id) || waived(question.id, 'questions')) continue;
      report(
        questionsAnchor,
        'missing-question',
        `Missing ${question.priority} interview question '${question.id}': "${question.ask}" Add it to questions, or waive it with a reason.`,
        { id: question.id, profile: profile.id, priority: question.priority } satisfies MissingData,
        question.priority === 'required' ? 'warning' : 'information',
      );
    }
  }

  const assessed = assessedSkills(brief, profile);
  const knownSkills = new Set([...briefSkillIds, ...(profile?.skills.map((skill) => skill.id) ?? [])]);
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

  for (const skill of brief.skills) {
    if (!ID.test(skill.id)) continue; // the schema reports the malformed id
    const need = itemString(skill, 'need') ?? profile?.skills.find((candidate) => candidate.id === skill.id)?.need ?? 'required';
    if (need !== 'required' || itemString(skill, 'evidence') || assessed.has(skill.id) || waived(skill.id, 'skills')) continue;
    report(nodeSpan(skill.idNode), 'unassessed-skill', `Nothing assesses the required skill '${skill.id}': add 'evidence' (how you will know), or a question whose 'assesses' lists it.`, {
      id: skill.id,
      profile: profile?.id,
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
  if (YAML.isScalar(start) && YAML.isScalar(end) && typeof start.value === 'string' && typeof end.value === 'string' && end.value < start.value && isDate(start.value) && isDate(end.value)) {
    report(nodeSpan(end), 'dates-order', `The project ends (${end.value}) before it starts (${start.value}).`);
  }

  return diagnostics;
}

/** The value of a key of a top-level section's mapping (`rate.amount`), found through the model's sections. */
function sectionField(brief: Brief, section: BriefKey, key: string): YAML.Node | null | undefined {
  return findPair(brief.sections.get(section)?.value, key)?.value;
}

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

/** The skills the brief's questions assess: a question's own `assesses`, else its profile question's. */
export function assessedSkills(brief: Brief, profile: Profile | undefined): Set<string> {
  const assessed = new Set<string>();
  for (const question of brief.questions) {
    const own = itemStrings(question, 'assesses');
    const ids = own ? own.map((node) => node.value) : profile?.questions.find((candidate) => candidate.id === question.id)?.assesses ?? [];
    for (const id of ids) assessed.add(id);
  }
  return assessed;
}

/** The ids of the brief's questions that assess a skill: by their own `assesses`, else their profile question's. */
export function assessingQuestions(brief: Brief, profile: Profile | undefined, skill: string): string[] {
  return brief.questions.flatMap((question) => {
    const own = itemStrings(question, 'assesses');
    const ids = own ? own.map((node) => node.value) : profile?.questions.find((candidate) => candidate.id === question.id)?.assesses ?? [];
    return ids.includes(skill) ? [question.id] : [];
  });
}

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

/** The form of skill and question ids. */
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Whether a value is a calendar date written YYYY-MM-DD (the schema reports one that is not, such as 2027-02-30). */
function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
