/**
 * Fuzzing the language service (harness.ts) inside `npm test`: a few hundred
 * mutated briefs from a fixed seed, every position of one sample truncated,
 * and every input that ever failed (fixtures/*.json). `npm run fuzz -- N`
 * runs N cases from a fresh seed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkCase, type FuzzCase } from './harness';
import { fuzzCases, SHORT } from './mutations';

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

  const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.json')).sort();
  it('has regression fixtures', () => assert.ok(fixtures.length > 0));
  for (const name of fixtures) {
    it(`survives fixture ${name}`, () => {
      const fuzzCase = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as FuzzCase & { found: string };
      assert.deepEqual(checkCase(fuzzCase), []);
    });
  }
});
