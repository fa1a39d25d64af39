/**
 * Code actions: a table keyed by diagnostic code. Each quick fix reads the
 * diagnostic's `data` (what is missing, the suggested value) and the profile
 * it names; none validates again. Edits go through `edits.ts`, so they keep
 * every byte of the user's text outside what they insert.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DiagnosticCode } from './codes';
import { addSection, addToListItem, addToMap, appendToList, applyChanges, FlowList, removeFromMap, replaceScalar, type Change } from './edits';
import { assessedSkills, readBrief } from './model';
import { ADD_MISSING_KIND, SELECT_RANGE_COMMAND, type SelectRangeArguments } from './names';
import { findPair, parseText, type ParsedDocument } from './parse';
import type { Profile, ProfileQuestion, ProfileRegistry, ProfileSkill } from './profiles';
import type { MissingData, SuggestionData } from './rules';
import { schemaOf } from './schema';
import { snippetToText } from './snippets';
import { unitPhrase, type MissingKeyData, type PlaceholderData, type UnknownWaiveData } from './substance';
import type { SchemaProblem } from './validation';

/** The kind of the source action that adds everything the profile recommends (defined with the protocol: the server advertises it). */
export { ADD_MISSING_KIND };

/** The kind of quick fixes. */
const QUICK_FIX = 'quickfix';

/** What an add-missing run covers: one section's items (a code lens), or everything. */
export type AddMissingScope = 'questions' | 'skills' | 'all';

/** The reason a new `waive` entry gets: non-empty so the brief validates, and easy to search for. */
export const WAIVE_REASON = 'TODO: why this is not needed';

/** The evidence of an added skill whose profile gives no hint. */
const EVIDENCE_PLACEHOLDER = 'TODO: how you will know';

/** What the quick fixes of one request share. */
interface FixContext {
  readonly document: TextDocument;
  readonly parsed: ParsedDocument;
  readonly profiles: ProfileRegistry;
  /** Every current diagnostic of the document, for the fixes that address all of a kind. */
  readonly all: readonly Diagnostic[];
}

type QuickFix = (diagnostic: Diagnostic, context: FixContext) => (CodeAction | undefined)[];

