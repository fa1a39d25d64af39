/** Fuzzing the language service, shard 2 of the mutated role profiles (shards.ts says how many shards, harness.ts what a case must do). */
import { describe, it } from 'node:test';
import { mutatedShard, SHARD_TIMEOUT, shardCases, shardSeed } from './shards';

describe('fuzzing the language service: mutated role profiles, shard 2', () => {
  it(`survives ${shardCases('profiles')} mutated role profiles (seed ${shardSeed('profiles', 2)})`, { timeout: SHARD_TIMEOUT }, () => mutatedShard('profiles', 2));
});
