/**
 * The brief model: which profile a brief uses, which skills and questions it
 * has once the profile's fields are filled in, which skills its questions
 * assess and what it waives, each with the YAML node it came from. Every
 * feature reads it (checks, completion, hover, symbols, code lens, code
 * actions, navigation, overview, render); none derives it again.
 *
 * Two steps: `readBrief` reads the tree once per parse (cached); `resolveBrief`
 * puts the profile's fields under it, once per parse and profile generation.
 * Reading is lenient: a malformed part is skipped here and reported by the
 * schema.
 */
import * as YAML from 'yaml';
import { findPair, keyName, type ParsedDocument } from '../parse';
import type { DeclaredProfile, Profile, ProfileQuestion, ProfileRegistry, ProfileSkill } from '../profiles';
import { readRubric, type Rubric } from '../rubric';
import { isStringScalar, stringItems, stringOf } from './nodes';

/** The top-level keys of a brief, in the order docs/format.md lists them. */
export const BRIEF_KEYS = [
  'hire', 'role', 'profile', 'engagement', 'reports_to', 'project', 'summary', 'duties',
  'skills', 'authority', 'rate', 'workspace', 'questions', 'apply', 'waive', 'notes',
] as const;

/** A top-level key of a brief. */
export type BriefKey = (typeof BRIEF_KEYS)[number];

/** A pair of the brief whose key is a plain string. */
export type BriefPair = YAML.Pair<YAML.Scalar, YAML.Node | null>;

/** A skill or question of the brief. */
export interface BriefItem {
  readonly id: string;
  /** The id's scalar: the item itself for a shorthand skill. */
  readonly idNode: YAML.Scalar;
  /** The list item: a mapping, or the id scalar for a shorthand skill. */
  readonly node: YAML.Node;
  readonly index: number;
  /** The item as a mapping; undefined for a shorthand skill. */
  readonly map?: YAML.YAMLMap;
}

/** The parts of a brief the features read. */
export interface Brief {
  readonly root: YAML.YAMLMap;
  /** Top-level pairs by key. */
  readonly sections: ReadonlyMap<string, BriefPair>;
  readonly skills: readonly BriefItem[];
  readonly questions: readonly BriefItem[];
  /** Waived ids, with the pair that waives each. */
  readonly waived: ReadonlyMap<string, BriefPair>;
}

/** The brief model of each parse, read once: every feature of a version reads the same model. */
const briefs = new WeakMap<ParsedDocument, Brief | undefined>();

/**
 * Forgets the model of a parse that is no longer used. Left to the collector,
 * a weak map's entry goes only in a full collection: until then its model, and
 * the tree it points into, survive young-generation collections and are copied
 * to the old generation (checking many files copied every tree there).
 */
export function forgetBrief(parsed: ParsedDocument): void {
  briefs.delete(parsed);
}

/** Reads the brief model of a parsed document; undefined when its root is not a mapping. */
export function readBrief(parsed: ParsedDocument): Brief | undefined {
  if (!briefs.has(parsed)) briefs.set(parsed, read(parsed));
  return briefs.get(parsed);
}

/** A document's top-level pairs by key; the first of a key written twice (the schema reports the second). */
export function readSections(root: YAML.YAMLMap): Map<string, BriefPair> {
  const sections = new Map<string, BriefPair>();
  for (const pair of root.items) {
    const name = keyName(pair);
    if (!sections.has(name)) sections.set(name, pair as BriefPair);
  }
  return sections;
}

function read(parsed: ParsedDocument): Brief | undefined {
  const root = parsed.yaml?.contents;
  if (!YAML.isMap(root)) return undefined;
  const sections = readSections(root);
  const waived = new Map<string, BriefPair>();
  const waive = findPair(root, 'waive')?.value;
  if (YAML.isMap(waive)) for (const pair of waive.items) waived.set(keyName(pair), pair as BriefPair);
  return {
    root,
    sections,
    skills: readItems(findPair(root, 'skills')?.value, true),
    questions: readItems(findPair(root, 'questions')?.value, false),
    waived,
  };
}

