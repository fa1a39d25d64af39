// A reporter for `node --test` (beside `spec`): once every file has run,
// prints how long each test file took, the slowest first, so a file that
// nears the per-file timeout (--test-timeout) is seen before it passes it.
// A file's time is the sum of its top-level tests' and suites' durations
// (duration_ms), without the start of its process.
//
// Usage: node --test --test-reporter=spec --test-reporter-destination=stdout \
//          --test-reporter=./test/support/file-durations.mjs --test-reporter-destination=stdout ...
import path from 'node:path';

/** Files that took longer than this on the run are marked: on an idle machine every file should take less. */
const MARK_SECONDS = 40;
/** How many files are listed. */
const LISTED = 12;

export default async function* fileDurations(source) {
  const took = new Map();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { nesting, file, details } = event.data;
    if (nesting !== 0 || !file) continue;
    took.set(file, (took.get(file) ?? 0) + (details?.duration_ms ?? 0));
  }
  if (!took.size) return;
  const slowest = [...took].sort((a, b) => b[1] - a[1]).slice(0, LISTED);
  yield `\nslowest test files (of ${took.size}; seconds, on this run's machine):\n`;
  for (const [file, ms] of slowest) {
    const seconds = ms / 1000;
    yield `${seconds.toFixed(1).padStart(7)}  ${path.relative(process.cwd(), file)}${seconds > MARK_SECONDS ? `  (over ${MARK_SECONDS} s)` : ''}\n`;
  }
}
