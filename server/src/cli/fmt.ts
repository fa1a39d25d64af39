/**
 * `hire fmt`: lay briefs out canonically (server/src/service/format.ts).
 * Prints the result (several files each under a `==> path <==` header),
 * lists the files that would change (`--check`), or
 * rewrites the ones that change (`--write`). A file that cannot be formatted
 * safely is left alone and reported.
 */
import { writeFileSync } from 'node:fs';
import { formatBrief } from '../service/format';
import { tooLargeMessage } from '../service/limits';
import { FileTooLargeError, readText } from './read';
import { findFiles } from './files';

/** The options of `hire fmt`. */
export interface FmtOptions {
  /** List the files that would change and exit 1 if any would. */
  readonly check?: boolean;
  /** Rewrite the files that change. */
  readonly write?: boolean;
}

/** Runs `hire fmt`; returns the exit code: 0, 1 (`--check` found changes), 2 (a file could not be formatted). */
export function runFmt(paths: readonly string[], options: FmtOptions): number {
  let refused = 0;
  let changed = 0;
  const files = findFiles(paths);
  let printed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      if (!(error instanceof FileTooLargeError)) throw error;
      process.stderr.write(`hire: ${file}: not formatted: ${tooLargeMessage(error.size, error.exact)}\n`);
      refused++;
      continue;
    }
    const result = formatBrief(text);
    if (result.error !== undefined) {
      process.stderr.write(`hire: ${file}: not formatted: ${result.error}\n`);
      refused++;
      continue;
    }
    if (result.text !== text) changed++;
    if (options.check) {
      if (result.text !== text) process.stdout.write(`${file}\n`);
    } else if (options.write) {
      if (result.text !== text) writeFileSync(file, result.text);
    } else if (files.length === 1) {
      process.stdout.write(result.text);
    } else {
      // Several files: each under a header naming it, as `head` prints several files.
      process.stdout.write(`${printed++ > 0 ? '\n' : ''}==> ${file} <==\n${result.text}`);
    }
  }
  if (refused > 0) return 2;
  return options.check && changed > 0 ? 1 : 0;
}