function readItems(list: YAML.Node | null | undefined, allowShorthand: boolean): BriefItem[] {
  if (!YAML.isSeq(list)) return [];
  const items: BriefItem[] = [];
  list.items.forEach((node, index) => {
    if (allowShorthand && isStringScalar(node)) {
      items.push({ id: node.value, idNode: node, node, index });
    } else if (YAML.isMap(node)) {
      const idNode = findPair(node, 'id')?.value;
      if (isStringScalar(idNode)) {
        items.push({ id: idNode.value, idNode, node, index, map: node });
      }
    }
  });
  return items;
}

/** A string field of an item's mapping, if set. */
export function itemString(item: BriefItem, key: string): string | undefined {
  return stringOf(findPair(item.map, key)?.value);
}

/** A list-of-strings field of an item's mapping, with its nodes; undefined if not set. */
export function itemStrings(item: BriefItem, key: string): YAML.Scalar<string>[] | undefined {
  return stringItems(findPair(item.map, key)?.value);
}

/** The text of a top-level key (`role`, `profile`; in a profile document `id`, `extends`), when it is a string. */
export function sectionText(brief: Brief | undefined, key: string): string | undefined {
  return stringOf(brief?.sections.get(key)?.value);
}

/** The value of a key of a top-level section's mapping (`rate.amount`), found through the model's sections. */
export function sectionField(brief: Brief, section: BriefKey, key: string): YAML.Node | null | undefined {
  return findPair(brief.sections.get(section)?.value, key)?.value;
}

// ---------------------------------------------------------------------------
// The brief over its profile: which profile, which skills, which questions

/** Where an effective skill or question comes from: the brief lists it, or only its profile does. */
export type Origin = 'brief' | 'profile';

/** A skill after inheritance: the brief's own fields over its profile's (`declared`). */
export interface EffectiveSkill {
  readonly id: string;
  readonly origin: Origin;
  /** The brief's entry; undefined for a skill only the profile has. */
  readonly item?: BriefItem;
  /** The node a finding about the skill points at: the brief's id, else the `skills` key, else the `profile` value. */
  readonly anchor: YAML.Node | null | undefined;
  /** The profile's skill of this id, inheritance applied. */
  readonly declared?: ProfileSkill;
  readonly name?: string;
  readonly about?: string;
  readonly need: string;
  /** The brief's own `evidence` (how it will know): the profile's is only a hint, in `declared`, and does not assess the skill. */
  readonly evidence?: string;
}

/** A question after inheritance: the brief's own fields over its profile's (`declared`). */
export interface EffectiveQuestion {
  readonly id: string;
  readonly origin: Origin;
  /** The brief's entry; undefined for a question only the profile has. */
  readonly item?: BriefItem;
  /** The node a finding about the question points at: the brief's id, else the `questions` key, else the `profile` value. */
  readonly anchor: YAML.Node | null | undefined;
  /** The profile's question of this id, inheritance applied. */
  readonly declared?: ProfileQuestion;
  readonly ask?: string;
  readonly why?: string;
  readonly listenFor: readonly string[];
  readonly redFlags: readonly string[];
  /** What an answer at each score sounds like: its own `rubric` (one set to something without anchors: none, `{}`; the schema reports it), else its profile question's. */
  readonly rubric?: Rubric;
  /** The skills it assesses: its own `assesses`, else its profile question's. */
  readonly assesses: readonly string[];
  /** Its own `priority` (a profile document's questions set one), else the profile's. */
  readonly priority?: string;
}

/** A skill or question the brief lists. */
export type Listed<T> = T & { readonly origin: 'brief'; readonly item: BriefItem };
/** A skill or question only the profile has. */
export type Unlisted<T, D> = T & { readonly origin: 'profile'; readonly item?: undefined; readonly declared: D };

