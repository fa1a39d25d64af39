/**
 * Test helpers for the tests that install this repository as its users do
 * (the npm package, the pre-commit hook): a copy of it in a temporary folder,
 * and commands run there with bounded waits.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './documents';

/**
 * Copies the repository's files as the working tree has them (tracked and
 * new, not git-ignored) into a folder: what a clone holds once the current
 * changes are committed. No `dist/`, no `node_modules/`.
 */
export function copyRepository(destination: string): void {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  for (const file of new Set(listed.stdout.split('\0').filter(Boolean))) {
    const source = path.join(ROOT, file);
    if (!existsSync(source)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(destination, file)), { recursive: true });
    copyFileSync(source, path.join(destination, file));
  }
}

/** The environment without npm's `npm_*` variables: a command run from a test sees what it would from a shell. */
export function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))), ...extra };
}

/** Runs a command to its end (killed after `timeout` ms, ten minutes by default); throws with its output unless `check` is false or it succeeds. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number; check?: boolean },
): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? userEnvironment(), encoding: 'utf8', timeout: options.timeout ?? 600_000, maxBuffer: 64 * 1024 * 1024 });
  if (options.check !== false && (result.error || result.status !== 0)) {
    throw new Error(`${command} ${args.join(' ')} (in ${options.cwd}) ${result.error ? `failed: ${result.error.message}` : `exited ${result.status ?? result.signal}`}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** Runs git with an identity and no signing, whatever the user's git configuration says; options as `run`'s (`check` true by default). */
export function git(cwd: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeout?: number; check?: boolean } = {}): SpawnSyncReturns<string> {
  const config = ['-c', 'user.name=Hiring Briefs tests', '-c', 'user.email=tests@hiring-briefs.invalid', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main'];
  return run('git', [...config, ...args], { cwd, ...options });
}
