/**
 * The semantic diff: two versions of a brief (or of a profile) compared by
 * meaning. Both sides are read as plain data, so comments, layout, quoting
 * and flow or block style are no change; skills and questions are matched by
 * id (reordering skills is no change, reordering questions is `moved`, an id
 * renamed with the same content is one change); `waive` entries are `waived`
 * and `unwaived` changes of the item they name. Each change has a sentence a
 * reviewer reads; which ids are skills or questions, and what an item
 * inherits, come from the model (each version resolved over its profile).
 * The findings that appear or disappear between two versions are compared
 * here too, from the diagnostics the host computed.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName, type SeverityName } from './codes';
import { BRIEF_SUFFIX, PROFILE_SUFFIX } from './documents';
import { escapeHtml } from './html';
import { BRIEF_KEYS, readBrief, resolveBrief, resolveProfileDocument, type ResolvedBrief } from './model';
import { hasSyntaxErrors, parseText, type ParsedDocument } from './parse';
import type { ProfileRegistry } from './profiles';

/** What a file holds. */
export type DiffDocumentKind = 'brief' | 'profile';

/** The kinds of change (docs/format.md, "Semantic diff"). */
export const CHANGE_KINDS = ['added', 'removed', 'changed', 'moved', 'waived', 'unwaived'] as const;

/** A kind of change. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change by meaning. `path` is dotted, list items named by their id. */
export interface Change {
  readonly kind: ChangeKind;
  readonly path: string;
  /** The skill or question the change is about. */
  readonly id?: string;
  readonly old?: unknown;
  readonly new?: unknown;
  /** One sentence saying what changed. */
  readonly summary: string;
}

/** A finding that appears or disappears between two versions. */
export interface FindingChange {
  readonly code: string;
  readonly severity: SeverityName;
  readonly message: string;
  /** Short: "now missing: required question 'conflict'". */
  readonly summary: string;
}

/** The findings of the new version that the old one did not have, and those it no longer has. */
export interface FindingsDelta {
  readonly appeared: readonly FindingChange[];
  readonly disappeared: readonly FindingChange[];
}

/** One side, read: what it is and its data (an empty side is an empty mapping). */
export interface DiffSide {
  /** Undefined for an empty side (a new or deleted file), which takes the other side's kind. */
  readonly kind: DiffDocumentKind | undefined;
  readonly value: Readonly<Record<string, unknown>>;
  /** Its parse, for the model; undefined for an empty side. */
  readonly parsed?: ParsedDocument;
}

/** Why a side cannot be compared: its YAML does not parse, or it is no brief or profile. */
export interface DiffSideError {
  readonly error: string;
  /** 1-based line and column of a YAML error, when it has one. */
  readonly line?: number;
  readonly column?: number;
}

/** What comparing two texts gives: the changes, or why the two cannot be compared. */
export type DiffOutcome =
  | { readonly kind: DiffDocumentKind; readonly changes: readonly Change[]; readonly old: DiffSide; readonly new: DiffSide }
  | { readonly side: 'old' | 'new'; readonly error: DiffSideError }
  | { readonly usage: string };

/**
 * Reads one side from its text: `name` (the file's path) tells a profile
 * from a brief when the content does not. Never throws.
 */
export function readDiffSide(text: string, name: string): DiffSide | DiffSideError {
  return text.trim() === '' ? { kind: undefined, value: {} } : readParsedSide(parseText(name, 0, text), name);
}

