/**
 * `--profiles DIR` and `hire profiles`: team profiles (`*.hire-profile.yaml`)
 * loaded into a ProfileRegistry beside the built-in ones, and the list of the
 * profiles a registry knows.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isBuiltin, parseProfile, ProfileRegistry } from '../service/profiles';
import { readText } from './check';
import { findFiles, InputError, relativePath } from './files';

/** File name ending of role profiles. */
export const PROFILE_SUFFIX = '.hire-profile.yaml';

/**
 * The built-in profiles plus those in a folder (searched like briefs are).
 * Throws InputError for a folder that cannot be read or a file that is not a profile.
 */
export function loadProfiles(folder: string | undefined): ProfileRegistry {
  const registry = ProfileRegistry.withBuiltins();
  if (folder === undefined) return registry;
  for (const file of findFiles([folder], [PROFILE_SUFFIX])) {
    const source = pathToFileURL(resolve(file)).href;
    const profile = parseProfile(readText(file), source);
    if (!profile) throw new InputError(`${file}: is not a role profile (it has no \`id\`)`);
    registry.set(source, profile);
  }
  return registry;
}

/** A profile as `hire profiles` lists it. */
export interface ProfileEntry {
  readonly id: string;
  readonly title: string;
  /** `built-in`, or the profile file's path (relative to the working folder where it can be). */
  readonly source: string;
}

/** The profiles a registry knows, sorted by id. */
export function listProfiles(registry: ProfileRegistry, cwd: string = process.cwd()): ProfileEntry[] {
  return registry.all().map((profile) => {
    const file = isBuiltin(profile) ? undefined : fileURLToPath(profile.source);
    return { id: profile.id, title: profile.title, source: file === undefined ? 'built-in' : (relativePath(file, cwd) ?? file) };
  });
}

/** The text listing: one profile a line, in aligned columns. */
export function formatProfilesText(entries: readonly ProfileEntry[]): string {
  const rows = [['ID', 'TITLE', 'SOURCE'], ...entries.map((entry) => [entry.id, entry.title, entry.source])];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}`.trimEnd()).join('\n') + '\n';
}

/** The JSON listing: `{"profiles":[{"id","title","source"}]}`. */
export function formatProfilesJson(entries: readonly ProfileEntry[]): string {
  return `${JSON.stringify({ profiles: entries }, null, 2)}\n`;
}
