/**
 * Fuzzing the language service (harness.ts) inside `npm test`: a few hundred
 * mutated briefs and as many mutated role profiles from fixed seeds, a short
 * brief and a short profile truncated at every position, and every input
 * that ever failed (fixtures/*.json). `npm run fuzz -- N` runs N brief cases
 * from a fresh seed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkCase, type FuzzCase } from './harness';
import { fuzzCases, profileFuzzCases, SHORT, SHORT_PROFILE } from './mutations';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('fuzzing the language service', () => {
  // Generous timeouts: the cases take under a minute, longer on a loaded machine.
  it('survives a few hundred mutated briefs (seed 8)', { timeout: 900_000 }, () => {
    fc.assert(
      fc.property(fuzzCases, (fuzzCase) => {
        assert.deepEqual(checkCase(fuzzCase), []);
      }),
      { seed: 8, numRuns: 300, endOnFailure: true },
    );
  });

  it('survives a short brief of every kind of construct cut at every position (npm run fuzz cuts a whole sample)', { timeout: 900_000 }, () => {
    for (let end = 0; end <= SHORT.length; end++) {
      assert.deepEqual(checkCase({ text: SHORT.slice(0, end) }), [], `cut at ${end}`);
    }
  });

  it('survives a few hundred mutated role profiles (seed 9)', { timeout: 900_000 }, () => {
    fc.assert(
      fc.property(profileFuzzCases, (fuzzCase) => {
        assert.deepEqual(checkCase(fuzzCase), []);
      }),
      { seed: 9, numRuns: 300, endOnFailure: true },
    );
  });

  it('survives a short role profile cut at every position', { timeout: 900_000 }, () => {
    for (let end = 0; end <= SHORT_PROFILE.length; end++) {
      assert.deepEqual(checkCase({ text: SHORT_PROFILE.slice(0, end), profile: true }), [], `cut at ${end}`);
    }
  });

  const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.json')).sort();
  it('has regression fixtures', () => assert.ok(fixtures.length > 0));
  for (const name of fixtures) {
    it(`survives fixture ${name}`, () => {
      const fuzzCase = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as FuzzCase & { found: string };
      assert.deepEqual(checkCase(fuzzCase), []);
    });
  }
});
