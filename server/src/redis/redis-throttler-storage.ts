import { ServiceUnavailableException } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type Redis from 'ioredis';

/**
 * One fixed window per key, counted in Redis so every replica sees the same count (issue 16:
 * counted in each process's memory, two processes allowed twice the guesses). A key over its
 * limit is blocked for blockDuration. One Lua script, so increment, expiry and block are atomic.
 * Returns [hits, window ms left, blocked 0/1, block ms left].
 */
const SCRIPT = `
local hitKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, block = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blockLeft = redis.call('PTTL', blockKey)
if blockLeft > 0 then
  local hits = tonumber(redis.call('GET', hitKey) or (limit + 1))
  return { hits, math.max(redis.call('PTTL', hitKey), 0), 1, blockLeft }
end
local hits = redis.call('INCR', hitKey)
if hits == 1 then redis.call('PEXPIRE', hitKey, ttl) end
local left = redis.call('PTTL', hitKey)
if left < 0 then redis.call('PEXPIRE', hitKey, ttl); left = ttl end
if hits > limit then
  redis.call('SET', blockKey, '1', 'PX', block)
  return { hits, left, 1, block }
end
return { hits, left, 0, 0 }
`;

/** The throttler's storage interface (`@nestjs/throttler` ThrottlerStorage) on Redis. */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}throttle:${throttlerName}:${key}`;
    let out: [number, number, number, number];
    try {
      out = (await this.redis.eval(
        SCRIPT,
        2,
        `${base}:hits`,
        `${base}:block`,
        ttl,
        limit,
        blockDuration > 0 ? blockDuration : ttl,
      )) as [number, number, number, number];
    } catch {
      // Without the shared count no replica can tell whether the limit is reached.
      throw new ServiceUnavailableException();
    }
    const [totalHits, windowLeftMs, blocked, blockLeftMs] = out;
    return {
      totalHits,
      timeToExpire: Math.ceil(windowLeftMs / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(blockLeftMs / 1000),
    };
  }
}