/** Reads one side from its parse (an editor's document, parsed once per version). */
export function readParsedSide(parsed: ParsedDocument, name: string): DiffSide | DiffSideError {
  if (parsed.text.trim() === '') return { kind: undefined, value: {} };
  if (hasSyntaxErrors(parsed)) {
    const problem = parsed.problems.find((candidate) => candidate.severity === 'error')!;
    const before = parsed.text.slice(0, problem.span.start).split(/\r\n|\r|\n/);
    return { error: problem.message, line: before.length, column: before[before.length - 1].length + 1 };
  }
  if (parsed.extraDocuments.length > 0) return { error: 'holds more than one YAML document; a brief or a profile is one' };
  const value = parsed.value;
  if (value === null || value === undefined) return { kind: undefined, value: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { error: 'is not a brief or a profile: its root is not a mapping' };
  const data = value as Record<string, unknown>;
  const kind: DiffDocumentKind =
    'hire-profile' in data ? 'profile' : 'hire' in data ? 'brief' : name.endsWith(PROFILE_SUFFIX) ? 'profile' : 'brief';
  return { kind, value: data, parsed };
}

/** Whether a read side is an error. */
export function isSideError(side: DiffSide | DiffSideError): side is DiffSideError {
  return 'error' in side;
}

/**
 * Compares two texts by meaning. `profiles` gives what the briefs inherit
 * (the need of a shorthand skill, whether a waived id is a skill or a
 * question) and is never changed.
 */
export function diffTexts(
  oldText: string,
  oldName: string,
  newText: string,
  newName: string,
  profiles?: ProfileRegistry,
): DiffOutcome {
  return diffSides(readDiffSide(oldText, oldName), oldName, readDiffSide(newText, newName), newName, profiles);
}

/** Compares two sides as `readDiffSide` or `readParsedSide` read them. */
export function diffSides(
  old: DiffSide | DiffSideError,
  oldName: string,
  current: DiffSide | DiffSideError,
  newName: string,
  profiles?: ProfileRegistry,
): DiffOutcome {
  if (isSideError(old)) return { side: 'old', error: old };
  if (isSideError(current)) return { side: 'new', error: current };
  if (old.kind && current.kind && old.kind !== current.kind) {
    return { usage: `cannot compare a ${old.kind} (${oldName}) with a ${current.kind} (${newName}): give two versions of one brief or of one profile` };
  }
  const kind = current.kind ?? old.kind ?? (newName.endsWith(PROFILE_SUFFIX) || oldName.endsWith(PROFILE_SUFFIX) ? 'profile' : 'brief');
  return { kind, changes: diffDocuments(kind, old, current, profiles), old, new: current };
}

/** Whether a file name is one `hire diff` reads: a brief or a profile. */
export function isDiffable(name: string): boolean {
  return name.endsWith(BRIEF_SUFFIX) || name.endsWith(PROFILE_SUFFIX);
}

/** The changes from one version of a brief or profile to another (each as `readDiffSide` reads it). */
export function diffDocuments(kind: DiffDocumentKind, oldSide: DiffSide, currentSide: DiffSide, profiles?: ProfileRegistry): Change[] {
  const context = contextOf(kind, oldSide, currentSide, profiles);
  const old = oldSide.value;
  const current = currentSide.value;
  const raw: RawChange[] = [];
  for (const key of unionKeys(old, current)) {
    if (key === 'waive' && kind === 'brief') diffWaive(asRecord(old.waive), asRecord(current.waive), context, raw);
    else if ((key === 'skills' || key === 'questions') && isListOrNothing(old[key]) && isListOrNothing(current[key]) && (Array.isArray(old[key]) || Array.isArray(current[key]))) {
      // An empty `questions:` holds no questions: dropping the last one drops it, not the list.
      diffItems(key, asList(old[key]), asList(current[key]), raw);
    } else diffValue([key], old[key], current[key], raw);
  }
  return raw.map((change) => finish(change, context));
}

/* ---------- what the sentences need to know ---------- */

/** What the diff reads beyond the two documents, from the model: each version over its profile (a brief's, or the one a profile extends). */
interface DiffContext {
  readonly kind: DiffDocumentKind;
  readonly old: Readonly<Record<string, unknown>>;
  readonly current: Readonly<Record<string, unknown>>;
  /** Each version's model over its profile; undefined for an empty side or without profiles. */
  readonly before?: ResolvedBrief;
  readonly after?: ResolvedBrief;
  /** The ids of the skills and of the questions of either version and of their profiles. */
  readonly skillIds: ReadonlySet<string>;
  readonly questionIds: ReadonlySet<string>;
}

function contextOf(kind: DiffDocumentKind, old: DiffSide, current: DiffSide, profiles?: ProfileRegistry): DiffContext {
  const resolve = (side: DiffSide): ResolvedBrief | undefined => {
    const model = profiles && side.parsed ? readBrief(side.parsed) : undefined;
    if (!model || !profiles) return undefined;
    return kind === 'brief' ? resolveBrief(model, profiles) : resolveProfileDocument(model, profiles);
  };
  const before = resolve(old);
  const after = resolve(current);
  const skillIds = new Set<string>();
  const questionIds = new Set<string>();
  for (const data of [old.value, current.value]) {
    for (const item of asList(data.skills)) if (itemId(item) !== undefined) skillIds.add(itemId(item)!);
    for (const item of asList(data.questions)) if (itemId(item) !== undefined) questionIds.add(itemId(item)!);
  }
  for (const resolved of [before, after]) {
    for (const skill of resolved?.unlistedSkills ?? []) skillIds.add(skill.id);
    for (const question of resolved?.unlistedQuestions ?? []) questionIds.add(question.id);
  }
  return { kind, old: old.value, current: current.value, before, after, skillIds, questionIds };
}

/* ---------- comparing ---------- */

/** A change before its sentence: `path` as segments; `what` tells the sentence what kind of thing changed. */
interface RawChange {
  readonly kind: ChangeKind;
  readonly path: readonly string[];
  readonly id?: string;
  readonly old?: unknown;
  readonly new?: unknown;
  readonly what?: 'item' | 'list-item' | 'rename' | 'waive-reason';
  /** For `moved`: 1-based positions in the old and new lists. */
  readonly from?: number;
  readonly to?: number;
}

function diffValue(path: readonly string[], old: unknown, current: unknown, out: RawChange[]): void {
  if (deepEqual(old, current)) return;
  if (old === undefined) {
    out.push({ kind: 'added', path, new: current });
  } else if (current === undefined) {
    out.push({ kind: 'removed', path, old });
  } else if (isRecord(old) && isRecord(current)) {
    for (const key of unionKeys(old, current)) diffValue([...path, key], old[key], current[key], out);
  } else if (Array.isArray(old) && Array.isArray(current) && old.every(isScalar) && current.every(isScalar)) {
    diffScalarList(path, old, current, out);
  } else {
    out.push({ kind: 'changed', path, old, new: current });
  }
}

/** A list of plain values (duties, tools, listen_for): each value added or removed; its order is no change. */
function diffScalarList(path: readonly string[], old: readonly unknown[], current: readonly unknown[], out: RawChange[]): void {
  // Counted by value, so that a long list takes linear time.
  const remaining = new Map<string, number>();
  for (const value of current) remaining.set(canonical(value), (remaining.get(canonical(value)) ?? 0) + 1);
  const removed: unknown[] = [];
  for (const value of old) {
    const left = remaining.get(canonical(value)) ?? 0;
    if (left > 0) remaining.set(canonical(value), left - 1);
    else removed.push(value);
  }
  const kept = new Map<string, number>();
  for (const value of old) kept.set(canonical(value), (kept.get(canonical(value)) ?? 0) + 1);
  const added: unknown[] = [];
  for (const value of current) {
    const left = kept.get(canonical(value)) ?? 0;
    if (left > 0) kept.set(canonical(value), left - 1);
    else added.push(value);
  }
  for (const value of removed) out.push({ kind: 'removed', path, old: value, what: 'list-item' });
  for (const value of added) out.push({ kind: 'added', path, new: value, what: 'list-item' });
}

/** A skill or question, keyed by its id (by its position when it has none; a repeated id by its id and occurrence). */
interface Item {
  readonly key: string;
  readonly id?: string;
  readonly value: unknown;
  readonly index: number;
}

function keyItems(list: readonly unknown[]): Item[] {
  const seen = new Map<string, number>();
  return list.map((entry, index) => {
    const id = itemId(entry);
    const value = typeof entry === 'string' ? { id: entry } : entry; // a shorthand skill is its id
    if (id === undefined) return { key: String(index), value, index };
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return { key: count === 1 ? id : `${id}#${count}`, id, value, index };
  });
}

function diffItems(section: 'skills' | 'questions', oldList: readonly unknown[], newList: readonly unknown[], out: RawChange[]): void {
  const oldItems = keyItems(oldList);
  const newItems = keyItems(newList);
  const newByKey = new Map(newItems.map((item) => [item.key, item]));
  const oldByKey = new Map(oldItems.map((item) => [item.key, item]));
  const removed = oldItems.filter((item) => !newByKey.has(item.key));
  const added = newItems.filter((item) => !oldByKey.has(item.key));

  // An id renamed with the same content: one change. Only items that say something besides their id.
  const renamedTo = new Map<Item, Item>();
  /** The added items by their content without the id, and how many of each are taken. */
  const addedByBody = new Map<string, { readonly items: Item[]; next: number }>();
  for (const item of added) {
    if (item.id === undefined) continue;
    const body = canonical(withoutId(item.value));
    const same = addedByBody.get(body);
    if (same) same.items.push(item);
    else addedByBody.set(body, { items: [item], next: 0 });
  }
  for (const gone of removed) {
    const body = withoutId(gone.value);
    if (gone.id === undefined || !isRecord(body) || Object.keys(body).length === 0) continue;
    const same = addedByBody.get(canonical(body));
    const match = same && same.next < same.items.length ? same.items[same.next++] : undefined;
    if (match) renamedTo.set(gone, match);
  }
  const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to, from]));

  for (const gone of removed) {
    const to = renamedTo.get(gone);
    if (to) out.push({ kind: 'changed', path: [section, gone.key, 'id'], id: gone.id, old: gone.id, new: to.id, what: 'rename' });
    else out.push({ kind: 'removed', path: [section, gone.key], id: gone.id, old: gone.value, what: 'item' });
  }
  for (const item of newItems) {
    if (renamedFrom.has(item)) continue;
    const before = oldByKey.get(item.key);
    if (!before) out.push({ kind: 'added', path: [section, item.key], id: item.id, new: item.value, what: 'item' });
    else diffValue([section, item.key], before.value, item.value, out);
  }

  // Questions are asked in order: one that changes place among the others is `moved`.
  if (section !== 'questions') return;
  const pairs: [Item, Item][] = [];
  for (const item of oldItems) {
    const match = newByKey.get(item.key) ?? renamedTo.get(item);
    if (match) pairs.push([item, match]);
  }
  const oldOrder = pairs.map(([, match]) => match); // the new items both versions have, in the old order
  const newPlace = new Map([...oldOrder].sort((a, b) => a.index - b.index).map((item, place) => [item, place + 1]));
  const stay = keptInOrder(oldOrder);
  oldOrder.forEach((after, place) => {
    if (stay.has(after)) return;
    const from = place + 1;
    const to = newPlace.get(after)!;
    out.push({ kind: 'moved', path: [section, after.key], id: after.id, old: from, new: to, from, to });
  });
}

/**
 * The items that keep their order: a longest increasing subsequence of the
 * new places taken in the old order (two orders of one set), in O(n log n).
 */
function keptInOrder(oldOrder: readonly Item[]): Set<Item> {
  const tails: number[] = []; // tails[k]: the index in oldOrder ending the best run of length k + 1
  const previous = new Array<number>(oldOrder.length).fill(-1);
  oldOrder.forEach((item, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (oldOrder[tails[middle]].index < item.index) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1];
    tails[low] = index;
  });
  const kept = new Set<Item>();
  for (let index = tails.length > 0 ? tails[tails.length - 1] : -1; index >= 0; index = previous[index]) kept.add(oldOrder[index]);
  return kept;
}

function diffWaive(old: Readonly<Record<string, unknown>> | undefined, current: Readonly<Record<string, unknown>> | undefined, context: DiffContext, out: RawChange[]): void {
  if (old === undefined && current === undefined) {
    diffValue(['waive'], context.old.waive, context.current.waive, out);
    return;
  }
  const before = old ?? {};
  const after = current ?? {};
  for (const id of unionKeys(before, after)) {
    if (deepEqual(before[id], after[id])) continue;
    const path = waivedPath(id, context);
    if (!(id in before)) out.push({ kind: 'waived', path, id, new: after[id] });
    else if (!(id in after)) out.push({ kind: 'unwaived', path, id, old: before[id] });
    else out.push({ kind: 'changed', path: ['waive', id], id, old: before[id], new: after[id], what: 'waive-reason' });
  }
}

/** The path of what a waive key names: a section, a skill, a question, or (unknown) the key itself. */
function waivedPath(id: string, context: DiffContext): string[] {
  if (SECTION_KEYS.has(id)) return [id];
  if (context.skillIds.has(id)) return ['skills', id];
  if (context.questionIds.has(id)) return ['questions', id];
  return ['waive', id];
}

const SECTION_KEYS: ReadonlySet<string> = new Set(BRIEF_KEYS);

/* ---------- sentences ---------- */

function finish(change: RawChange, context: DiffContext): Change {
  // A quoted value that ends a sentence ends it: `"Covered by the accountant."`, not `"….".`.
  const summary = sentence(change, context).replace(/([.!?…])"\.$/, '$1"');
  const itemKey = (change.path[0] === 'skills' || change.path[0] === 'questions') && change.path.length > 1 ? change.path[1] : undefined;
  const id = change.id ?? (itemKey !== undefined && /^[a-z]/.test(itemKey) ? itemKey.replace(/#\d+$/, '') : undefined);
  // The contract's order: kind, path, id, old, new, summary.
  return {
    kind: change.kind,
    path: change.path.join('.'),
    ...(id !== undefined ? { id } : {}),
    ...(change.old !== undefined ? { old: change.old } : {}),
    ...(change.new !== undefined ? { new: change.new } : {}),
    summary,
  };
}

function sentence(change: RawChange, context: DiffContext): string {
  const [section, key, ...rest] = change.path;
  const itemSection = section === 'skills' || section === 'questions';
  switch (change.what) {
    case 'rename':
      return `Renames the ${noun(section)} '${change.old}' to '${change.new}' (nothing else changes).`;
    case 'item':
      return change.kind === 'added' ? `Adds ${describeItem(section, change.new, context.after)}.` : `Drops ${describeItem(section, change.old, context.before)}.`;
    case 'waive-reason':
      return `The reason for waiving ${waivedName(change.id!, context)} changes from ${show(change.old)} to ${show(change.new)}.`;
    case 'list-item':
      return change.kind === 'added' ? `Adds ${listLabel(change.path)}: ${show(change.new)}.` : `Drops ${listLabel(change.path)}: ${show(change.old)}.`;
  }
  if (change.kind === 'moved') return `Moves the question '${change.id ?? key}' from ${ordinal(change.from!)} to ${ordinal(change.to!)} place.`;
  if (change.kind === 'waived') return `Waives ${waivedName(change.id!, context)}: ${show(change.new)}.`;
  if (change.kind === 'unwaived') return `No longer waives ${waivedName(change.id!, context)} (the reason was ${show(change.old)}).`;

  // Fields.
  if (itemSection && key !== undefined && rest.length === 1 && (rest[0] === 'need' || rest[0] === 'priority')) {
    const inherited = inheritedLevel(section, key, context);
    const before = change.kind === 'added' ? inherited : change.old;
    const after = change.kind === 'removed' ? inherited : change.new;
    const from = before === undefined ? '' : ` (was ${show(before, false)}${change.kind === 'added' ? ', from the profile' : ''})`;
    if (after === undefined) return `The ${noun(section)} '${key}' no longer says how much it matters${from}.`;
    return `The ${noun(section)} '${key}' becomes ${show(after, false)}${change.kind === 'removed' ? ', as the profile says' : ''}${from}.`;
  }
  if (section === 'profile' && change.path.length === 1 && context.kind === 'brief') {
    if (change.kind === 'changed') return `The brief now follows the profile '${change.new}' instead of '${change.old}'.`;
    if (change.kind === 'added') return `The brief now follows the profile '${change.new}'.`;
    return `The brief no longer names a profile (it followed '${change.old}').`;
  }
  const label = fieldLabel(change.path, context);
  const money = section === 'rate' && change.path.length === 2 && ['amount', 'max', 'kit_fee'].includes(key!) ? ` ${rateUnit(context)}` : '';
  switch (change.kind) {
    case 'added':
      return isComposite(change.new) ? `Adds ${label}.` : `Sets ${label} to ${show(change.new)}${money}.`;
    case 'removed':
      return isComposite(change.old) ? `Removes ${label}.` : `Removes ${label} (was ${show(change.old)}${money}).`;
    default: {
      if (typeof change.old === 'number' && typeof change.new === 'number') {
        return `${capitalize(label)} ${change.new > change.old ? 'rises' : 'falls'} from ${change.old} to ${change.new}${money}.`;
      }
      if (isComposite(change.old) || isComposite(change.new)) return `${capitalize(label)} changes.`;
      return `${capitalize(label)} changes from ${show(change.old)} to ${show(change.new)}${money}.`;
    }
  }
}

/** The need or priority a skill or question takes from the profile under it (a brief's, or the one a profile extends). */
function inheritedLevel(section: string, id: string, context: DiffContext): string | undefined {
  const resolved = context.after ?? context.before;
  return section === 'skills' ? resolved?.profileSkill(id)?.need : resolved?.profileQuestion(id)?.priority;
}

function noun(section: string): string {
  return section === 'skills' ? 'skill' : 'question';
}

function describeItem(section: string, value: unknown, resolved: ResolvedBrief | undefined): string {
  const id = itemId(value) ?? '(no id)';
  if (section === 'skills') {
    // How much it matters, as the model says (its own, else the profile's); said only when known.
    const own = isRecord(value) && typeof value.need === 'string' ? value.need : undefined;
    const need = own ?? resolved?.profileSkill(id)?.need;
    return `the ${need ? `${need} ` : ''}skill '${id}'`;
  }
  const ask = isRecord(value) && typeof value.ask === 'string' ? value.ask : undefined;
  const own = isRecord(value) && typeof value.priority === 'string' ? value.priority : undefined;
  return `the ${own ? `${own} ` : ''}question '${id}'${ask ? ` (${show(ask)})` : ''}`;
}

function waivedName(id: string, context: DiffContext): string {
  const [section] = waivedPath(id, context);
  if (section === 'skills') return `the skill '${id}'`;
  if (section === 'questions') return `the question '${id}'`;
  if (section === 'waive') return `'${id}'`;
  return `the section '${id}'`;
}

/** Names of the fields a reviewer reads, by dotted path ('*' for an item's id). */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  hire: 'the format version',
  'hire-profile': 'the format version',
  role: 'the role',
  engagement: 'the engagement',
  reports_to: 'who they report to',
  summary: 'the summary',
  notes: 'the notes',
  duties: 'the duties',
  'project.name': "the project's name",
  'project.type': "the project's type",
  'project.start': "the project's start date",
  'project.end': "the project's end date",
  'project.location': "the project's location",
  'rate.amount': 'the rate',
  'rate.max': 'the rate ceiling',
  'rate.kit_fee': 'the kit fee',
  'rate.currency': "the rate's currency",
  'rate.per': "the rate's unit",
  'rate.hours': 'the hours the rate covers',
  'workspace.office': 'the office',
  'workspace.tools': 'the tools',
  authority: 'the authority section',
  rate: 'the rate section',
  workspace: 'the workspace section',
  project: 'the project section',
  id: "the profile's id",
  title: "the profile's title",
  about: "the profile's description",
  extends: 'the profile it extends',
  aliases: "the profile's aliases",
  sections: 'the sections the profile asks for',
  '*.ask': 'the wording of the question',
  '*.why': 'why the question is asked',
  '*.evidence': 'the evidence for the skill',
  '*.need': 'how much the skill matters',
  '*.priority': 'how much the question matters',
  '*.name': 'the name of the skill',
  '*.about': 'the description of the skill',
  '*.rubric': 'the rubric of the question',
  '*.assesses': 'the skills the question assesses',
  '*.listen_for': 'what to listen for in the question',
  '*.red_flags': 'the red flags of the question',
};

/** Names of the items of lists of values. */
const LIST_ITEM_NAMES: Readonly<Record<string, string>> = {
  duties: 'a duty',
  'authority.decides': 'an issue they decide themselves',
  'authority.escalates': 'an issue they pass up',
  'workspace.tools': 'a tool',
  aliases: 'an alias',
  sections: 'a section the profile asks for',
  '*.listen_for': 'something to listen for in',
  '*.red_flags': 'a red flag for',
  '*.assesses': 'a skill assessed by',
};

function fieldLabel(path: readonly string[], context: DiffContext): string {
  const [section, key, field, ...rest] = path;
  if ((section === 'skills' || section === 'questions') && key !== undefined) {
    const item = `the ${noun(section)} '${key}'`;
    if (field === undefined) return item;
    const named = FIELD_NAMES[`*.${field}`];
    const base = named ? named.replace(/the (question|skill)$/, item) : `'${field}' of ${item}`;
    if (field === 'rubric' && rest.length > 0) return `anchor ${rest[0]} of the rubric of ${item}`;
    return rest.length > 0 ? `'${[field, ...rest].join('.')}' of ${item}` : base;
  }
  const dotted = path.join('.');
  if (dotted === 'rate.hours') return `the hours a ${rateWord(context)} covers`;
  if (context.kind === 'profile' && dotted === 'about') return "the profile's description";
  return FIELD_NAMES[dotted] ?? `\`${dotted}\``;
}

function listLabel(path: readonly string[]): string {
  const [section, key, field] = path;
  if ((section === 'skills' || section === 'questions') && key !== undefined && field !== undefined) {
    const named = LIST_ITEM_NAMES[`*.${field}`];
    return named ? `${named} the ${noun(section)} '${key}'` : `an item of '${field}' of the ${noun(section)} '${key}'`;
  }
  return LIST_ITEM_NAMES[path.join('.')] ?? `an item of \`${path.join('.')}\``;
}

/** "USD a day", from the new version's rate (else the old one's). */
function rateUnit(context: DiffContext): string {
  const rate = asRecord(context.current.rate) ?? asRecord(context.old.rate) ?? {};
  const currency = typeof rate.currency === 'string' ? rate.currency : '';
  const per = typeof rate.per === 'string' ? rate.per : undefined;
  const unit = per === undefined ? '' : per === 'project' ? ' for the project' : ` ${/^[aeiou]/.test(per) ? 'an' : 'a'} ${per}`;
  return `${currency}${unit}`.trim();
}

function rateWord(context: DiffContext): string {
  const rate = asRecord(context.current.rate) ?? asRecord(context.old.rate) ?? {};
  return typeof rate.per === 'string' ? rate.per : 'unit';
}

/** A value in a sentence: text quoted and cut short, numbers and booleans as they are. */
function show(value: unknown, quote = true): string {
  if (typeof value === 'string') {
    const flat = value.replace(/\s+/g, ' ').trim();
    const short = flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
    return quote ? `"${short}"` : short;
  }
  if (value === null) return 'empty';
  if (isComposite(value)) return JSON.stringify(value).length > 80 ? `${JSON.stringify(value).slice(0, 77)}…` : JSON.stringify(value);
  return String(value);
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/* ---------- findings ---------- */

/**
 * The findings that appear and disappear between two versions, matched by
 * code and message (positions move with every edit and are not compared).
 */
export function diffFindings(old: readonly Diagnostic[], current: readonly Diagnostic[]): FindingsDelta {
  const keyOf = (diagnostic: Diagnostic) => `${String(diagnostic.code)}\u0000${diagnostic.message}`;
  const count = (list: readonly Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const diagnostic of list) counts.set(keyOf(diagnostic), (counts.get(keyOf(diagnostic)) ?? 0) + 1);
    return counts;
  };
  const only = (list: readonly Diagnostic[], other: Map<string, number>, appeared: boolean): FindingChange[] => {
    const result: FindingChange[] = [];
    for (const diagnostic of list) {
      const left = other.get(keyOf(diagnostic)) ?? 0;
      if (left > 0) other.set(keyOf(diagnostic), left - 1);
      else result.push(findingChange(diagnostic, appeared));
    }
    return result;
  };
  return { appeared: only(current, count(old), true), disappeared: only(old, count(current), false) };
}

/** Whether a findings delta is empty. */
export function noFindingChanges(delta: FindingsDelta): boolean {
  return delta.appeared.length === 0 && delta.disappeared.length === 0;
}

function findingChange(diagnostic: Diagnostic, appeared: boolean): FindingChange {
  const code = String(diagnostic.code ?? '');
  const data = (diagnostic.data ?? {}) as { id?: unknown; priority?: unknown };
  const id = typeof data.id === 'string' ? data.id : undefined;
  let what: string | undefined;
  if (id !== undefined) {
    if (code === 'missing-question') what = `${appeared ? 'now' : 'no longer'} missing: ${typeof data.priority === 'string' ? `${data.priority} ` : ''}question '${id}'`;
    else if (code === 'missing-skill') what = `${appeared ? 'now' : 'no longer'} missing: required skill '${id}'`;
    else if (code === 'missing-section') what = `${appeared ? 'now' : 'no longer'} missing: section '${id}'`;
    else if (code === 'unassessed-skill') what = `${appeared ? 'now unassessed' : 'now assessed'}: required skill '${id}'`;
  }
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  return {
    code,
    severity: severityName(diagnostic.severity),
    message,
    summary: what ?? `${appeared ? 'new' : 'resolved'} ${severityName(diagnostic.severity)} (${code}): ${message}`,
  };
}

/* ---------- plain data ---------- */

function itemId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value.id === 'string' ? value.id : undefined;
}

function withoutId(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const { id: _id, ...rest } = value;
  return rest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return isRecord(value) ? value : undefined;
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function isListOrNothing(value: unknown): boolean {
  return value === undefined || value === null || Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function isComposite(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/** The keys of two mappings: the new one's in its order, then those only the old one has. */
function unionKeys(old: Readonly<Record<string, unknown>>, current: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(current), ...Object.keys(old)])];
}

/** A plain value as text, mappings with their keys sorted: equal values, equal texts. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value) ?? 'undefined';
}

/** Whether two plain values are equal: mappings whatever their key order, lists in order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((value, index) => deepEqual(value, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/* ---------- the Changes view ---------- */

/** The changes grouped by the section they are in (the first part of their path), in the order they come. */
export function changesBySection(changes: readonly Change[]): [string, Change[]][] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const section = change.path.split('.')[0];
    if (!groups.has(section)) groups.set(section, []);
    groups.get(section)!.push(change);
  }
  return [...groups];
}

/** The sign of each kind of change, in text and in the Changes view. */
export const CHANGE_MARKS: Readonly<Record<ChangeKind, string>> = { added: '+', removed: '-', changed: '~', moved: '>', waived: '!', unwaived: '!' };

/**
 * The Changes view as an HTML fragment (every value escaped): what changed
 * (`between`: "since HEAD (1a2b3c4)", "from 1a2b3c4 to 5d6e7f8"), by
 * section, then the findings that appear and disappear.
 */
export function changesHtml(changes: readonly Change[], findings: FindingsDelta, between: string): string {
  const parts = [`<section class="hire-changes">`, `<p class="eyebrow">Changes by meaning ${escapeHtml(between)}</p>`];
  if (changes.length === 0) parts.push(`<p class="hire-changes-none">No changes by meaning: only comments or layout differ, if anything.</p>`);
  for (const [section, list] of changesBySection(changes)) {
    parts.push(`<h2>${escapeHtml(section)}</h2>`, '<ul>');
    for (const change of list) {
      parts.push(`<li class="hire-change hire-change-${change.kind}" data-path="${escapeHtml(change.path)}"><span class="hire-change-mark" aria-label="${change.kind}">${escapeHtml(CHANGE_MARKS[change.kind])}</span> ${escapeHtml(change.summary)}</li>`);
    }
    parts.push('</ul>');
  }
  if (!noFindingChanges(findings)) {
    parts.push('<h2>Findings</h2>', '<ul>');
    for (const finding of findings.appeared) parts.push(`<li class="hire-finding-appeared hire-${finding.severity}"><span class="hire-change-mark" aria-label="appears">+</span> ${escapeHtml(finding.summary)}</li>`);
    for (const finding of findings.disappeared) parts.push(`<li class="hire-finding-disappeared"><span class="hire-change-mark" aria-label="disappears">-</span> ${escapeHtml(finding.summary)}</li>`);
    parts.push('</ul>');
  }
  parts.push('</section>');
  return parts.join('\n');
}


