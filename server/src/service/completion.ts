/**
 * Completion: the keys valid at the cursor, enum and known values (profiles,
 * currencies, skill and question ids), and snippets for sections, skills,
 * questions and a whole brief. Every item carries a `textEdit` that replaces
 * the partly typed word, so applying it gives an exact text.
 *
 * Profile documents get the same machinery over the profile schema, with
 * their own known values (a dialect): `extends` completes the other
 * profiles, `assesses` the profile's skills and its parent's.
 */
import * as YAML from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import { cursorContext, pathPattern, type CursorContext } from './cursor';
import { detectLayout, type Layout } from './edits';
import { isStringScalar, readBrief, resolveBrief, resolveProfileDocument, sectionText, type Brief, type ResolvedBrief } from './model';
import { findNode, toRange, type ParsedDocument } from './parse';
import type { Profile, ProfileRegistry } from './profiles';
import type { Score } from './rubric';
import { schemaAt, schemaOf, type JsonSchema, type SchemaKind } from './schema';
import { escapeSnippet, snippetToText } from './snippets';

/** Common ISO 4217 currencies and their names. */
const CURRENCIES: readonly (readonly [code: string, name: string])[] = [
  ['USD', 'US dollar'],
  ['EUR', 'Euro'],
  ['GBP', 'Pound sterling'],
  ['CAD', 'Canadian dollar'],
  ['AUD', 'Australian dollar'],
  ['NZD', 'New Zealand dollar'],
  ['JPY', 'Japanese yen'],
  ['CHF', 'Swiss franc'],
  ['SEK', 'Swedish krona'],
  ['NOK', 'Norwegian krone'],
  ['DKK', 'Danish krone'],
  ['INR', 'Indian rupee'],
  ['ZAR', 'South African rand'],
  ['MXN', 'Mexican peso'],
  ['BRL', 'Brazilian real'],
  ['CNY', 'Chinese yuan'],
  ['HKD', 'Hong Kong dollar'],
  ['SGD', 'Singapore dollar'],
  ['KRW', 'South Korean won'],
  ['PLN', 'Polish złoty'],
  ['CZK', 'Czech koruna'],
  ['ILS', 'Israeli new shekel'],
  ['AED', 'UAE dirham'],
];

/** Asks the editor to suggest again, for the value of a key just inserted. */
const SUGGEST_AGAIN: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** A completion before it gets its edit range and sort order. */
interface Candidate {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** The text that replaces the typed word. */
  readonly text: string;
  /** Whether `text` is snippet syntax. */
  readonly snippet?: boolean;
  readonly command?: Command;
}

/** What every completion of one request reads. */
interface Scope {
  readonly uri: string;
  readonly parsed: ParsedDocument;
  readonly context: CursorContext;
  readonly dialect: Dialect;
  /** The document's mapping: a brief, or a profile read the same way (its `skills` and `questions` have the same shape). */
  readonly brief: Brief | undefined;
  /** The profile the document's ids refer to: a brief's `profile`, a profile document's parent (`extends`). */
  readonly profile: Profile | undefined;
  /** The document over that profile. */
  readonly model: ResolvedBrief | undefined;
  readonly profiles: ProfileRegistry;
  /** The file's line break and indentation, which inserted text follows. */
  readonly layout: Layout;
}

/** What one kind of document completes beyond its schema's keys, enums and snippets. */
interface Dialect {
  readonly schema: SchemaKind;
  /** The document over the profile its ids refer to. */
  resolve(brief: Brief, profiles: ProfileRegistry): ResolvedBrief;
  /** Paths whose values or items have completions besides an enum: a key completion for them asks to suggest again. */
  readonly valuePatterns: ReadonlySet<string>;
  /** The keys of the mapping at a path when they are not the schema's (a brief's `waive` ids); undefined elsewhere. */
  keys(scope: Scope, pattern: string, present: ReadonlySet<string>): Candidate[] | undefined;
  /** Values of the scalar at a path, after the schema's enum and const. */
  values(scope: Scope, pattern: string): Candidate[];
  /** Items of the list at a path, before the schema's enum values and item snippets. */
  items(scope: Scope, pattern: string, dash: string, indent: string): Candidate[];
  /** Snippets of a whole document, for an empty one. */
  skeletons(scope: Scope): Candidate[];
}

