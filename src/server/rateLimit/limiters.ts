import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible'

export type LimiterOptions = {
  /** Names the counter in a shared store, so several limiters (and several servers) keep apart. */
  keyPrefix: string
  points: number
  durationSeconds: number
}

/**
 * Makes one limiter. In memory for one process; a shared store (RateLimiterRedis, for several
 * servers) is another factory passed to the rate limit middleware, with no change to it.
 */
export type LimiterFactory = (options: LimiterOptions) => RateLimiterAbstract

export const inMemoryLimiters: LimiterFactory = ({ keyPrefix, points, durationSeconds }) =>
  new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds })
