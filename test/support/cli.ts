/** Test helpers: run the built `hire` CLI (`dist/cli.js`, build first) as users do. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './documents';

/** The built CLI. */
export const CLI = path.join(ROOT, 'dist/cli.js');

/** What a run of the CLI left. */
export interface HireRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of a run: working folder (the repository by default), standard input, extra environment. */
export interface HireRunOptions {
  readonly cwd?: string;
  readonly input?: string;
  readonly env?: Record<string, string>;
}

/** Runs `hire` with the arguments and waits for it. */
export function hire(args: readonly string[], options: HireRunOptions = {}): HireRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