/** A brief (or a profile document, read the same way) with the profile it refers to under it. */
export interface ResolvedBrief {
  readonly brief: Brief;
  /** The profile id the document names (a brief's `profile`, a profile document's `extends`), known or not. */
  readonly profileId?: string;
  /** The node that names it (the `profile` value), where findings about the profile point. */
  readonly profileNode?: YAML.Node | null;
  /** The profile, inheritance applied; undefined when none is named or the id is unknown. */
  readonly profile?: Profile;
  /** The profiles along its `extends` chain, the profile itself first, each as declared. */
  readonly chain: readonly DeclaredProfile[];
  /** The brief's skills in order (an id listed twice, twice), each over its profile's. */
  readonly skills: readonly Listed<EffectiveSkill>[];
  /** The brief's questions in order, each over its profile's. */
  readonly questions: readonly Listed<EffectiveQuestion>[];
  /** The profile's skills the brief does not list, in the profile's order (waived ones too). */
  readonly unlistedSkills: readonly Unlisted<EffectiveSkill, ProfileSkill>[];
  /** The profile's questions the brief does not ask, in the profile's order (waived ones too). */
  readonly unlistedQuestions: readonly Unlisted<EffectiveQuestion, ProfileQuestion>[];
  /** The skills the brief's questions assess. */
  readonly assessed: ReadonlySet<string>;
  /** The skill of an id: the brief's first, else the profile's; undefined when neither has it. */
  skill(id: string): EffectiveSkill | undefined;
  /** The question of an id: the brief's first, else the profile's; undefined when neither has it. */
  question(id: string): EffectiveQuestion | undefined;
  /** The profile's skill of an id, if any. */
  profileSkill(id: string): ProfileSkill | undefined;
  /** The profile's question of an id, if any. */
  profileQuestion(id: string): ProfileQuestion | undefined;
  /** Whether an id is waived; waiving a section (`skills`, `questions`) waives each of its items as well. */
  isWaived(id: string, section?: 'skills' | 'questions'): boolean;
}

/** Where a brief model keeps its resolved model, for one registry generation: on the model itself, so that it goes with it (no weak map to keep it). */
const RESOLVED = Symbol('resolved');

/** A brief model with the slot for its resolved model. */
type Resolvable = Brief & { [RESOLVED]?: { readonly profiles: ProfileRegistry; readonly generation: number; readonly resolved: ResolvedBrief } };

/**
 * A brief with its profile under it: the one answer to "which profile, which
 * skills, which questions". Computed once per brief model and profile
 * generation.
 */
export function resolveBrief(brief: Brief, profiles: ProfileRegistry): ResolvedBrief {
  const cached = (brief as Resolvable)[RESOLVED];
  if (cached && cached.profiles === profiles && cached.generation === profiles.generation) return cached.resolved;
  const profileNode = brief.sections.get('profile')?.value;
  const profileId = stringOf(profileNode);
  const resolved = resolveOver(brief, profileId === undefined ? undefined : profiles.get(profileId), profileNode, profileId, () =>
    profileId === undefined ? [] : profiles.chain(profileId),
  );
  (brief as Resolvable)[RESOLVED] = { profiles, generation: profiles.generation, resolved };
  return resolved;
}

/**
 * A document read as a brief is over a profile: each field the document sets
 * wins over the profile's. Fields are read when asked for (the checks read
 * few of them); `chain` and the unlisted items are computed when first asked for.
 */
export function resolveOver(
  brief: Brief,
  profile: Profile | undefined,
  profileNode?: YAML.Node | null,
  profileId?: string,
  chainOf: () => readonly DeclaredProfile[] = () => [],
): ResolvedBrief {
  return new Resolution(brief, profile, profileNode, profileId, chainOf);
}