/** What the client takes in completions. */
export interface CompletionOptions {
  /** Whether items may be snippets (the client's `completionItem.snippetSupport`); otherwise each is the plain text its snippet would insert. */
  readonly snippetSupport: boolean;
}

/** The completions at a position of a brief. */
export function doComplete(document: TextDocument, position: Position, parsed: ParsedDocument, profiles: ProfileRegistry, options: CompletionOptions): CompletionList {
  return complete(BRIEF, document, position, parsed, profiles, options);
}

/** The completions at a position of a role profile document. */
export function doProfileCompletion(document: TextDocument, position: Position, parsed: ParsedDocument, profiles: ProfileRegistry, options: CompletionOptions): CompletionList {
  return complete(PROFILE, document, position, parsed, profiles, options);
}

function complete(dialect: Dialect, document: TextDocument, position: Position, parsed: ParsedDocument, profiles: ProfileRegistry, options: CompletionOptions): CompletionList {
  const context = cursorContext(parsed.text, document.offsetAt(position));
  if (!context) return { isIncomplete: false, items: [] };
  const brief = readBrief(parsed);
  const model = brief && dialect.resolve(brief, profiles);
  const scope: Scope = { uri: document.uri, parsed, context, dialect, brief, profile: model?.profile, model, profiles, layout: detectLayout(parsed) };
  const range = toRange(document, context.word);
  // Right after the `:` or `-` that opened the list (a trigger character), the value needs its space: `per: day`, not `per:day`; in flow too after a key's `:` (`{per:day}` is one scalar).
  const before = parsed.text[context.word.start - 1];
  const opened = context.flow ? context.kind === 'value' && before === ':' : context.kind !== 'key' && (before === ':' || before === '-');
  const space = opened ? ' ' : '';
  // Text after the word on its line would end up on the last line of an item of several lines.
  const fitting = candidates(scope).filter((candidate) => !context.textAfter || !candidate.text.includes('\n'));
  const items = fitting.map((candidate, index): CompletionItem => {
    const snippet = candidate.snippet === true && options.snippetSupport;
    const text = candidate.snippet && !snippet ? snippetToText(candidate.text) : candidate.text;
    const item: CompletionItem = {
      label: candidate.label,
      kind: candidate.kind,
      sortText: String(index).padStart(4, '0'),
      // A multi-line item moves right with its first line: its lines stay aligned under it.
      textEdit: { range, newText: space ? space + text.replace(/\n(?=[^\r\n])/g, `\n${space}`) : text },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (candidate.detail) item.detail = candidate.detail;
    if (candidate.documentation) item.documentation = { kind: MarkupKind.Markdown, value: candidate.documentation };
    if (candidate.command) item.command = candidate.command;
    return item;
  });
  return { isIncomplete: false, items };
}

function candidates(scope: Scope): Candidate[] {
  const { context } = scope;
  const schema = schemaAt(context.path, scope.dialect.schema);
  switch (context.kind) {
    case 'key':
      // A line at the indentation of a list's items, before its dash is typed; in flow (`duties: {|`) there is no such line.
      if (schema?.type === 'array') return context.flow ? [] : itemCandidates(scope, '- ');
      return [...keyCandidates(scope, schema), ...(isEmptyDocument(context) ? scope.dialect.skeletons(scope) : [])];
    case 'value':
      return valueCandidates(scope, schema);
    case 'item':
      return itemCandidates(scope, '');
  }
}

/** Whether the cursor is on the first column of a document that has no keys yet (not inside a flow mapping). */
function isEmptyDocument(context: CursorContext): boolean {
  return !context.flow && context.path.length === 0 && context.column === 0 && context.keys.length === 0;
}

/** Keys of the mapping at the cursor that it does not have yet (a key being renamed is one it has). */
function keyCandidates(scope: Scope, schema: JsonSchema | undefined): Candidate[] {
  const { context, dialect } = scope;
  const present = new Set(context.keys);
  if (context.colonAfter) present.add(scope.parsed.text.slice(context.word.start, context.word.end));
  const own = dialect.keys(scope, pathPattern(context.path), present);
  if (own) return own;
  return Object.entries(schema?.properties ?? {})
    .filter(([name]) => !present.has(name))
    .map(([name]) => {
      const property = schemaAt([...context.path, name], dialect.schema) ?? {};
      return {
        label: name,
        kind: CompletionItemKind.Property,
        detail: property.description,
        documentation: property.markdownDescription,
        ...keyText(scope, name, property),
      };
    });
}

/** What a key completion inserts: the key and, unless a `:` follows, a start for its value (in a flow mapping, only `key: `). */
function keyText(scope: Scope, name: string, property: JsonSchema): Pick<Candidate, 'text' | 'snippet' | 'command'> {
  const { context, layout } = scope;
  if (context.colonAfter) return { text: name };
  const { eol } = layout;
  const indent = ' '.repeat(context.column + layout.indent);
  const dashIndent = ' '.repeat(context.column + layout.seqOffset);
  const again = property.enum || scope.dialect.valuePatterns.has(pathPattern([...context.path, name])) ? SUGGEST_AGAIN : undefined;
  if (property.const !== undefined) return { text: `${name}: ${String(property.const)}` };
  if (context.flow) return { text: `${name}: `, command: property.type === 'object' || property.type === 'array' ? undefined : again };
  if (property.type === 'object') {
    const body = property.defaultSnippets?.find((snippet) => typeof snippet.body === 'object')?.body;
    return { text: `${name}:${eol}${indent}${body ? renderBody(body, indent, layout) : '$0'}`, snippet: true };
  }
  if (property.type === 'array') {
    // A list the schema gives a usual value (a profile's `sections`) starts with it.
    const items = property.defaultSnippets?.find((snippet) => Array.isArray(snippet.body) && snippet.body.length > 0)?.body;
    if (items) return { text: `${name}:${eol}${dashIndent}${renderBody(items, dashIndent, layout)}`, snippet: true };
    return { text: `${name}:${eol}${dashIndent}- $0`, snippet: true, command: again };
  }
  return { text: `${name}: `, command: again };
}

/** Values of the scalar at the cursor: enum members, the schema's const, and the dialect's known values. */
function valueCandidates(scope: Scope, schema: JsonSchema | undefined): Candidate[] {
  const { context } = scope;
  const result: Candidate[] = enumCandidates(schema, '');
  if (schema?.const !== undefined) result.push({ label: String(schema.const), kind: CompletionItemKind.Value, detail: schema.description, text: String(schema.const) });
  return [...result, ...scope.dialect.values(scope, pathPattern(context.path))];
}

/** The members of a schema's enum, each with its description. */
function enumCandidates(schema: JsonSchema | undefined, dash: string, except: ReadonlySet<string> = new Set()): Candidate[] {
  return (schema?.enum ?? []).flatMap((value, index) =>
    except.has(String(value))
      ? []
      : [{
          label: String(value),
          kind: CompletionItemKind.EnumMember,
          detail: schema?.enumDescriptions?.[index],
          documentation: schema?.markdownEnumDescriptions?.[index],
          text: dash + String(value),
        }],
  );
}

/** A profile as a value: its id, with its title. */
function profileCandidate(profile: Profile): Candidate {
  return { label: profile.id, kind: CompletionItemKind.Module, detail: profile.title, documentation: profile.about, text: profile.id };
}

/** Items of the list at the cursor: the dialect's (ids), the schema's enum members not listed yet, and the schema's item snippets. */
function itemCandidates(scope: Scope, dash: string): Candidate[] {
  const { context, dialect } = scope;
  const indent = ' '.repeat(context.column + dash.length);
  const items = schemaAt([...context.path, 0], dialect.schema);
  const snippets = context.flow
    ? []
    : (items?.defaultSnippets ?? [])
        .filter((snippet) => typeof snippet.body === 'object')
        .map((snippet) => ({
          label: snippet.label ?? 'item',
          kind: CompletionItemKind.Snippet,
          detail: snippet.description,
          text: dash + renderBody(snippet.body, indent, scope.layout),
          snippet: true,
        }));
  const members = items?.enum ? enumCandidates(items, dash, new Set(listedValues(scope))) : [];
  return [...dialect.items(scope, pathPattern(context.path), dash, indent), ...members, ...snippets];
}

/** Briefs: profiles, currencies, the profile's skills and questions, `waive` ids, a whole brief per profile. */
const BRIEF: Dialect = {
  schema: 'brief',
  resolve: resolveBrief,
  valuePatterns: new Set(['profile', 'rate.currency', 'skills', 'skills.*.id', 'questions', 'questions.*.id', 'questions.*.assesses']),
  keys: (scope, pattern, present) => (pattern === 'waive' ? waiveCandidates(scope, present) : undefined),
  values: briefValues,
  items: briefItems,
  skeletons: skeletonCandidates,
};

/** Profiles: `extends` the other profiles, `assesses` the profile's skills and its parent's, a skeleton from the schema. */
const PROFILE: Dialect = {
  schema: 'profile',
  resolve: resolveProfileDocument,
  valuePatterns: new Set(['extends', 'skills', 'questions', 'questions.*.assesses']),
  keys: () => undefined,
  values: (scope, pattern) => (pattern === 'extends' ? parentCandidates(scope) : anchorCandidates(scope, pattern)),
  items: (scope, pattern, dash) => {
    if (pattern !== 'questions.*.assesses') return [];
    const listed = new Set(listedValues(scope));
    return skillIdCandidates(profileSkills(scope).filter((skill) => !listed.has(skill.id)), dash);
  },
  skeletons: (scope) =>
    (schemaOf('profile').defaultSnippets ?? []).map((snippet) => ({
      label: snippet.label ?? 'role profile',
      kind: CompletionItemKind.Snippet,
      detail: snippet.description,
      text: renderBody(snippet.body, '', scope.layout),
      snippet: true,
    })),
};

/** The profiles a profile document can extend: every other one, except those that extend it (a cycle). */
function parentCandidates(scope: Scope): Candidate[] {
  const { brief, profiles, uri } = scope;
  const own = sectionText(brief, 'id');
  return profiles
    .all()
    .filter((profile) => profile.source !== uri && profile.id !== own && !(own !== undefined && profiles.chain(profile.id).some((link) => link.id === own)))
    .map(profileCandidate);
}

/** A profile document's skills, then those of its parent it does not redeclare; each with a name where one is known. */
function profileSkills(scope: Scope): { id: string; name?: string; about?: string }[] {
  const skills = new Map<string, { id: string; name?: string; about?: string }>();
  for (const skill of scope.model?.skills ?? []) {
    if (!skills.has(skill.id)) skills.set(skill.id, { id: skill.id, name: skill.name, about: skill.about });
  }
  for (const skill of scope.profile?.skills ?? []) if (!skills.has(skill.id)) skills.set(skill.id, skill);
  return [...skills.values()];
}

/** A brief's known values: profiles, currencies, the profile's skill and question ids. */
function briefValues(scope: Scope, pattern: string): Candidate[] {
  const result: Candidate[] = [];
  switch (pattern) {
    case 'profile':
      return scope.profiles.all().map(profileCandidate);
    case 'rate.currency':
      for (const [code, name] of CURRENCIES) result.push({ label: code, kind: CompletionItemKind.Value, detail: name, text: code });
      break;
    case 'questions.*.id':
      for (const question of newQuestions(scope)) {
        result.push({ label: question.id, kind: CompletionItemKind.Value, detail: question.ask, documentation: question.why, text: question.id });
      }
      break;
    case 'skills.*.id':
      return skillIdCandidates(newSkills(scope), '');
    default:
      return anchorCandidates(scope, pattern);
  }
  return result;
}

/**
 * The value of a score in a question's own rubric: the anchor its profile
 * question (a profile document's: its parent's) gives that score, to adapt.
 */
function anchorCandidates(scope: Scope, pattern: string): Candidate[] {
  const score = /^questions\.\*\.rubric\.([1-5])$/.exec(pattern)?.[1];
  const index = scope.context.path[1];
  const question = score === undefined ? undefined : scope.brief?.questions.find((item) => item.index === index);
  const anchor = question && scope.model?.profileQuestion(question.id)?.rubric?.[Number(score) as Score];
  if (anchor === undefined) return [];
  return [{ label: anchor, kind: CompletionItemKind.Text, detail: `The profile's anchor for ${score}`, text: YAML.stringify(anchor, { lineWidth: 0 }).trimEnd() }];
}

/** A brief's items: the profile's skill ids, the profile's questions written out, assessed skill ids. */
function briefItems(scope: Scope, pattern: string, dash: string, indent: string): Candidate[] {
  switch (pattern) {
    case 'skills':
      return skillIdCandidates(newSkills(scope), dash);
    case 'questions':
      if (scope.context.flow) return [];
      return newQuestions(scope).map((question) => ({
        label: question.id,
        kind: CompletionItemKind.Snippet,
        detail: question.ask,
        documentation: question.why,
        text: dash + renderBody(questionBody(question), indent, scope.layout),
        snippet: true,
      }));
    case 'questions.*.assesses': {
      const listed = new Set(listedValues(scope));
      return skillIdCandidates(knownSkills(scope).filter((skill) => !listed.has(skill.id)), dash);
    }
    default:
      return [];
  }
}

/** Whole-brief snippets for an empty document, one per known profile. */
function skeletonCandidates(scope: Scope): Candidate[] {
  const { profiles } = scope;
  const snippet = schemaOf('brief').defaultSnippets?.[0];
  if (!snippet) return [];
  return profiles.all().map((profile) => {
    const body = {
      ...(snippet.body as Record<string, unknown>),
      role: `\${1:${escapeSnippet(profile.title)}}`,
      profile: literal(profile.id),
      skills: profile.skills.filter((skill) => skill.need === 'required').map((skill) => literal(skill.id)),
      questions: profile.questions
        .filter((question) => question.priority === 'required')
        .map((question) => ({ id: literal(question.id), ask: literal(question.ask) })),
    };
    return {
      label: `hiring brief (${profile.id})`,
      kind: CompletionItemKind.Snippet,
      detail: `A complete brief skeleton for the ${profile.title} profile`,
      documentation: profile.about,
      text: renderBody(body, '', scope.layout),
      snippet: true,
    };
  });
}

/**
 * Ids a `waive` mapping can name and does not yet: the profile's sections and
 * questions the brief lacks, and the skills (a listed one may be waived to
 * leave it unassessed).
 */
function waiveCandidates(scope: Scope, waived: ReadonlySet<string>): Candidate[] {
  const { context, profile } = scope;
  const seen = new Set([...waived, ...(scope.brief?.sections.keys() ?? []), ...(scope.brief?.questions.map((question) => question.id) ?? [])]);
  const result: Candidate[] = [];
  const add = (id: string, detail: string | undefined, documentation?: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    result.push({ label: id, kind: CompletionItemKind.Property, detail, documentation, text: context.colonAfter ? id : `${id}: ` });
  };
  for (const section of profile?.sections ?? []) add(section, `Section '${section}'`, schemaAt([section])?.markdownDescription);
  for (const skill of knownSkills(scope)) add(skill.id, skill.name, skill.about);
  for (const question of profile?.questions ?? []) add(question.id, question.ask, question.why);
  return result;
}

function skillIdCandidates(skills: readonly { id: string; name?: string; about?: string }[], dash: string): Candidate[] {
  return skills.map((skill) => ({ label: skill.id, kind: CompletionItemKind.Value, detail: skill.name, documentation: skill.about, text: dash + skill.id }));
}

/** The scalar items of the list at the cursor, besides the one being typed. */
function listedValues(scope: Scope): string[] {
  const { parsed, context } = scope;
  const list = findNode(parsed.yaml?.contents, context.path)?.node;
  if (!YAML.isSeq(list)) return [];
  return list.items.flatMap((item) =>
    isStringScalar(item) && item.range?.[0] !== context.word.start ? [item.value] : [],
  );
}

/** Ids of the brief's items, besides the one being typed, and the waived ids. */
function otherIds(scope: Scope, list: 'skills' | 'questions'): Set<string> {
  const items = (scope.brief?.[list] ?? []).filter((item) => item.idNode.range?.[0] !== scope.context.word.start);
  return new Set([...items.map((item) => item.id), ...(scope.brief?.waived.keys() ?? [])]);
}

/** The profile's skills the brief neither lists nor waives. */
function newSkills(scope: Scope) {
  const present = otherIds(scope, 'skills');
  return (scope.profile?.skills ?? []).filter((skill) => !present.has(skill.id));
}

/** The profile's questions the brief neither asks nor waives. */
function newQuestions(scope: Scope) {
  const present = otherIds(scope, 'questions');
  return (scope.profile?.questions ?? []).filter((question) => !present.has(question.id));
}

/** The skills of the brief and of its profile, each once, with a name where one is known. */
function knownSkills(scope: Scope): { id: string; name?: string; about?: string }[] {
  const skills = new Map<string, { id: string; name?: string; about?: string }>();
  for (const skill of scope.profile?.skills ?? []) skills.set(skill.id, skill);
  for (const skill of scope.model?.skills ?? []) {
    if (skill.id && !skills.has(skill.id)) skills.set(skill.id, { id: skill.id, name: skill.name, about: skill.about });
  }
  return [...skills.values()];
}

/**
 * A profile question written out as a snippet body. Its rubric stays in the
 * profile, inherited: a team tunes its anchors in one place, and the kit and
 * hovers show them.
 */
function questionBody(question: Profile['questions'][number]): Record<string, unknown> {
  const body: Record<string, unknown> = { id: literal(question.id), ask: literal(question.ask) };
  if (question.why) body.why = literal(question.why);
  if (question.listen_for.length) body.listen_for = question.listen_for.map(literal);
  if (question.red_flags.length) body.red_flags = question.red_flags.map(literal);
  if (question.assesses.length) body.assesses = question.assesses.map(literal);
  return body;
}

/**
 * A snippet body (as in the schema's `defaultSnippets`: strings are snippet
 * text) as YAML in the file's layout, its first line not indented.
 */
function renderBody(body: unknown, indent: string, layout: Layout): string {
  const { eol } = layout;
  if (Array.isArray(body)) return body.map((item, index) => `${index ? eol + indent : ''}- ${renderBody(item, `${indent}  `, layout)}`).join('');
  if (typeof body === 'object' && body !== null) {
    return Object.entries(body)
      .map(([key, value], index) => {
        const nested = Array.isArray(value) ? `${indent}${' '.repeat(layout.seqOffset)}` : `${indent}${' '.repeat(layout.indent)}`;
        const empty = Array.isArray(value) && value.length === 0;
        const rendered = typeof value === 'object' && value !== null && !empty ? `${eol}${nested}${renderBody(value, nested, layout)}` : ` ${empty ? '[]' : String(value)}`;
        return `${index ? eol + indent : ''}${key}:${rendered}`;
      })
      .join('');
  }
  return String(body);
}

/** Text as a YAML scalar inside a snippet: quoted where YAML needs it, snippet syntax escaped. */
function literal(text: string): string {
  const scalar = text.includes('\n') ? JSON.stringify(text) : YAML.stringify(text, { lineWidth: 0 }).trimEnd();
  return escapeSnippet(scalar);
}