/** The quick fixes of each diagnostic code. */
const quickFixes: Partial<Record<DiagnosticCode, QuickFix>> = {
  'missing-question': (diagnostic, context) => {
    const data = missingData(diagnostic);
    const question = data && profileOf(data, context)?.questions.find((candidate) => candidate.id === data.id);
    if (!data || !question) return [];
    const all = context.all.filter((other) => other.code === 'missing-question');
    return [
      action(`Add interview question '${data.id}'`, QUICK_FIX, [diagnostic], context, [addQuestions([question])], true),
      all.length > 1
        ? action(`Add all ${all.length} missing interview questions`, QUICK_FIX, all, context, [addQuestions(questionsOf(all, context))])
        : undefined,
      waive(data.id, diagnostic, context),
    ];
  },
  'missing-skill': (diagnostic, context) => {
    const data = missingData(diagnostic);
    const skill = data && profileOf(data, context)?.skills.find((candidate) => candidate.id === data.id);
    if (!data || !skill) return [];
    const all = context.all.filter((other) => other.code === 'missing-skill');
    return [
      action(`Add skill '${data.id}'`, QUICK_FIX, [diagnostic], context, [addSkills([skill])], true),
      all.length > 1 ? action(`Add all ${all.length} missing skills`, QUICK_FIX, all, context, [addSkills(skillsOf(all, context))]) : undefined,
      waive(data.id, diagnostic, context),
    ];
  },
  'missing-section': (diagnostic, context) => {
    const data = missingData(diagnostic);
    const profile = data && profileOf(data, context);
    if (!data) return [];
    return [
      profile ? action(`Add section '${data.id}'`, QUICK_FIX, [diagnostic], context, [addSectionSkeleton(data.id, profile)], true) : undefined,
      waive(data.id, diagnostic, context),
    ];
  },
  'unassessed-skill': (diagnostic, context) => {
    const data = missingData(diagnostic);
    if (!data) return [];
    return [action(`Add evidence for '${data.id}'`, QUICK_FIX, [diagnostic], context, [addEvidence(data, context)], true), waive(data.id, diagnostic, context)];
  },
  schema: (diagnostic, context) => {
    const data = diagnostic.data as SchemaProblem | undefined;
    if (data?.kind === 'enum' && typeof data.suggestion === 'string') {
      return [replace(`Change to '${data.suggestion}'`, diagnostic, data.value, data.suggestion, context)];
    }
    if (data?.kind === 'enum' && Array.isArray(data.allowed)) {
      // Nothing is close: each allowed value, none preferred.
      return choices(diagnostic, data.value, data.allowed.filter((value): value is string => typeof value === 'string'), context);
    }
    if (data?.kind === 'unknown-key' && typeof data.suggestion === 'string') {
      return [replace(`Rename to '${data.suggestion}'`, diagnostic, data.key, data.suggestion, context)];
    }
    return [];
  },
  'unknown-profile': (diagnostic, context) => {
    if (suggestionData(diagnostic)) return suggestionFix(diagnostic, context);
    const value = (diagnostic.data as Partial<SuggestionData> | undefined)?.value;
    return typeof value === 'string' ? choices(diagnostic, value, context.profiles.all().map((profile) => profile.id), context) : [];
  },
  'unknown-skill': (diagnostic, context) => suggestionFix(diagnostic, context),
  'unknown-waive': (diagnostic, context) => {
    const data = diagnostic.data as Partial<UnknownWaiveData> | undefined;
    if (typeof data?.value !== 'string') return [];
    const id = data.value;
    return [
      typeof data.suggestion === 'string' ? replace(`Change to '${data.suggestion}'`, diagnostic, id, data.suggestion, context) : undefined,
      action(`Remove the waiver of '${id}'`, QUICK_FIX, [diagnostic], context, [(parsed) => removeFromMap(parsed, 'waive', id)], data.suggestion === undefined),
    ];
  },
  'no-hours': (diagnostic, context) => addKeyFix(diagnostic, context),
  'no-ceiling': (diagnostic, context) => addKeyFix(diagnostic, context),
  'no-tools': (diagnostic, context) => addKeyFix(diagnostic, context),
  placeholder: (diagnostic, context) => {
    const data = diagnostic.data as Partial<PlaceholderData> | undefined;
    if (typeof data?.placeholder !== 'string') return [];
    const argument: SelectRangeArguments = { uri: context.document.uri, range: diagnostic.range };
    return [{
      title: `Select the placeholder '${data.placeholder.length > 40 ? `${data.placeholder.slice(0, 40)}…` : data.placeholder}' to replace it`,
      kind: QUICK_FIX,
      diagnostics: [diagnostic],
      command: { title: 'Select the placeholder', command: SELECT_RANGE_COMMAND, arguments: [argument] },
    }];
  },
  'no-profile': (diagnostic, context) => {
    const suggestion = suggestionData(diagnostic)?.suggestion;
    if (suggestion === undefined) return [];
    const change: Change = (parsed) => addSection(parsed, 'profile', suggestion, 'role');
    return [action(`Add 'profile: ${suggestion}'`, QUICK_FIX, [diagnostic], context, [change], true)];
  },
};

/**
 * The code actions for a range: the quick fixes of the diagnostics in
 * `context` that touch it, and the source action that adds everything the
 * profile recommends, computed from `all`, the document's current
 * diagnostics. Only kinds that `context.only` asks for are returned.
 */
export function getCodeActions(
  document: TextDocument,
  parsed: ParsedDocument,
  range: Range,
  context: { readonly diagnostics: readonly Diagnostic[]; readonly only?: readonly string[] },
  profiles: ProfileRegistry,
  all: readonly Diagnostic[],
): CodeAction[] {
  const fixContext: FixContext = { document, parsed, profiles, all };
  const wanted = (kind: string) => !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  const titles = new Set<string>();
  const add = (candidate: CodeAction | undefined) => {
    if (!candidate || !wanted(candidate.kind ?? '') || titles.has(candidate.title)) return;
    titles.add(candidate.title);
    actions.push(candidate);
  };
  if (wanted(QUICK_FIX)) {
    for (const diagnostic of context.diagnostics) {
      const fix = typeof diagnostic.code === 'string' ? quickFixes[diagnostic.code as DiagnosticCode] : undefined;
      if (fix && touches(diagnostic.range, range)) for (const candidate of fix(diagnostic, fixContext)) add(candidate);
    }
  }
  if (wanted(ADD_MISSING_KIND)) {
    const missing = all.filter((diagnostic) => isMissing(diagnostic, 'all'));
    add(action('Add everything the profile recommends', ADD_MISSING_KIND, missing, fixContext, addMissingChanges(missing, 'all', fixContext)));
  }
  return actions;
}

