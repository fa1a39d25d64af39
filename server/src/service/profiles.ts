/**
 * Role profiles: what a brief is checked against beyond the schema. The
 * built-in profile is data (`schemas/profiles/`); teams add their own. A
 * profile may extend another: its sections, skills and questions merge over
 * the parent's, a field the child sets replacing the parent's.
 */
import { BUILTIN_PROFILE_SCHEME } from './names';
import { MAX_EXTENDS_DEPTH } from './limits';
import { hasSyntaxErrors, parseText } from './parse';
import { readRubric, type Rubric } from './rubric';
import builtinProductionCoordinator from '../../../schemas/profiles/production-coordinator.hire-profile.yaml';

/** How much a skill matters. */
export type Need = 'required' | 'preferred';
/** How much a question matters. */
export type Priority = 'required' | 'recommended';

/** A skill a profile looks for. */
export interface ProfileSkill {
  readonly id: string;
  readonly name: string;
  readonly about?: string;
  readonly need: Need;
  /** A hint of the evidence that shows the skill. */
  readonly evidence?: string;
}

/** An interview question a profile asks. */
export interface ProfileQuestion {
  readonly id: string;
  readonly ask: string;
  readonly why?: string;
  readonly listen_for: readonly string[];
  readonly red_flags: readonly string[];
  /** What an answer at each score sounds like. */
  readonly rubric?: Rubric;
  readonly assesses: readonly string[];
  readonly priority: Priority;
}

/** A role profile, with inheritance already applied when it comes from a registry. */
export interface Profile {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly about?: string;
  readonly extends?: string;
  readonly sections: readonly string[];
  readonly skills: readonly ProfileSkill[];
  readonly questions: readonly ProfileQuestion[];
  /** Where it comes from: a file URI, or a `hire-builtin:` URI. */
  readonly source: string;
}

/**
 * A profile as its file declares it, before inheritance: a field the file
 * leaves unset stays unset, so that `extends` fills it from the parent.
 */
export interface DeclaredProfile {
  readonly id: string;
  readonly title?: string;
  readonly aliases?: readonly string[];
  readonly about?: string;
  readonly extends?: string;
  readonly sections?: readonly string[];
  readonly skills: readonly DeclaredItem<ProfileSkill>[];
  readonly questions: readonly DeclaredItem<ProfileQuestion>[];
  readonly source: string;
}

/** A skill or question as a profile file declares it: an id and the fields it sets. */
export type DeclaredItem<T extends { readonly id: string }> = Partial<T> & { readonly id: string };

/** The URI of a built-in profile: its source, and the document the editor shows for it. */
export function builtinProfileUri(id: string): string {
  return `${BUILTIN_PROFILE_SCHEME}:/${id}.hire-profile.yaml`;
}

/** The built-in profiles' texts, by source. */
export const builtinProfileTexts: ReadonlyMap<string, string> = new Map([
  [builtinProfileUri('production-coordinator'), builtinProductionCoordinator],
]);

/**
 * Reads a profile from its plain data, keeping what is well formed and
 * leaving unset what the data does not set. Returns undefined when there is
 * no usable `id`. Validation messages come from the profile schema, not from here.
 */
export function readProfile(value: unknown, source: string): DeclaredProfile | undefined {
  if (!isObject(value) || typeof value.id !== 'string') return undefined;
  return defined({
    id: value.id,
    title: optionalString(value.title),
    aliases: optionalStrings(value.aliases),
    about: optionalString(value.about),
    extends: optionalString(value.extends),
    sections: optionalStrings(value.sections),
    skills: objects(value.skills).flatMap((skill) =>
      typeof skill.id === 'string'
        ? [defined<DeclaredItem<ProfileSkill>>({
            id: skill.id,
            name: optionalString(skill.name),
            about: optionalString(skill.about),
            need: skill.need === 'preferred' || skill.need === 'required' ? skill.need : undefined,
            evidence: optionalString(skill.evidence),
          })]
        : [],
    ),
    questions: objects(value.questions).flatMap((question) =>
      typeof question.id === 'string'
        ? [defined<DeclaredItem<ProfileQuestion>>({
            id: question.id,
            ask: optionalString(question.ask),
            why: optionalString(question.why),
            listen_for: optionalStrings(question.listen_for),
            red_flags: optionalStrings(question.red_flags),
            rubric: readRubric(question.rubric),
            assesses: optionalStrings(question.assesses),
            priority: question.priority === 'recommended' || question.priority === 'required' ? question.priority : undefined,
          })]
        : [],
    ),
    source,
  });
}

