/**
 * `--profiles DIR`, the profiles `hire check` finds among its paths or beside
 * the files it is given, the profiles beside `hire render`'s file, and
 * `hire profiles`: team profiles (`*.hire-profile.yaml`) loaded into a
 * ProfileRegistry beside the built-in ones, and the list of the profiles a
 * registry knows. A profile file is read as the language server reads one:
 * through the language service's `updateProfile` (the parse cache, and the
 * parser's size and alias limits).
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PROFILE_SUFFIX } from '../service/documents';
import { getLanguageService, type LanguageService } from '../service/languageService';
import { PROFILE_LANGUAGE_ID } from '../service/names';
import { isBuiltin, ProfileRegistry } from '../service/profiles';
import { FileTooLargeError, readText, STDIN_ARGUMENT } from './read';
import { filesBeside, findFiles, InputError, isFileArgument, relativePath } from './files';

export { PROFILE_SUFFIX };

/** The profile files in a folder (searched like briefs are); none without a folder. Throws InputError for a folder that cannot be read. */
export function profileFiles(folder: string | undefined): string[] {
  return folder === undefined ? [] : findFiles([folder], [PROFILE_SUFFIX]);
}

/**
 * The profile files beside the files among the paths: `*.hire-profile.yaml`
 * in the own folder (not below) of each path that names a file, each once,
 * in the order of the paths. None for folders, glob patterns and `-`.
 */
export function siblingProfiles(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  const siblings: string[] = [];
  for (const given of paths) {
    if (given === STDIN_ARGUMENT || !isFileArgument(given)) continue;
    for (const file of filesBeside(given, [PROFILE_SUFFIX])) {
      if (seen.has(resolve(file))) continue;
      seen.add(resolve(file));
      siblings.push(file);
    }
  }
  return siblings;
}

/** A profile file's source in a registry: its file URI. */
export function profileSource(file: string): string {
  return pathToFileURL(resolve(file)).href;
}

/**
 * The built-in profiles plus the team profiles in a folder and in `required`,
 * which must be profiles, and any other profile files (`hire check` reports
 * what is wrong with those; they load when they have an id). Throws
 * InputError for a folder or file that cannot be read, and for a file of the
 * folder or of `required` that is not a profile.
 */
export function loadProfiles(folder: string | undefined, files: readonly string[] = [], required: readonly string[] = []): ProfileRegistry {
  const registry = ProfileRegistry.withBuiltins();
  const service = getLanguageService({ profiles: registry });
  for (const file of [...profileFiles(folder), ...required]) {
    if (readProfileFile(service, file, readText(file)) === undefined) throw new InputError(`${file}: is not a role profile (it has no \`id\`)`);
  }
  for (const file of files) {
    // One too large to read is left out, as one that is not a profile is: the check reports it.
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      if (error instanceof FileTooLargeError) continue;
      throw error;
    }
    readProfileFile(service, file, text);
  }
  return registry;
}

/** Reads a profile file's text into the service's registry, as the server reads a profile document; returns its id, if it is a profile. */
function readProfileFile(service: LanguageService, file: string, text: string): string | undefined {
  const document = TextDocument.create(profileSource(file), PROFILE_LANGUAGE_ID, 1, text);
  const id = service.updateProfile(document);
  service.close(document.uri);
  return id;
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
  const widths = [0, 1].map((column) => rows.reduce((widest, row) => Math.max(widest, row[column].length), 0));
  return rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}`.trimEnd()).join('\n') + '\n';
}

/** The JSON listing: `{"profiles":[{"id","title","source"}]}`. */
export function formatProfilesJson(entries: readonly ProfileEntry[]): string {
  return `${JSON.stringify({ profiles: entries }, null, 2)}\n`;
}
