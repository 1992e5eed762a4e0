// Sliding-window rate limits: at most `limit` hits in any `windowMs`, counted exactly (a log of hit times per key).
// In memory for one instance; in Redis when REDIS_URL is set, so instances share the counts.
// Hand-written because the well-kept limiter libraries count fixed (or leaky-bucket) windows, which let twice the
// limit through around a window boundary; a log per key is a few lines in either store.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from './errors.js';

export interface Limit {
  limit: number;
  windowMs: number;
}

export interface RateLimitStore {
  /** Records a hit unless the key is at its limit; when refused, how long until the oldest hit leaves the window. */
  hit(key: string, limit: Limit): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

export class MemoryRateLimitStore implements RateLimitStore {
  /** Each key keeps its own window: one-hour keys must survive a sweep made on behalf of one-minute keys. */
  private readonly hits = new Map<string, { times: number[]; windowMs: number }>();
  private sweeps = 0;

  async hit(key: string, { limit, windowMs }: Limit) {
    const now = Date.now();
    const recent = (this.hits.get(key)?.times ?? []).filter((t) => t > now - windowMs);
    if (++this.sweeps % 1000 === 0) this.sweep(now);
    if (recent.length >= limit) {
      this.hits.set(key, { times: recent, windowMs });
      return { allowed: false, retryAfterMs: recent[0]! + windowMs - now };
    }
    recent.push(now);
    this.hits.set(key, { times: recent, windowMs });
    return { allowed: true, retryAfterMs: 0 };
  }

  /** Forgets keys whose own window holds no hits any more, so memory follows the active keys only. */
  private sweep(now: number) {
    for (const [key, { times, windowMs }] of this.hits) if ((times.at(-1) ?? 0) <= now - windowMs) this.hits.delete(key);
  }
}

// KEYS: the log; ARGV: now, window, limit, a unique member. Returns {allowed (1|0), retry-after ms}.
const HIT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window - now}
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return {1, 0}`;

export class RedisRateLimitStore implements RateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, { limit, windowMs }: Limit) {
    const [allowed, retryAfterMs] = (await this.redis.eval(HIT, 1, `${this.prefix}ratelimit:${key}`, Date.now(), windowMs, limit, randomUUID())) as [number, number];
    return { allowed: allowed === 1, retryAfterMs };
  }
}

/** The rate-limit key of a client's address (sockets and tests may have none). */
export const ipKey = (client: { ip: string | null }) => client.ip ?? 'unknown';

/** A key and the limit it is counted against. */
export interface RateLimitRule {
  key: string;
  limit: Limit;
}

/** Counts a hit on every key (each with its own limit); RATE_LIMITED with `retryAfterSeconds` if any is full. */
export async function enforceRateLimits(store: RateLimitStore, checks: readonly RateLimitRule[]): Promise<void> {
  let retryAfterMs = 0;
  for (const { key, limit } of checks) {
    const result = await store.hit(key, limit);
    if (!result.allowed) retryAfterMs = Math.max(retryAfterMs, result.retryAfterMs);
  }
  if (retryAfterMs > 0) throw rateLimited(retryAfterMs);
}

export function rateLimited(retryAfterMs: number, message = 'Too many attempts; try again later'): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError('RATE_LIMITED', `${message} (in ${retryAfterSeconds} s)`, { retryAfterSeconds });
}
