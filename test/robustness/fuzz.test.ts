/**
 * Fuzzing the language service (harness.ts) inside `npm test`: a few hundred
 * mutated briefs and as many mutated role profiles from fixed seeds, a short
 * brief and a short profile truncated at every position, and every input
 * that ever failed (fixtures/*.json; `*.hire-profile.json` are profiles).
 * The mutated cases and the cuts run in shards, a file each
 * (`fuzz-briefs-N`, `fuzz-profiles-N`, `fuzz-cuts-N`; shards.ts), so that no
 * file nears the per-file timeout on a busy machine; this file runs the
 * fixtures and checks that every shard has its file.
 * `npm run fuzz -- N` runs N cases, one in five a profile, from a fresh seed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkCase, PROFILE_FIXTURE, withWarnings, type FuzzCase } from './harness';
import { campaignCases, SHORT, SHORT_PROFILE } from './mutations';
import { cutEnds, shardCases, shardSeed, SHARDS } from './shards';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('fuzzing the language service', () => {
  it('runs every shard of the fuzz cases from a file of its own, each from its own seed', () => {
    const files = readdirSync(__dirname).filter((name) => /^fuzz-.*\.test\.ts$/.test(name)).sort();
    const expected = Object.entries(SHARDS).flatMap(([kind, { shards }]) => Array.from({ length: shards }, (_, index) => `fuzz-${kind}-${index + 1}.test.ts`)).sort();
    assert.deepEqual(files, expected);
    for (const file of files) {
      const [, kind, shard] = /^fuzz-(\w+)-(\d+)\.test\.ts$/.exec(file)!;
      const text = readFileSync(path.join(__dirname, file), 'utf8');
      const calls = kind === 'cuts' ? [`cutsShard('brief', ${shard})`, `cutsShard('profile', ${shard})`] : [`mutatedShard('${kind}', ${shard})`];
      for (const call of calls) assert.ok(text.includes(call), `${file} runs ${call}`);
    }
    const seeds = (['briefs', 'profiles'] as const).flatMap((kind) => Array.from({ length: SHARDS[kind].shards }, (_, index) => shardSeed(kind, index + 1)));
    assert.equal(new Set(seeds).size, seeds.length, `seeds ${seeds.join(', ')}`);
    for (const kind of ['briefs', 'profiles'] as const) assert.equal(shardCases(kind) * SHARDS[kind].shards, SHARDS[kind].cases, `${kind}: as many cases in each shard`);
  });

  it('cuts each text at every position exactly once over the shards', () => {
    for (const length of [0, 1, 7, SHORT.length, SHORT_PROFILE.length]) {
      const ends = Array.from({ length: SHARDS.cuts.shards }, (_, index) => cutEnds(length, index + 1)).flat().sort((a, b) => a - b);
      assert.deepEqual(ends, Array.from({ length: length + 1 }, (_, end) => end));
    }
  });

  it('mixes profile cases into the npm run fuzz campaign by the share asked for, the same from the same seed', () => {
    const kinds = (share: number, seed: number) => fc.sample(campaignCases(share), { seed, numRuns: 400 }).map((fuzzCase) => (fuzzCase.profile ? 'P' : 'B')).join('');
    const profiles = kinds(0.2, 1).split('P').length - 1;
    assert.ok(profiles > 40 && profiles < 120, `${profiles} profiles in 400 cases`);
    assert.equal(kinds(0.2, 1), kinds(0.2, 1));
    assert.notEqual(kinds(0.2, 1), kinds(0.2, 2));
    assert.equal(kinds(0, 1), 'B'.repeat(400));
    assert.equal(kinds(1, 1), 'P'.repeat(400));
    assert.throws(() => campaignCases(1.5), RangeError);
  });

  it('fails a case on any process warning it emits', async () => {
    assert.deepEqual(await withWarnings(() => []), []);
    const failures = await withWarnings(() => {
      process.emitWarning('Keys with collection values will be stringified');
      return [];
    });
    assert.deepEqual(failures, ['a process warning: Warning: Keys with collection values will be stringified']);
  });

  const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.json')).sort();
  it('has regression fixtures', () => assert.ok(fixtures.length > 0));
  for (const name of fixtures) {
    // A fixture's file name says its kind: `*.hire-profile.json` is read into the registry and checked as a profile.
    const profile = name.endsWith(PROFILE_FIXTURE);
    it(`survives fixture ${name}${profile ? ' (a role profile)' : ''}`, async () => {
      const fuzzCase = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as FuzzCase & { found: string };
      assert.equal(fuzzCase.profile ?? false, profile, `a fixture of a profile is named *${PROFILE_FIXTURE}, and only one`);
      assert.deepEqual(await checkCase({ ...fuzzCase, profile }), []);
    });
  }
});
