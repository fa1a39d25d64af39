/** How many threads a check of many briefs uses: the `hire check` command's and the server's background checks. */
import { availableParallelism } from 'node:os';

/** The most threads a check uses. */
export const MAX_THREADS = 8;

/** The threads a check of many files uses on this machine: one a core, at most MAX_THREADS. */
export function checkThreads(): number {
  return Math.min(MAX_THREADS, availableParallelism());
}
