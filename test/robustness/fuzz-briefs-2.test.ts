/** Fuzzing the language service, shard 2 of the mutated briefs (shards.ts says how many shards, harness.ts what a case must do). */
import { describe, it } from 'node:test';
import { mutatedShard, SHARD_TIMEOUT, shardCases, shardSeed } from './shards';

describe('fuzzing the language service: mutated briefs, shard 2', () => {
  it(`survives ${shardCases('briefs')} mutated briefs (seed ${shardSeed('briefs', 2)})`, { timeout: SHARD_TIMEOUT }, () => mutatedShard('briefs', 2));
});
