/**
 * Fuzzing the language service (harness.ts) inside `npm test`: a few hundred
 * mutated briefs and as many mutated role profiles from fixed seeds, a short
 * brief and a short profile truncated at every position, and every input
 * that ever failed (fixtures/*.json; `*.hire-profile.json` are profiles).
 * `npm run fuzz -- N` runs N cases, one in five a profile, from a fresh seed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkCase, PROFILE_FIXTURE, withWarnings, type FuzzCase } from './harness';
import { campaignCases, fuzzCases, profileFuzzCases, SHORT, SHORT_PROFILE } from './mutations';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('fuzzing the language service', () => {
  // Generous timeouts: the cases take under a minute, longer on a loaded machine.
  it('survives a few hundred mutated briefs (seed 8)', { timeout: 900_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCases, async (fuzzCase) => {
        assert.deepEqual(await checkCase(fuzzCase), []);
      }),
      { seed: 8, numRuns: 300, endOnFailure: true },
    );
  });

  it('survives a short brief of every kind of construct cut at every position (npm run fuzz cuts a whole sample)', { timeout: 900_000 }, async () => {
    for (let end = 0; end <= SHORT.length; end++) {
      assert.deepEqual(await checkCase({ text: SHORT.slice(0, end) }), [], `cut at ${end}`);
    }
  });

  it('survives a few hundred mutated role profiles (seed 9)', { timeout: 900_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(profileFuzzCases, async (fuzzCase) => {
        assert.deepEqual(await checkCase(fuzzCase), []);
      }),
      { seed: 9, numRuns: 300, endOnFailure: true },
    );
  });

  it('survives a short role profile cut at every position', { timeout: 900_000 }, async () => {
    for (let end = 0; end <= SHORT_PROFILE.length; end++) {
      assert.deepEqual(await checkCase({ text: SHORT_PROFILE.slice(0, end), profile: true }), [], `cut at ${end}`);
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
