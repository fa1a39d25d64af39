/**
 * `hire new`: write a new brief for a profile (server/src/service/scaffold.ts)
 * to stdout or to a file, never over a file it read, nor over any other
 * file unless asked to.
 */
import { DEFAULT_PROFILE_ID, scaffoldBrief } from '../service/scaffold';
import { InputError } from './files';
import { writeOutput } from './output';
import { loadProfiles, profileFiles } from './profiles';

/** The options of `hire new`. */
export interface NewOptions {
  readonly profile?: string;
  readonly role?: string;
  /** The file to write; stdout when absent. */
  readonly out?: string;
  /** Overwrite `out` if it exists (never a profile it read). */
  readonly force?: boolean;
  /** A folder of team profiles to load. */
  readonly profiles?: string;
}

/** Runs `hire new`; throws InputError for an unknown profile or a file it must not overwrite. */
export function runNew(options: NewOptions): number {
  const registry = loadProfiles(options.profiles);
  const id = options.profile ?? DEFAULT_PROFILE_ID;
  const profile = registry.get(id);
  if (!profile) throw new InputError(`unknown profile '${id}'; known profiles: ${registry.all().map((known) => known.id).join(', ')}`);
  const text = scaffoldBrief(profile, { role: options.role });
  if (options.out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  writeOutput(text, { out: options.out, force: options.force, inputs: profileFiles(options.profiles) });
  process.stderr.write(`Created ${options.out} for the profile ${profile.id}.\n`);
  return 0;
}