/** What the Changes view compares: a base text, and the document's text or (two commits) another. */
export interface ChangesParams {
  readonly base: { readonly text: string; readonly label: string };
  /** Another version to compare the base with, instead of the document's own text. */
  readonly current?: { readonly text: string; readonly label: string };
}

/** The Changes view of a document: its changes and findings, as data and as an HTML fragment. */
export interface ChangesResult {
  /** The document version compared. */
  readonly version: number;
  readonly changes: readonly Change[];
  readonly findings: FindingsDelta;
  readonly content: string;
  /** Why the two versions cannot be compared (a side does not parse); `content` says it too. */
  readonly error?: string;
}

/** The Changes view of a failed comparison. */
export function changesError(version: number, message: string): ChangesResult {
  return { version, changes: [], findings: { appeared: [], disappeared: [] }, content: `<section class="hire-changes"><p class="hire-empty">${escapeHtml(message)}</p></section>`, error: message };
}

/** What a side that cannot be compared says in the Changes view. */
export function describeDiffFailure(outcome: Exclude<DiffOutcome, { readonly changes: readonly Change[] }>, labels: { readonly old: string; readonly new: string }): string {
  if ('usage' in outcome) return outcome.usage;
  const where = outcome.error.line === undefined ? '' : ` (line ${outcome.error.line}, column ${outcome.error.column})`;
  return `Cannot compare: ${outcome.side === 'old' ? labels.old : labels.new} ${outcome.error.line === undefined ? outcome.error.error : `does not parse${where}: ${outcome.error.error}`}`;
}