/** Parses a profile file's text (within the limits of every parse); undefined when it is not a usable profile. */
export function parseProfile(text: string, source: string): DeclaredProfile | undefined {
  const parsed = parseText(source, 0, text);
  return hasSyntaxErrors(parsed) || parsed.extraDocuments.length > 0 ? undefined : readProfile(parsed.value, source);
}

/**
 * What is wrong with a profile's `extends`: it names no profile, the chain
 * comes back to the profile, or the parent's chain is already
 * MAX_EXTENDS_DEPTH profiles long (`chain`: the parent's, which this profile
 * does not inherit).
 */
export type ExtendsProblem =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'cycle'; readonly chain: readonly string[] }
  | { readonly kind: 'deep'; readonly chain: readonly string[] };

/** A profile with inheritance applied, before its unset fields get defaults, and how many profiles its chain holds. */
interface Merged {
  readonly profile: DeclaredProfile;
  readonly depth: number;
  /** Its chain would be deeper than MAX_EXTENDS_DEPTH: it does not inherit from its parent. */
  readonly cut?: boolean;
}

/** The registry's profiles resolved at one generation. */
interface Resolution {
  /** The profile used for each id. */
  readonly winners: Map<string, DeclaredProfile>;
  /** Each id's profile with inheritance applied. */
  readonly resolved: Map<string, Profile>;
  /** Each id's profile merged over its parents, with its chain's depth. */
  readonly merged: Map<string, Merged>;
  /** The ids on a cycle of `extends`, each with the ids along it. */
  readonly cycles: Map<string, { readonly ring: readonly string[]; readonly index: number }>;
}

/**
 * The profiles a brief can name: the built-in ones and any a workspace adds.
 * Lookups return profiles with `extends` applied. A workspace profile with a
 * built-in profile's id takes its place; of two workspace profiles with one
 * id (a `duplicate-profile` finding), the one whose source sorts first is used.
 */
export class ProfileRegistry {
  private readonly sources = new Map<string, DeclaredProfile>();
  /** Whether the built-in profiles are still to be parsed (at first use, so that a server starts sooner). */
  private builtinsPending = false;
  private cache: Resolution | undefined;
  private changes = 0;

  /** Counts the changes (`set`, `delete`): findings computed at another generation may be stale. */
  get generation(): number {
    return this.changes;
  }

  /** A registry holding the built-in profiles (parsed at first use). */
  static withBuiltins(): ProfileRegistry {
    const registry = new ProfileRegistry();
    registry.builtinsPending = true;
    return registry;
  }

  /** A registry holding these profiles, as another registry's `declared()` gives them. */
  static of(profiles: readonly DeclaredProfile[]): ProfileRegistry {
    const registry = new ProfileRegistry();
    for (const profile of profiles) registry.sources.set(profile.source, profile);
    return registry;
  }

  /** The profiles by source, the built-in ones parsed if they are still pending. */
  private get bySource(): Map<string, DeclaredProfile> {
    if (this.builtinsPending) {
      this.builtinsPending = false;
      for (const [source, text] of builtinProfileTexts) {
        const profile = parseProfile(text, source);
        if (profile && !this.sources.has(source)) this.sources.set(source, profile);
      }
    }
    return this.sources;
  }

  /** Adds or replaces the profile read from a source. */
  set(source: string, profile: DeclaredProfile | undefined): void {
    if (profile) this.bySource.set(source, profile);
    else this.bySource.delete(source);
    this.cache = undefined;
    this.changes++;
  }

  /** Forgets the profile of a source. */
  delete(source: string): void {
    this.bySource.delete(source);
    this.cache = undefined;
    this.changes++;
  }

  /** The profile with this id, inheritance applied. */
  get(id: string): Profile | undefined {
    return this.resolve().resolved.get(id);
  }

