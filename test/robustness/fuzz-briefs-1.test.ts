/** Fuzzing the language service, shard 1 of the mutated briefs (shards.ts says how many shards, harness.ts what a case must do). */
import { describe, it } from 'node:test';
import { mutatedShard, SHARD_TIMEOUT, shardCases, shardSeed } from './shards';

describe('fuzzing the language service: mutated briefs, shard 1', () => {
  it(`survives ${shardCases('briefs')} mutated briefs (seed ${shardSeed('briefs', 1)})`, { timeout: SHARD_TIMEOUT }, () => mutatedShard('briefs', 1));
});
