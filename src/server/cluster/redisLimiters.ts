import type { Redis } from 'ioredis'
import { RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'

/** The options of the rate limit middleware's limiter factory (LimiterFactory in src/server/rateLimit/limiters.ts). */
type LimiterOptions = { keyPrefix: string; points: number; durationSeconds: number }

/**
 * Rate-limit counters in Redis, so a limit holds across every process rather than per process.
 * A Redis that is not ready refuses at once instead of queueing; the middleware then lets the
 * request through and logs it (readers keep the site, only the limit lapses).
 */
export function redisLimiters(redis: Redis): (options: LimiterOptions) => RateLimiterAbstract {
  return ({ keyPrefix, points, durationSeconds }) =>
    new RateLimiterRedis({ storeClient: redis, keyPrefix: `publication:rate-limit:${keyPrefix}`, points, duration: durationSeconds, rejectIfRedisNotReady: true })
}
