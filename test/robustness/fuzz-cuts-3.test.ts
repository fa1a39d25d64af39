/** Fuzzing the language service, shard 3 of the cuts: a short brief and a short role profile, cut at one position in four (shards.ts). */
import { describe, it } from 'node:test';
import { cutsShard, SHARD_TIMEOUT } from './shards';

describe('fuzzing the language service: cuts, shard 3', () => {
  it('survives a short brief of every kind of construct cut at one position in four (npm run fuzz cuts a whole sample)', { timeout: SHARD_TIMEOUT }, () => cutsShard('brief', 3));
  it('survives a short role profile cut at one position in four', { timeout: SHARD_TIMEOUT }, () => cutsShard('profile', 3));
});
