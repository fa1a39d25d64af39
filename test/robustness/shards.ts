/**
 * The fuzz cases of `npm test`, in shards: each `fuzz-*.test.ts` file runs one
 * shard, so that no file comes near the per-file timeout (`--test-timeout` in
 * `test:unit`) on a busy machine. Every shard is fixed: a fast-check property
 * from its own seed, or every n-th cut of a short text. Together the shards
 * run the totals below; fuzz.test.ts checks that each shard has its file.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkCase } from './harness';
import { fuzzCases, profileFuzzCases, SHORT, SHORT_PROFILE } from './mutations';

/** The shards of each kind of case, and what they run together. */
export const SHARDS = {
  /** Mutated briefs: 300 cases, 75 a shard, from seeds 801 to 804. */
  briefs: { shards: 4, cases: 300, seed: 8 },
  /** Mutated role profiles: 300 cases, 150 a shard, from seeds 901 and 902. */
  profiles: { shards: 2, cases: 300, seed: 9 },
  /** The short brief and the short role profile cut at every position, one cut in four a shard. */
  cuts: { shards: 4 },
} as const;

/** A generous bound for one shard's test (the file's timeout is shorter: a slow file fails there, with its name). */
export const SHARD_TIMEOUT = 900_000;

/** The seed of a shard of mutated cases: the kind's seed, then the shard's number (8 -> 801, 802, ...). */
export function shardSeed(kind: 'briefs' | 'profiles', shard: number): number {
  return SHARDS[kind].seed * 100 + shard;
}

/** How many cases a shard of mutated briefs or role profiles runs. */
export function shardCases(kind: 'briefs' | 'profiles'): number {
  return SHARDS[kind].cases / SHARDS[kind].shards;
}

/** Runs shard `shard` (from 1) of the mutated briefs or role profiles: no case may give a failure (harness.ts). */
export async function mutatedShard(kind: 'briefs' | 'profiles', shard: number): Promise<void> {
  assert.ok(shard >= 1 && shard <= SHARDS[kind].shards, `shard ${shard} of ${SHARDS[kind].shards}`);
  await fc.assert(
    fc.asyncProperty(kind === 'briefs' ? fuzzCases : profileFuzzCases, async (fuzzCase) => {
      assert.deepEqual(await checkCase(fuzzCase), []);
    }),
    { seed: shardSeed(kind, shard), numRuns: shardCases(kind), endOnFailure: true },
  );
}

/** The ends of the cuts of shard `shard` (from 1) of `shards`: `shard - 1`, `shard - 1 + shards`, ... up to `length`. */
export function cutEnds(length: number, shard: number, shards: number = SHARDS.cuts.shards): number[] {
  const ends: number[] = [];
  for (let end = shard - 1; end <= length; end += shards) ends.push(end);
  return ends;
}

/** Runs shard `shard` (from 1) of the cuts of the short brief (SHORT), or of the short role profile: no cut may give a failure. */
export async function cutsShard(kind: 'brief' | 'profile', shard: number): Promise<void> {
  assert.ok(shard >= 1 && shard <= SHARDS.cuts.shards, `shard ${shard} of ${SHARDS.cuts.shards}`);
  const text = kind === 'brief' ? SHORT : SHORT_PROFILE;
  for (const end of cutEnds(text.length, shard)) {
    assert.deepEqual(await checkCase({ text: text.slice(0, end), profile: kind === 'profile' }), [], `cut at ${end}`);
  }
}