  /** Every known profile, inheritance applied, sorted by id. */
  all(): Profile[] {
    return [...this.resolve().resolved.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Every profile as read from its source, before inheritance. */
  declared(): DeclaredProfile[] {
    return [...this.bySource.values()];
  }

  /** The profile read from a source, before inheritance. */
  declaredAt(source: string): DeclaredProfile | undefined {
    return this.bySource.get(source);
  }

  /** The sources of every workspace profile with this id (more than one is a `duplicate-profile`). */
  sourcesOf(id: string): string[] {
    return [...this.bySource.values()].filter((profile) => profile.id === id && !isBuiltin(profile)).map((profile) => profile.source).sort();
  }

  /**
   * The profiles in use along an id's `extends` chain, the profile itself
   * first, each as declared; stops before an unknown parent or a repeat, and
   * after a profile that does not inherit (its chain would be too deep) or
   * MAX_EXTENDS_DEPTH profiles.
   */
  chain(id: string): DeclaredProfile[] {
    const { winners, merged } = this.resolve();
    const chain: DeclaredProfile[] = [];
    const seen = new Set<string>();
    for (let current = winners.get(id); current && !seen.has(current.id) && chain.length < MAX_EXTENDS_DEPTH; current = parentOf(current, winners)) {
      seen.add(current.id);
      chain.push(current);
      if (merged.get(current.id)?.cut) break;
    }
    return chain;
  }

  /** What is wrong with the `extends` of the profile read from a source; undefined when nothing is. */
  extendsProblem(source: string): ExtendsProblem | undefined {
    const profile = this.bySource.get(source);
    if (profile?.extends === undefined) return undefined;
    const { winners, merged, cycles } = this.resolve();
    if (!winners.has(profile.extends)) return { kind: 'unknown' };
    const parents = this.chain(profile.extends).map((parent) => parent.id);
    if (winners.get(profile.id) === profile) {
      const cycle = cycles.get(profile.id);
      if (cycle) return { kind: 'cycle', chain: [...cycle.ring.slice(cycle.index), ...cycle.ring.slice(0, cycle.index), profile.id] };
      return merged.get(profile.id)?.cut ? { kind: 'deep', chain: parents } : undefined;
    }
    // A profile another source's profile of its id replaces: what its extends would be.
    const back = parents.indexOf(profile.id);
    if (back >= 0) return { kind: 'cycle', chain: [profile.id, ...parents.slice(0, back + 1)] };
    return (merged.get(profile.extends)?.depth ?? 0) >= MAX_EXTENDS_DEPTH ? { kind: 'deep', chain: parents } : undefined;
  }

  /** The profile whose title or an alias is this role, ignoring case. */
  findByRole(role: string): Profile | undefined {
    const wanted = normalizeTitle(role);
    return this.all().find((profile) =>
      [profile.title, ...profile.aliases].some((title) => normalizeTitle(title) === wanted),
    );
  }

  /**
   * Resolves every profile once per generation: each inherits from its
   * parent's resolved profile (memoised), so a chain of n profiles takes n
   * merges, not n². A profile whose chain would be deeper than
   * MAX_EXTENDS_DEPTH does not inherit (a `profile-extends` finding); a
   * profile on a cycle inherits from the others on it, up to that depth.
   */
  private resolve(): Resolution {
    if (this.cache) return this.cache;
    const winners = new Map<string, DeclaredProfile>();
    const ordered = [...this.bySource.values()].sort((a, b) => Number(isBuiltin(b)) - Number(isBuiltin(a)) || (a.source < b.source ? 1 : a.source > b.source ? -1 : 0));
    // Built-ins first, then workspace profiles from the last source to the first: the later entries win.
    for (const profile of ordered) winners.set(profile.id, profile);
    const cycles = findCycles(winners);
    const merged = new Map<string, Merged>();
    for (const start of winners.values()) {
      // The profiles up to one already merged (or the top of the chain, or a cycle), merged from the top down.
      const pending: DeclaredProfile[] = [];
      let top: DeclaredProfile | undefined = start;
      while (top && !merged.has(top.id) && !cycles.has(top.id)) {
        pending.push(top);
        top = parentOf(top, winners);
      }
      let parent = top && (merged.get(top.id) ?? mergeCycle(top, winners, merged));
      for (let index = pending.length - 1; index >= 0; index--) {
        const profile = pending[index];
        const entry: Merged = !parent
          ? { profile, depth: 1 }
          : parent.depth >= MAX_EXTENDS_DEPTH
            ? { profile, depth: 1, cut: true }
            : { profile: mergeProfiles(parent.profile, profile), depth: parent.depth + 1 };
        merged.set(profile.id, entry);
        parent = entry;
      }
    }
    const resolved = new Map<string, Profile>();
    for (const id of winners.keys()) resolved.set(id, complete(merged.get(id)!.profile));
    this.cache = { winners, resolved, merged, cycles };
    return this.cache;
  }
}

/** The profile a profile's `extends` names, if it is known. */
function parentOf(profile: DeclaredProfile, winners: ReadonlyMap<string, DeclaredProfile>): DeclaredProfile | undefined {
  return profile.extends === undefined ? undefined : winners.get(profile.extends);
}

/** The ids on cycles of `extends`, each with its cycle (found in one pass: each profile has at most one parent). */
function findCycles(winners: ReadonlyMap<string, DeclaredProfile>): Map<string, { ring: readonly string[]; index: number }> {
  const cycles = new Map<string, { ring: readonly string[]; index: number }>();
  const done = new Set<string>();
  for (const start of winners.values()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    for (let current: DeclaredProfile | undefined = start; current && !done.has(current.id); current = parentOf(current, winners)) {
      const seen = onPath.get(current.id);
      if (seen !== undefined) {
        const ring = path.slice(seen);
        ring.forEach((id, index) => cycles.set(id, { ring, index }));
        break;
      }
      onPath.set(current.id, path.length);
      path.push(current.id);
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}

/** A profile on a cycle, merged over the others along it up to MAX_EXTENDS_DEPTH profiles (each is merged on its own: a cycle has no top). */
function mergeCycle(profile: DeclaredProfile, winners: ReadonlyMap<string, DeclaredProfile>, merged: Map<string, Merged>): Merged {
  const along: DeclaredProfile[] = [];
  const seen = new Set<string>();
  for (let current: DeclaredProfile | undefined = profile; current && !seen.has(current.id) && along.length < MAX_EXTENDS_DEPTH; current = parentOf(current, winners)) {
    seen.add(current.id);
    along.push(current);
  }
  const entry: Merged = { profile: along.reduceRight<DeclaredProfile | undefined>((parent, child) => (parent ? mergeProfiles(parent, child) : child), undefined)!, depth: along.length };
  merged.set(profile.id, entry);
  return entry;
}

/** Whether a profile comes with the extension. */
export function isBuiltin(profile: { readonly source: string }): boolean {
  return profile.source.startsWith(`${BUILTIN_PROFILE_SCHEME}:`);
}

/** A child profile over its parent: lists merge by id, a field the child sets replacing the parent's. */
function mergeProfiles(parent: DeclaredProfile, child: DeclaredProfile): DeclaredProfile {
  return {
    ...child,
    about: child.about ?? parent.about,
    sections: [...new Set([...(parent.sections ?? []), ...(child.sections ?? [])])],
    skills: mergeById(parent.skills, child.skills),
    questions: mergeById(parent.questions, child.questions),
  };
}

function mergeById<T extends { readonly id: string }>(parent: readonly T[], child: readonly T[]): T[] {
  const merged = new Map(parent.map((item) => [item.id, item] as const));
  for (const item of child) merged.set(item.id, { ...merged.get(item.id), ...item });
  return [...merged.values()];
}

/** A declared profile with every unset field at its default. */
function complete(profile: DeclaredProfile): Profile {
  return {
    ...profile,
    title: profile.title ?? profile.id,
    aliases: profile.aliases ?? [],
    sections: profile.sections ?? [],
    skills: profile.skills.map((skill) => ({ ...skill, name: skill.name ?? skill.id, need: skill.need ?? 'required' })),
    questions: profile.questions.map((question) => ({
      ...question,
      ask: question.ask ?? question.id,
      listen_for: question.listen_for ?? [],
      red_flags: question.red_flags ?? [],
      assesses: question.assesses ?? [],
      priority: question.priority ?? 'required',
    })),
  };
}

/** An object without its undefined fields, so that spreading it over another keeps the other's values. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function normalizeTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function optionalStrings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