/**
 * The resolved model, a class: its lazy parts are getters of the prototype.
 * A getter written in an object literal is a new function per object, held
 * by an accessor pair that V8 allocates in the old generation: through it
 * every resolved brief, with the YAML tree it points into, survived young
 * collections until a full one (checking many files took more full collections).
 */
class Resolution implements ResolvedBrief {
  readonly skills: readonly ListedSkill[];
  readonly questions: readonly ListedQuestion[];
  readonly assessed = new Set<string>();
  private readonly index: ProfileIndex;
  private readonly skillsById: ReadonlyMap<string, EffectiveSkill>;
  private readonly questionsById: ReadonlyMap<string, EffectiveQuestion>;
  private chainCache?: readonly DeclaredProfile[];
  private unlistedSkillsCache?: Unlisted<EffectiveSkill, ProfileSkill>[];
  private unlistedQuestionsCache?: Unlisted<EffectiveQuestion, ProfileQuestion>[];

  constructor(
    readonly brief: Brief,
    readonly profile: Profile | undefined,
    readonly profileNode: YAML.Node | null | undefined,
    readonly profileId: string | undefined,
    private readonly chainOf: () => readonly DeclaredProfile[],
  ) {
    this.index = profileIndex(profile);
    this.skills = brief.skills.map((item) => new ListedSkill(item, this.index.skills.get(item.id)));
    this.questions = brief.questions.map((item) => new ListedQuestion(item, this.index.questions.get(item.id)));
    for (const question of this.questions) for (const id of question.assesses) this.assessed.add(id);
    this.skillsById = firstById<EffectiveSkill>(this.skills);
    this.questionsById = firstById<EffectiveQuestion>(this.questions);
  }

  get chain(): readonly DeclaredProfile[] {
    return (this.chainCache ??= this.chainOf());
  }

  get unlistedSkills(): readonly Unlisted<EffectiveSkill, ProfileSkill>[] {
    const anchor = this.anchor('skills');
    return (this.unlistedSkillsCache ??= (this.profile?.skills ?? []).flatMap((declared) => (this.skillsById.has(declared.id) ? [] : [unlistedSkill(declared, anchor)])));
  }

  get unlistedQuestions(): readonly Unlisted<EffectiveQuestion, ProfileQuestion>[] {
    const anchor = this.anchor('questions');
    return (this.unlistedQuestionsCache ??= (this.profile?.questions ?? []).flatMap((declared) => (this.questionsById.has(declared.id) ? [] : [unlistedQuestion(declared, anchor)])));
  }

  // Arrow functions, not methods: features take them off the model (`const { isWaived } = model`).
  readonly skill = (id: string): EffectiveSkill | undefined => {
    const declared = this.index.skills.get(id);
    return this.skillsById.get(id) ?? (declared ? unlistedSkill(declared, this.anchor('skills')) : undefined);
  };

  readonly question = (id: string): EffectiveQuestion | undefined => {
    const declared = this.index.questions.get(id);
    return this.questionsById.get(id) ?? (declared ? unlistedQuestion(declared, this.anchor('questions')) : undefined);
  };

  readonly profileSkill = (id: string): ProfileSkill | undefined => this.index.skills.get(id);

  readonly profileQuestion = (id: string): ProfileQuestion | undefined => this.index.questions.get(id);

  readonly isWaived = (id: string, section?: 'skills' | 'questions'): boolean => this.brief.waived.has(id) || (section !== undefined && this.brief.waived.has(section));

  /** Where a finding about an item only the profile has points: the section's key, else the `profile` value. */
  private anchor(section: 'skills' | 'questions'): YAML.Node | null | undefined {
    return this.brief.sections.get(section)?.key ?? this.profileNode;
  }
}

/** The skills a brief's questions assess over a given profile: a question's own `assesses`, else its profile question's. */
export function assessedSkills(brief: Brief, profile: Profile | undefined): ReadonlySet<string> {
  return resolveOver(brief, profile).assessed;
}