/**
 * The edit that adds what the diagnostics say is missing: the questions, the
 * skills, or (`all`) those and the missing sections. Undefined when nothing is.
 */
export function getAddMissingEdit(
  document: TextDocument,
  parsed: ParsedDocument,
  scope: AddMissingScope,
  profiles: ProfileRegistry,
  all: readonly Diagnostic[],
): WorkspaceEdit | undefined {
  const context: FixContext = { document, parsed, profiles, all };
  return editOf(context, addMissingChanges(all.filter((diagnostic) => isMissing(diagnostic, scope)), scope, context));
}

/** Whether a diagnostic reports something an add-missing run of the scope adds. */
export function isMissing(diagnostic: Diagnostic, scope: AddMissingScope): boolean {
  switch (diagnostic.code) {
    case 'missing-question': return scope !== 'skills';
    case 'missing-skill': return scope !== 'questions';
    // Without a profile there is no hint to add: only its own quick fix (a placeholder) applies.
    case 'unassessed-skill': return scope !== 'questions' && missingData(diagnostic)?.profile !== undefined;
    case 'missing-section': return scope === 'all';
    default: return false;
  }
}

/**
 * Questions first, then skills, then the evidence of unassessed skills (of
 * those the added questions do not assess), then the other sections: each
 * change sees what the ones before it added.
 */
function addMissingChanges(missing: readonly Diagnostic[], scope: AddMissingScope, context: FixContext): Change[] {
  const changes = [
    addQuestions(questionsOf(missing.filter((diagnostic) => diagnostic.code === 'missing-question'), context)),
    addSkills(skillsOf(missing.filter((diagnostic) => diagnostic.code === 'missing-skill'), context)),
  ];
  for (const diagnostic of missing) {
    const data = diagnostic.code === 'unassessed-skill' ? missingData(diagnostic) : undefined;
    if (data) changes.push(addEvidence(data, context));
  }
  if (scope === 'all') {
    for (const diagnostic of missing) {
      const data = diagnostic.code === 'missing-section' ? missingData(diagnostic) : undefined;
      const profile = data && profileOf(data, context);
      if (data && profile) changes.push(addSectionSkeleton(data.id, profile));
    }
  }
  return changes;
}

/** A code action whose edit applies the changes; undefined when they change nothing or break the YAML. */
function action(
  title: string,
  kind: string,
  diagnostics: readonly Diagnostic[],
  context: FixContext,
  changes: readonly Change[],
  isPreferred = false,
): CodeAction | undefined {
  const edit = editOf(context, changes);
  if (!edit) return undefined;
  return { title, kind, diagnostics: [...diagnostics], edit, ...(isPreferred ? { isPreferred } : {}) };
}

function editOf(context: FixContext, changes: readonly Change[]): WorkspaceEdit | undefined {
  const { document, parsed } = context;
  const { text, edits } = applyChanges(document, parsed, changes);
  if (text === parsed.text) return undefined;
  // A renamed key may collide with an existing one: never offer an edit that breaks the YAML.
  const errors = (candidate: ParsedDocument) => candidate.problems.filter((problem) => problem.severity === 'error').length;
  if (errors(parseText(document.uri, document.version, text)) > errors(parsed)) return undefined;
  return { changes: { [document.uri]: edits } };
}

/** Adds questions to `questions` (creating it), skipping those the brief already has. */
function addQuestions(questions: readonly ProfileQuestion[]): Change {
  return (parsed) => {
    const present = new Set(readBrief(parsed)?.questions.map((question) => question.id));
    const items = unique(questions).filter((question) => !present.has(question.id)).map(questionValue);
    return appendToList(parsed, 'questions', items);
  };
}

