/**
 * The profile document model: a `*.hire-profile.yaml` read as a brief is (its
 * `skills` and `questions` have the same shape), with the profile it extends
 * under it, from the tree, so that the parent is known while a line is half
 * typed.
 */
import type { DeclaredProfile, Profile, ProfileRegistry } from '../profiles';
import { readBrief, resolveOver, sectionText, type Brief, type ResolvedBrief } from './brief';
import type { ParsedDocument } from '../parse';

/** A profile document's mapping, read as a brief is. */
export type ProfileDocument = Brief;

/** Reads a profile document's model (the brief model of its parse, cached the same way); undefined when its root is not a mapping. */
export function readProfileDocument(parsed: ParsedDocument): ProfileDocument | undefined {
  return readBrief(parsed);
}

/**
 * The profile a profile document extends, inheritance applied. Undefined
 * without `extends`, for an unknown id, or when the profile names itself.
 */
export function parentProfile(model: ProfileDocument | undefined, profiles: ProfileRegistry): Profile | undefined {
  const parent = sectionText(model, 'extends');
  return parent === undefined || parent === sectionText(model, 'id') ? undefined : profiles.get(parent);
}

/** A profile document with its parent under it: its own skills and questions over the parent's. */
export function resolveProfileDocument(model: ProfileDocument, profiles: ProfileRegistry): ResolvedBrief {
  const node = model.sections.get('extends')?.value;
  return resolveOver(model, parentProfile(model, profiles), node, sectionText(model, 'extends'));
}

/**
 * The profiles a profile document's ids refer to, as the registry holds them:
 * the one read from its source, then its parents.
 */
export function profileDocumentChain(source: string, profiles: ProfileRegistry): DeclaredProfile[] {
  const own = profiles.declaredAt(source);
  if (!own) return [];
  return [own, ...(own.extends === undefined ? [] : profiles.chain(own.extends).filter((parent) => parent.id !== own.id))];
}
