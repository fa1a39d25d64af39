/**
 * `hire new`: write a new brief for a profile (server/src/service/scaffold.ts)
 * to stdout or to a file, never overwriting a file unless asked to.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { DEFAULT_PROFILE_ID, scaffoldBrief } from '../service/scaffold';
import { InputError } from './files';
import { loadProfiles } from './profiles';

/** The options of `hire new`. */
export interface NewOptions {
  readonly profile?: string;
  readonly role?: string;
  /** The file to write; stdout when absent. */
  readonly out?: string;
  /** Overwrite `out` if it exists. */
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
  if (!options.force && existsSync(options.out)) throw new InputError(`${options.out}: already exists; use --force to overwrite it`);
  try {
    writeFileSync(options.out, text, { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    throw new InputError(`${options.out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  process.stderr.write(`Created ${options.out} for the profile ${profile.id}.\n`);
  return 0;
}