/** Adds skills to `skills` (creating it), skipping those the brief already has. */
function addSkills(skills: readonly ProfileSkill[]): Change {
  return (parsed) => {
    const present = new Set(readBrief(parsed)?.skills.map((skill) => skill.id));
    const items = unique(skills).filter((skill) => !present.has(skill.id)).map(skillValue);
    return appendToList(parsed, 'skills', items);
  };
}

/** A profile question as the brief writes it out: people read the brief, so the profile's guidance comes along. */
function questionValue(question: ProfileQuestion): Record<string, unknown> {
  return {
    id: question.id,
    ask: question.ask,
    ...(question.why ? { why: question.why } : {}),
    ...(question.listen_for.length ? { listen_for: [...question.listen_for] } : {}),
    ...(question.red_flags.length ? { red_flags: [...question.red_flags] } : {}),
    ...(question.assesses.length ? { assesses: new FlowList(question.assesses) } : {}),
  };
}

/**
 * A profile skill as the brief writes it. Its evidence hint goes in the
 * `evidence` field rather than a comment: a required skill without evidence
 * raises `unassessed-skill` unless a question assesses it, so a comment would
 * trade the missing-skill finding for a new one.
 */
function skillValue(skill: ProfileSkill): Record<string, unknown> {
  return { id: skill.id, need: skill.need, evidence: evidenceOf(skill) };
}

/**
 * Adds `evidence` (the profile's hint) to the brief's item of an unassessed
 * skill, unless a question assesses the skill by now (one added before it).
 */
function addEvidence(data: MissingData, context: FixContext): Change {
  const profile = profileOf(data, context);
  const skill = profile?.skills.find((candidate) => candidate.id === data.id);
  return (parsed) => {
    const brief = readBrief(parsed);
    if (!brief || assessedSkills(brief, profile).has(data.id)) return undefined;
    return addToListItem(parsed, 'skills', data.id, { evidence: evidenceOf(skill) });
  };
}

/** The evidence a brief writes for a skill: the profile's hint, else a placeholder to replace. */
function evidenceOf(skill: ProfileSkill | undefined): string {
  return skill?.evidence || EVIDENCE_PLACEHOLDER;
}

/**
 * A section with content that passes the schema: the profile's required
 * (unwaived) skills or questions, else the schema's first snippet for the
 * section with its placeholders filled by their defaults.
 */
function addSectionSkeleton(section: string, profile: Profile): Change {
  return (parsed) => {
    // Only a missing section gets a skeleton: items of an existing one come from the missing-* fixes.
    if (findPair(parsed.yaml?.contents, section)) return undefined;
    const waived = readBrief(parsed)?.waived;
    if (section === 'questions' || section === 'skills') {
      const items = section === 'questions'
        ? profile.questions.filter((question) => question.priority === 'required' && !waived?.has(question.id)).map(questionValue)
        : profile.skills.filter((skill) => skill.need === 'required' && !waived?.has(skill.id)).map(skillValue);
      return items.length ? appendToList(parsed, section, items) : addSection(parsed, section, []);
    }
    const schema = schemaOf('brief').properties?.[section];
    if (!schema) return undefined;
    const snippet = schema.defaultSnippets?.[0]?.body;
    const value = snippet !== undefined ? fillSnippet(snippet) : schema.type === 'array' ? [] : schema.type === 'object' ? {} : 'TODO';
    return addSection(parsed, section, value);
  };
}

/** A snippet body (the schema's `defaultSnippets`) with each string as the text its snippet inserts. */
function fillSnippet(body: unknown): unknown {
  if (typeof body === 'string') return snippetToText(body);
  if (Array.isArray(body)) return body.map(fillSnippet);
  if (typeof body === 'object' && body !== null) return Object.fromEntries(Object.entries(body).map(([key, value]) => [fillSnippet(key), fillSnippet(value)]));
  return body;
}

/** "Waive 'id'…": a `waive` entry with a placeholder reason to replace. */
function waive(id: string, diagnostic: Diagnostic, context: FixContext): CodeAction | undefined {
  const change: Change = (parsed) => addToMap(parsed, 'waive', { [id]: WAIVE_REASON });
  return action(`Waive '${id}'…`, QUICK_FIX, [diagnostic], context, [change]);
}