/** A skill the brief lists, its fields read from its node when asked for. */
class ListedSkill implements Listed<EffectiveSkill> {
  readonly origin = 'brief';
  constructor(
    readonly item: BriefItem,
    readonly declared: ProfileSkill | undefined,
  ) {}
  get id(): string {
    return this.item.id;
  }
  get anchor(): YAML.Node {
    return this.item.idNode;
  }
  get name(): string | undefined {
    return itemString(this.item, 'name') ?? this.declared?.name;
  }
  get about(): string | undefined {
    return itemString(this.item, 'about') ?? this.declared?.about;
  }
  get need(): string {
    return itemString(this.item, 'need') ?? this.declared?.need ?? 'required';
  }
  get evidence(): string | undefined {
    return itemString(this.item, 'evidence');
  }
}

/** A question the brief lists, its fields read from its node when asked for. */
class ListedQuestion implements Listed<EffectiveQuestion> {
  readonly origin = 'brief';
  constructor(
    readonly item: BriefItem,
    readonly declared: ProfileQuestion | undefined,
  ) {}
  get id(): string {
    return this.item.id;
  }
  get anchor(): YAML.Node {
    return this.item.idNode;
  }
  get ask(): string | undefined {
    return itemString(this.item, 'ask') ?? this.declared?.ask;
  }
  get why(): string | undefined {
    return itemString(this.item, 'why') ?? this.declared?.why;
  }
  get listenFor(): readonly string[] {
    return this.list('listen_for');
  }
  get redFlags(): readonly string[] {
    return this.list('red_flags');
  }
  get assesses(): readonly string[] {
    return this.list('assesses');
  }
  get rubric(): Rubric | undefined {
    // An empty `rubric:` sets nothing: the profile's stays.
    const value = findPair(this.item.map, 'rubric')?.value;
    if (!value || (YAML.isScalar(value) && value.value === null)) return this.declared?.rubric;
    return readRubric(value.toJSON()) ?? {};
  }
  get priority(): string | undefined {
    return itemString(this.item, 'priority') ?? this.declared?.priority;
  }
  private list(key: 'listen_for' | 'red_flags' | 'assesses'): readonly string[] {
    return itemStrings(this.item, key)?.map((node) => node.value) ?? this.declared?.[key] ?? [];
  }
}

function unlistedSkill(declared: ProfileSkill, anchor: YAML.Node | null | undefined): Unlisted<EffectiveSkill, ProfileSkill> {
  return { id: declared.id, origin: 'profile', anchor, declared, name: declared.name, about: declared.about, need: declared.need };
}

function unlistedQuestion(declared: ProfileQuestion, anchor: YAML.Node | null | undefined): Unlisted<EffectiveQuestion, ProfileQuestion> {
  return {
    id: declared.id,
    origin: 'profile',
    anchor,
    declared,
    ask: declared.ask,
    why: declared.why,
    listenFor: declared.listen_for,
    redFlags: declared.red_flags,
    rubric: declared.rubric,
    assesses: declared.assesses,
    priority: declared.priority,
  };
}

/** A profile's skills and questions by id, built once per profile (a registry's profiles stay the same objects until it changes). */
const profileIndexes = new WeakMap<Profile, ProfileIndex>();
const NO_PROFILE: ProfileIndex = { skills: new Map(), questions: new Map() };

/** A profile's skills and questions by id. */
interface ProfileIndex {
  readonly skills: ReadonlyMap<string, ProfileSkill>;
  readonly questions: ReadonlyMap<string, ProfileQuestion>;
}

function profileIndex(profile: Profile | undefined): ProfileIndex {
  if (!profile) return NO_PROFILE;
  let index = profileIndexes.get(profile);
  if (!index) profileIndexes.set(profile, (index = { skills: firstById(profile.skills), questions: firstById(profile.questions) }));
  return index;
}

/** Items by id, the first of each id (as `find` would give). */
export function firstById<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}
