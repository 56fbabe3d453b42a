import { Redis } from 'ioredis'

import { redactUri } from '../../config/database'
import { registerPurgeTarget } from '../../lib/cache/purge'
import type { Closable } from '../shutdown'
import { createProxyPurgeTarget } from './proxyPurge'
import { createRedisPubSub } from './pubSub'
import { startPurgeBus, type PurgeBusMetrics } from './purgeBus'
import { createRedisLock, type RunExclusive } from './redisLock'

type Logger = {
  info: (obj: object, msg: string) => void
  warn: (obj: object, msg: string) => void
  error: (obj: object, msg: string) => void
}

export type ClusterServices = {
  /** Wraps each run of due jobs: under the Redis lock with REDIS_URL; a single process just runs it. */
  runJobsExclusive: RunExclusive
  /** The shared Redis connection (rate-limit counters), when REDIS_URL is set. */
  redis?: Redis
  resources: Closable[]
}

type ClusterArgs = {
  redisUrl?: string
  proxyPurgeUrl?: string
  /** How long one run of due jobs may hold the lock (the job runner's own timeout). */
  jobsTimeoutMs?: number
  logger: Logger
  /** Times each purge's acknowledgement by the other processes (/metrics). */
  purgeBusMetrics?: PurgeBusMetrics
}

const runDirectly: RunExclusive = async (task) => {
  await task()
  return true
}

/**
 * Registers the purge targets that reach beyond this process: the caching proxy
 * (PROXY_PURGE_URL) and the other processes over the Redis bus (REDIS_URL). The server uses them
 * beside its own cache; a process without one (the CLI running jobs) uses them alone.
 */
async function connectPurgeTargets({ redisUrl, proxyPurgeUrl, logger, purgeBusMetrics }: Pick<ClusterArgs, 'redisUrl' | 'proxyPurgeUrl' | 'logger' | 'purgeBusMetrics'>): Promise<Closable[]> {
  const resources: Closable[] = []
  if (proxyPurgeUrl) {
    const unregister = registerPurgeTarget('proxy', createProxyPurgeTarget(proxyPurgeUrl), 'edge')
    resources.push({ name: 'proxy purge', close: async () => unregister() })
  }
  if (!redisUrl) return resources
  const bus = await startPurgeBus({ pubSub: createRedisPubSub(redisUrl, logger), logger, metrics: purgeBusMetrics })
  const unregister = registerPurgeTarget('purge-bus', bus.target, 'cluster')
  resources.push({
    name: 'purge bus',
    close: async () => {
      unregister()
      await bus.close()
    },
  })
  return resources
}

/**
 * What several processes need in order to serve as one: with REDIS_URL, every purge reaches every
 * process (bus) and due jobs run in one process at a time (lock); with PROXY_PURGE_URL, the
 * caching proxy in front is purged too. With neither, nothing changes for a single process.
 */
export async function startClusterServices({ redisUrl, proxyPurgeUrl, jobsTimeoutMs, logger, purgeBusMetrics }: ClusterArgs): Promise<ClusterServices> {
  if (!redisUrl) return { runJobsExclusive: runDirectly, resources: await connectPurgeTargets({ proxyPurgeUrl, logger }) }

  const redis = new Redis(redisUrl, { lazyConnect: true })
  redis.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection error'))
  await redis.connect().catch((error: unknown) => {
    // ioredis would keep retrying in the background.
    redis.disconnect()
    throw new Error(`Could not connect to Redis at REDIS_URL (${redactUri(redisUrl)}): start it, or unset REDIS_URL to run a single process`, { cause: error })
  })
  const resources = await connectPurgeTargets({ redisUrl, proxyPurgeUrl, logger, purgeBusMetrics })
  resources.push({ name: 'redis', close: async () => void (await redis.quit()) })
  logger.info({ proxyPurgeUrl }, 'cluster services: purge bus and job lock on Redis')
  return { runJobsExclusive: createRedisLock({ redis, key: 'publication:jobs-lock', logger, maxHoldMs: jobsTimeoutMs }), redis, resources }
}