/** What a quick fix writes for a key the rate or workspace lacks: a placeholder that is itself a finding until replaced. */
function keyPlaceholder(data: MissingKeyData): unknown {
  switch (data.key) {
    case 'hours': return `TODO: hours ${unitPhrase(data.per).replace(/`/g, '')} covers`;
    case 'max': return `TODO: the most you will pay ${data.per === 'project' ? 'for the project' : data.per === 'hour' ? 'an hour' : typeof data.per === 'string' ? `a ${data.per}` : 'a unit'}`;
    case 'tools': return ['TODO: what they will work with'];
  }
}

/** "Add 'hours' to rate": the key the finding says is missing, with a placeholder; none when the key is there but empty. */
function addKeyFix(diagnostic: Diagnostic, context: FixContext): (CodeAction | undefined)[] {
  const data = diagnostic.data as Partial<MissingKeyData> | undefined;
  if ((data?.section !== 'rate' && data?.section !== 'workspace') || (data.key !== 'hours' && data.key !== 'max' && data.key !== 'tools')) return [];
  const { section, key } = data as MissingKeyData;
  const change: Change = (parsed) => (findPair(findPair(parsed.yaml?.contents, section)?.value, key) ? undefined : addToMap(parsed, section, { [key]: keyPlaceholder(data as MissingKeyData) }));
  return [action(`Add '${key}' to ${section}`, QUICK_FIX, [diagnostic], context, [change], true)];
}

/** "Change to 'x'" for a finding whose `data` names a suggestion. */
function suggestionFix(diagnostic: Diagnostic, context: FixContext): (CodeAction | undefined)[] {
  const data = suggestionData(diagnostic);
  return data?.suggestion === undefined ? [] : [replace(`Change to '${data.suggestion}'`, diagnostic, data.value, data.suggestion, context)];
}

/** Replaces the scalar a diagnostic covers, if it still holds `expected`. */
function replace(title: string, diagnostic: Diagnostic, expected: unknown, value: string, context: FixContext, isPreferred = true): CodeAction | undefined {
  const span = { start: context.document.offsetAt(diagnostic.range.start), end: context.document.offsetAt(diagnostic.range.end) };
  return action(title, QUICK_FIX, [diagnostic], context, [(parsed) => replaceScalar(parsed, span, expected, value)], isPreferred);
}

/** The most values offered one by one when none is close to what was written. */
const MAX_CHOICES = 10;

/** "Change to 'x'" for each of a few valid values, none preferred: nothing written is close to one. */
function choices(diagnostic: Diagnostic, expected: unknown, values: readonly string[], context: FixContext): (CodeAction | undefined)[] {
  return values.slice(0, MAX_CHOICES).map((value) => replace(`Change to '${value}'`, diagnostic, expected, value, context, false));
}

function questionsOf(diagnostics: readonly Diagnostic[], context: FixContext): ProfileQuestion[] {
  return diagnostics.flatMap((diagnostic) => {
    const data = missingData(diagnostic);
    const question = data && profileOf(data, context)?.questions.find((candidate) => candidate.id === data.id);
    return question ? [question] : [];
  });
}

function skillsOf(diagnostics: readonly Diagnostic[], context: FixContext): ProfileSkill[] {
  return diagnostics.flatMap((diagnostic) => {
    const data = missingData(diagnostic);
    const skill = data && profileOf(data, context)?.skills.find((candidate) => candidate.id === data.id);
    return skill ? [skill] : [];
  });
}

function profileOf(data: MissingData, context: FixContext): Profile | undefined {
  return data.profile === undefined ? undefined : context.profiles.get(data.profile);
}

function unique<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

/** The `data` of a missing-* or unassessed-skill finding, if well formed (it comes back from the client). */
function missingData(diagnostic: Diagnostic): MissingData | undefined {
  const data = diagnostic.data as Partial<MissingData> | undefined;
  return typeof data?.id === 'string' && (data.profile === undefined || typeof data.profile === 'string') ? (data as MissingData) : undefined;
}

function suggestionData(diagnostic: Diagnostic): SuggestionData | undefined {
  const data = diagnostic.data as Partial<SuggestionData> | undefined;
  return typeof data?.suggestion === 'string' ? (data as SuggestionData) : undefined;
}

/** Whether two ranges overlap or touch. */
function touches(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
