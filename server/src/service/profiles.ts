/**
 * Role profiles: what a brief is checked against beyond the schema. The
 * built-in profile is data (`schemas/profiles/`); teams add their own. A
 * profile may extend another: its sections, skills and questions merge over
 * the parent's, a field the child sets replacing the parent's.
 */
import * as YAML from 'yaml';
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
  /** Where it comes from: a file URI, or `builtin:<id>`. */
  readonly source: string;
}

/** The scheme of built-in profiles' sources. */
export const BUILTIN_SCHEME = 'builtin:';

/** The built-in profiles' texts, by source. */
export const builtinProfileTexts: ReadonlyMap<string, string> = new Map([
  [`${BUILTIN_SCHEME}production-coordinator`, builtinProductionCoordinator],
]);

/**
 * Reads a profile from its plain data, keeping what is well formed. Returns
 * undefined when there is no usable `id`. Validation messages come from the
 * profile schema, not from here.
 */
export function readProfile(value: unknown, source: string): Profile | undefined {
  if (!isObject(value) || typeof value.id !== 'string') return undefined;
  return {
    id: value.id,
    title: typeof value.title === 'string' ? value.title : value.id,
    aliases: strings(value.aliases),
    about: optionalString(value.about),
    extends: optionalString(value.extends),
    sections: strings(value.sections),
    skills: objects(value.skills).flatMap((skill) =>
      typeof skill.id === 'string'
        ? [{
            id: skill.id,
            name: optionalString(skill.name) ?? skill.id,
            about: optionalString(skill.about),
            need: skill.need === 'preferred' ? 'preferred' : 'required',
            evidence: optionalString(skill.evidence),
          } satisfies ProfileSkill]
        : [],
    ),
    questions: objects(value.questions).flatMap((question) =>
      typeof question.id === 'string'
        ? [{
            id: question.id,
            ask: optionalString(question.ask) ?? question.id,
            why: optionalString(question.why),
            listen_for: strings(question.listen_for),
            red_flags: strings(question.red_flags),
            assesses: strings(question.assesses),
            priority: question.priority === 'recommended' ? 'recommended' : 'required',
          } satisfies ProfileQuestion]
        : [],
    ),
    source,
  };
}

/** Parses a profile file's text; undefined when it is not a usable profile. */
export function parseProfile(text: string, source: string): Profile | undefined {
  try {
    return readProfile(YAML.parse(text, { maxAliasCount: 1000 }), source);
  } catch {
    return undefined;
  }
}

/**
 * The profiles a brief can name: the built-in ones and any a workspace adds.
 * Lookups return profiles with `extends` applied.
 */
export class ProfileRegistry {
  private readonly bySource = new Map<string, Profile>();
  private resolved: Map<string, Profile> | undefined;

  /** A registry holding the built-in profiles. */
  static withBuiltins(): ProfileRegistry {
    const registry = new ProfileRegistry();
    for (const [source, text] of builtinProfileTexts) {
      const profile = parseProfile(text, source);
      if (profile) registry.set(source, profile);
    }
    return registry;
  }

  /** Adds or replaces the profile read from a source. */
  set(source: string, profile: Profile | undefined): void {
    if (profile) this.bySource.set(source, profile);
    else this.bySource.delete(source);
    this.resolved = undefined;
  }

  /** Forgets the profile of a source. */
  delete(source: string): void {
    this.bySource.delete(source);
    this.resolved = undefined;
  }

  /** The profile with this id, inheritance applied. */
  get(id: string): Profile | undefined {
    return this.resolve().get(id);
  }

  /** Every known profile, inheritance applied, sorted by id. */
  all(): Profile[] {
    return [...this.resolve().values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Every profile as read from its source, before inheritance. */
  declared(): Profile[] {
    return [...this.bySource.values()];
  }

  /** The profile whose title or an alias is this role, ignoring case. */
  findByRole(role: string): Profile | undefined {
    const wanted = normalizeTitle(role);
    return this.all().find((profile) =>
      [profile.title, ...profile.aliases].some((title) => normalizeTitle(title) === wanted),
    );
  }

  private resolve(): Map<string, Profile> {
    if (this.resolved) return this.resolved;
    const declared = new Map<string, Profile>();
    // A workspace profile with a built-in profile's id takes its place.
    const ordered = [...this.bySource.values()].sort((a, b) => Number(isBuiltin(b)) - Number(isBuiltin(a)));
    for (const profile of ordered) if (!declared.has(profile.id) || isBuiltin(declared.get(profile.id)!)) declared.set(profile.id, profile);
    const resolved = new Map<string, Profile>();
    const visit = (profile: Profile, seen: Set<string>): Profile => {
      const done = resolved.get(profile.id);
      if (done) return done;
      const parent = profile.extends ? declared.get(profile.extends) : undefined;
      const merged = parent && !seen.has(parent.id) ? mergeProfiles(visit(parent, new Set([...seen, profile.id])), profile) : profile;
      resolved.set(profile.id, merged);
      return merged;
    };
    for (const profile of declared.values()) visit(profile, new Set([profile.id]));
    this.resolved = resolved;
    return resolved;
  }
}

/** Whether a profile comes with the extension. */
export function isBuiltin(profile: Profile): boolean {
  return profile.source.startsWith(BUILTIN_SCHEME);
}

/** A child profile over its parent: lists merge by id, the child's entries win. */
function mergeProfiles(parent: Profile, child: Profile): Profile {
  return {
    ...child,
    about: child.about ?? parent.about,
    sections: [...new Set([...parent.sections, ...child.sections])],
    skills: mergeById(parent.skills, child.skills),
    questions: mergeById(parent.questions, child.questions),
  };
}

function mergeById<T extends { id: string }>(parent: readonly T[], child: readonly T[]): T[] {
  const merged = new Map(parent.map((item) => [item.id, item] as const));
  for (const item of child) merged.set(item.id, { ...merged.get(item.id), ...item });
  return [...merged.values()];
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

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
