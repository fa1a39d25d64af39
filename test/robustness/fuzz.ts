/**
 * `npm run fuzz -- [cases] [seed]`: runs the fuzz harness on many mutated
 * briefs (10,000 by default, a random seed unless given). A failing case,
 * shrunk, is written to fixtures/ so that `npm test` runs it from then on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkCase, type FuzzCase } from './harness';
import { BASES, fuzzCases } from './mutations';

const numRuns = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));
const started = performance.now();
// First a whole sample cut at every position.
const gaps = BASES[1];
for (let end = 0; end <= gaps.length; end++) {
  const failures = checkCase({ text: gaps.slice(0, end) });
  if (failures.length) {
    const file = saveFixture(`cut-gaps-${end}`, { text: gaps.slice(0, end) }, failures.join(' ').slice(0, 300));
    process.stdout.write(`fuzz: the gaps sample cut at ${end} failed, saved to ${file}:\n${failures.join('\n')}\n`);
    process.exit(1);
  }
}
process.stderr.write(`the gaps sample cut at all ${gaps.length + 1} positions, ${Math.round((performance.now() - started) / 1000)} s\n`);
let done = 0;
const result = fc.check(
  fc.property(fuzzCases, (fuzzCase) => {
    if (++done % 500 === 0) process.stderr.write(`${done} cases, ${Math.round((performance.now() - started) / 1000)} s\n`);
    const failures = checkCase(fuzzCase);
    if (failures.length) throw new Error(failures.join('\n'));
  }),
  { seed, numRuns },
);
if (!result.failed) {
  process.stdout.write(`fuzz: ${result.numRuns} cases from seed ${seed}: no failures (${Math.round((performance.now() - started) / 1000)} s)\n`);
} else {
  const [fuzzCase] = result.counterexample as [FuzzCase];
  const found = String((result.errorInstance as Error | undefined)?.message).split('\n').slice(0, 3).join(' ').slice(0, 300);
  const file = saveFixture(`fuzz-${seed}-${result.numRuns}`, fuzzCase, found);
  process.stdout.write(`fuzz: case ${result.numRuns} from seed ${seed} failed (shrunk ${result.numShrinks} times), saved to ${file}:\n${found}\n`);
  process.exitCode = 1;
}

/** Writes a failing case to fixtures/, where `npm test` runs it from then on; returns its path. */
function saveFixture(name: string, fuzzCase: FuzzCase, found: string): string {
  const folder = path.join(__dirname, 'fixtures');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ found, ...fuzzCase }, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}
