import { randomUUID } from 'node:crypto'

import type { Redis } from 'ioredis'

/** Runs the task only if no other process holds the lock; returns whether it ran. */
export type RunExclusive = (task: () => Promise<unknown>) => Promise<boolean>

type LockArgs = {
  redis: Pick<Redis, 'set' | 'eval'>
  key: string
  logger: { warn: (obj: object, msg: string) => void }
  /** A holder that dies frees the lock after this long; a live holder keeps renewing it. */
  ttlMs?: number
  /**
   * A live holder stops renewing after this long, so a run that hangs lets the other processes
   * take over (the job runner abandons such a run after JOBS_TIMEOUT_SECONDS too).
   */
  maxHoldMs?: number
}

// Delete or extend the lock only while it is still ours: it may have expired and passed on.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end"

/**
 * A lock in Redis (SET NX with an expiry). The server's job runner takes it around each run:
 * Payload claims due jobs with a find and then an update, not atomically, so two processes
 * polling at the same moment could both run one scheduled publish.
 */
export function createRedisLock({ redis, key, logger, ttlMs = 30_000, maxHoldMs = 120_000 }: LockArgs): RunExclusive {
  return async (task) => {
    const token = randomUUID()
    if ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return false
    const heldSince = Date.now()
    const renew = setInterval(() => {
      if (Date.now() - heldSince >= maxHoldMs) {
        clearInterval(renew)
        logger.warn({ key, maxHoldMs }, 'a run held the lock too long; no longer renewing it, so another process can take over')
        return
      }
      redis.eval(RENEW, 1, key, token, String(ttlMs)).catch((error: unknown) => logger.warn({ err: error, key }, 'could not renew a lock; it may pass to another process'))
    }, ttlMs / 3)
    try {
      await task()
    } finally {
      clearInterval(renew)
      await redis.eval(RELEASE, 1, key, token)
    }
    return true
  }
}
