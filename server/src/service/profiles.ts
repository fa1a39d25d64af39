/**
 * Role profiles: what a brief is checked against beyond the schema. The
 * built-in profile is data (`schemas/profiles/`); teams add their own. A
 * profile may extend another: its sections, skills and questions merge over
 * the parent's, a field the child sets replacing the parent's.
 */
import * as YAML from 'yaml';
import { BUILTIN_PROFILE_SCHEME } from '../protocol';
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
            assesses: optionalStrings(question.assesses),
            priority: question.priority === 'recommended' || question.priority === 'required' ? question.priority : undefined,
          })]
        : [],
    ),
    source,
  });
}

/** Parses a profile file's text; undefined when it is not a usable profile. */
export function parseProfile(text: string, source: string): DeclaredProfile | undefined {
  try {
    return readProfile(YAML.parse(text, { maxAliasCount: 1000 }), source);
  } catch {
    return undefined;
  }
}

/** What is wrong with a profile's `extends`: it names no profile, or the chain comes back to the profile. */
export type ExtendsProblem = { readonly kind: 'unknown' } | { readonly kind: 'cycle'; readonly chain: readonly string[] };

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
  private cache: { winners: Map<string, DeclaredProfile>; resolved: Map<string, Profile> } | undefined;
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
   * first, each as declared; stops before an unknown parent or a repeat.
   */
  chain(id: string): DeclaredProfile[] {
    const { winners } = this.resolve();
    const chain: DeclaredProfile[] = [];
    const seen = new Set<string>();
    for (let current = winners.get(id); current && !seen.has(current.id); current = current.extends === undefined ? undefined : winners.get(current.extends)) {
      seen.add(current.id);
      chain.push(current);
    }
    return chain;
  }

  /** What is wrong with the `extends` of the profile read from a source; undefined when nothing is. */
  extendsProblem(source: string): ExtendsProblem | undefined {
    const profile = this.bySource.get(source);
    if (profile?.extends === undefined) return undefined;
    if (!this.resolve().winners.has(profile.extends)) return { kind: 'unknown' };
    const parents = this.chain(profile.extends).map((parent) => parent.id);
    const back = parents.indexOf(profile.id);
    return back < 0 ? undefined : { kind: 'cycle', chain: [profile.id, ...parents.slice(0, back + 1)] };
  }

  /** The profile whose title or an alias is this role, ignoring case. */
  findByRole(role: string): Profile | undefined {
    const wanted = normalizeTitle(role);
    return this.all().find((profile) =>
      [profile.title, ...profile.aliases].some((title) => normalizeTitle(title) === wanted),
    );
  }

  private resolve(): { winners: Map<string, DeclaredProfile>; resolved: Map<string, Profile> } {
    if (this.cache) return this.cache;
    const winners = new Map<string, DeclaredProfile>();
    const ordered = [...this.bySource.values()].sort((a, b) => Number(isBuiltin(b)) - Number(isBuiltin(a)) || (a.source < b.source ? 1 : a.source > b.source ? -1 : 0));
    // Built-ins first, then workspace profiles from the last source to the first: the later entries win.
    for (const profile of ordered) winners.set(profile.id, profile);
    this.cache = { winners, resolved: new Map() };
    for (const id of winners.keys()) {
      const merged = this.chain(id).reduceRight<DeclaredProfile | undefined>((parent, child) => (parent ? mergeProfiles(parent, child) : child), undefined);
      this.cache.resolved.set(id, complete(merged!));
    }
    return this.cache;
  }
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
