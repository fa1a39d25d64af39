/**
 * `npm run fuzz -- [cases] [seed] [--profiles <share>]`: runs the fuzz harness
 * (harness.ts) on many mutated briefs and role profiles.
 *
 *   cases               how many mutated inputs (10,000 by default)
 *   seed                fast-check's seed (a random one unless given); printed
 *                       first, so the same command with it runs the same cases
 *   --profiles <share>  the share of the cases that are role profiles
 *                       (`*.hire-profile.yaml`: the built-in profile, team
 *                       profiles that extend it, mutated); 0.2 by default, one
 *                       case in five; 0 runs briefs only, 1 profiles only
 *
 * First whole texts are cut at every position: the gaps sample (unless
 * `--profiles 1`), the built-in profile and a team profile that extends it
 * (unless `--profiles 0`).
 * A failing input, shrunk, is written to fixtures/ — `<name>.json` for a brief,
 * `<name>.hire-profile.json` for a profile — so that `npm test` replays it, as
 * its kind, from then on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkCase, PROFILE_FIXTURE, type FuzzCase } from './harness';
import { BASES, BUILTIN_PROFILE, campaignCases, TEAM_PROFILE } from './mutations';

const USAGE = 'usage: npm run fuzz -- [cases] [seed] [--profiles <share 0..1>]\n';

const { numRuns, seed, profileShare } = readOptions(process.argv.slice(2));
const started = performance.now();
const seconds = () => Math.round((performance.now() - started) / 1000);
process.stderr.write(`fuzz: ${numRuns} cases from seed ${seed}, a share of ${profileShare} role profiles\n`);

const cuts: string[] = [];
const counts = { brief: 0, profile: 0 };
const took = { brief: 0, profile: 0 };
void campaign();

/** Runs the campaign: whole texts cut at every position, then the mutated cases. */
async function campaign(): Promise<void> {
  // First whole texts cut at every position: the gaps sample, the built-in profile, a team profile that extends it.
  const cutTexts = [
    { name: 'gaps', what: 'the gaps sample', text: BASES[1], profile: false, run: profileShare < 1 },
    { name: 'builtin-profile', what: 'the built-in profile', text: BUILTIN_PROFILE, profile: true, run: profileShare > 0 },
    { name: 'team-profile', what: 'the team profile', text: TEAM_PROFILE, profile: true, run: profileShare > 0 },
  ];
  for (const { name, what, text, profile, run } of cutTexts) {
    if (!run) continue;
    for (let end = 0; end <= text.length; end++) {
      const fuzzCase: FuzzCase = profile ? { text: text.slice(0, end), profile } : { text: text.slice(0, end) };
      const failures = await checkCase(fuzzCase);
      if (failures.length) {
        const file = saveFixture(`cut-${name}-${end}`, fuzzCase, failures.join(' ').slice(0, 300));
        process.stdout.write(`fuzz: ${what} cut at ${end} failed, saved to ${file}:\n${failures.join('\n')}\n`);
        process.exit(1);
      }
    }
    cuts.push(`${what} at ${text.length + 1} positions`);
    process.stderr.write(`${what} cut at all ${text.length + 1} positions, ${seconds()} s\n`);
  }

  // Then the mutated cases. Counted only until the first failure: after it, fast-check runs the property to shrink.
  let shrinking = false;
  const result = await fc.check(
    fc.asyncProperty(campaignCases(profileShare), async (fuzzCase) => {
      const kind = fuzzCase.profile ? 'profile' : 'brief';
      const caseStarted = performance.now();
      const failures = await checkCase(fuzzCase);
      if (!shrinking) {
        counts[kind]++;
        took[kind] += performance.now() - caseStarted;
        const done = counts.brief + counts.profile;
        if (done % 500 === 0) process.stderr.write(`${done} cases (${perKind()}), ${seconds()} s\n`);
      }
      if (failures.length) {
        shrinking = true;
        throw new Error(failures.join('\n'));
      }
    }),
    { seed, numRuns },
  );
  const summary = `${counts.brief + counts.profile} cases from seed ${seed} (${perKind()}; cut ${cuts.join(', ') || 'nothing'})`;
  if (!result.failed) {
    process.stdout.write(`fuzz: ${summary}: no failures (${seconds()} s)\n`);
  } else {
    const [fuzzCase] = result.counterexample as [FuzzCase];
    const found = String((result.errorInstance as Error | undefined)?.message).split('\n').slice(0, 3).join(' ').slice(0, 300);
    const file = saveFixture(`fuzz-${seed}-${result.numRuns}`, fuzzCase, found);
    const kind = fuzzCase.profile ? 'profile' : 'brief';
    process.stdout.write(`fuzz: ${summary}: ${kind} case ${result.numRuns} failed (shrunk ${result.numShrinks} times, ${seconds()} s), saved to ${file}:\n${found}\n`);
    process.exitCode = 1;
  }
}

/** The cases run so far of each kind, with their mean time. */
function perKind(): string {
  const mean = (kind: keyof typeof counts) => (counts[kind] ? `, ${Math.round(took[kind] / counts[kind])} ms each` : '');
  return `${counts.brief} briefs${mean('brief')}, ${counts.profile} profiles${mean('profile')}`;
}

/** The command line's options; prints the usage and exits on a wrong one. */
function readOptions(args: string[]): { numRuns: number; seed: number; profileShare: number } {
  const fail = (message: string): never => {
    process.stderr.write(`fuzz: ${message}\n${USAGE}`);
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { profiles: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return fail((error as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const [cases = '10000', seedText, ...rest] = parsed.positionals;
  if (rest.length) fail(`unexpected ${rest.join(' ')}`);
  const numRuns = Number(cases);
  if (!Number.isInteger(numRuns) || numRuns < 1) fail(`cases must be a whole number above 0, not ${cases}`);
  const seed = seedText === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedText);
  if (!Number.isInteger(seed)) fail(`the seed must be a whole number, not ${seedText}`);
  const share = parsed.values.profiles ?? '0.2';
  const profileShare = share.trim() === '' ? NaN : Number(share);
  if (!(profileShare >= 0 && profileShare <= 1)) fail(`--profiles takes a share from 0 to 1, not ${share}`);
  return { numRuns, seed, profileShare };
}

/** Writes a failing input to fixtures/, where `npm test` replays it as its kind (by the file's suffix); returns its path. */
function saveFixture(name: string, fuzzCase: FuzzCase, found: string): string {
  const folder = path.join(__dirname, 'fixtures');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}${fuzzCase.profile ? PROFILE_FIXTURE : '.json'}`);
  writeFileSync(file, `${JSON.stringify({ found, ...fuzzCase }, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}
