/** The purge bus and the job lock on a real redis-server. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Redis } from 'ioredis'
import { RateLimiterRes } from 'rate-limiter-flexible'

import { startThrowawayRedis, type ThrowawayRedis } from '../../scripts/lib/redis'
import { createRedisPubSub } from '../../src/server/cluster/pubSub'
import { startPurgeBus } from '../../src/server/cluster/purgeBus'
import { redisLimiters } from '../../src/server/cluster/redisLimiters'
import { createRedisLock } from '../../src/server/cluster/redisLock'

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let redis: ThrowawayRedis
const clients: Redis[] = []

beforeAll(async () => {
  redis = await startThrowawayRedis()
})

afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()))
  await redis?.stop()
})

function client(): Redis {
  const connection = new Redis(redis.url)
  clients.push(connection)
  return connection
}

/** Resolves once some process holds the lock: a new client may take a while to connect and take it. */
async function untilHeld(key: string): Promise<void> {
  const watcher = client()
  const deadline = Date.now() + 5000
  while ((await watcher.get(key)) === null) {
    if (Date.now() > deadline) throw new Error(`nobody took ${key} within 5 s`)
    await sleep(5)
  }
}

describe('purge bus on Redis', () => {
  it('reaches every other process, which has purged by the time the sender’s purge resolves', async () => {
    const purged: Record<string, string[][]> = { a: [], b: [], c: [] }
    const buses = await Promise.all(
      (['a', 'b', 'c'] as const).map((name) =>
        startPurgeBus({
          pubSub: createRedisPubSub(redis.url, logger),
          logger,
          processId: name,
          purgeLocally: async (tags) => {
            await sleep(name === 'c' ? 50 : 0)
            purged[name]!.push(tags)
          },
        }),
      ),
    )
    const started = Date.now()
    await buses[0]!.target(['article:x', 'articles'])
    expect(Date.now() - started).toBeLessThan(900)
    expect(purged).toEqual({ a: [], b: [['article:x', 'articles']], c: [['article:x', 'articles']] })
    await Promise.all(buses.map((bus) => bus.close()))
  })
})

describe('purge bus after a lost connection', () => {
  it('drops what a missed purge could have named once it is subscribed again', async () => {
    const purged: string[][] = []
    const bus = await startPurgeBus({ pubSub: createRedisPubSub(redis.url, logger), logger, processId: 'x', purgeLocally: async (tags) => void purged.push(tags) })
    try {
      await client().client('KILL', 'TYPE', 'pubsub')
      const deadline = Date.now() + 5000
      while (purged.length === 0 && Date.now() < deadline) await sleep(50)
      expect(purged).toEqual([expect.arrayContaining(['site', 'articles', 'api:articles'])])
    } finally {
      await bus.close()
    }
  })
})

describe('job lock on Redis', () => {
  it('lets one process at a time run, and the next one after it is done', async () => {
    const [first, second] = [client(), client()].map((redisClient) => createRedisLock({ redis: redisClient, key: 'test:lock-a', logger }))
    let release: () => void = () => undefined
    const running = first!(() => new Promise<void>((resolve) => (release = resolve)))
    await untilHeld('test:lock-a')
    let ranSecond = false
    expect(await second!(async () => void (ranSecond = true))).toBe(false)
    expect(ranSecond).toBe(false)
    release()
    expect(await running).toBe(true)
    expect(await second!(async () => void (ranSecond = true))).toBe(true)
    expect(ranSecond).toBe(true)
  })

  it('keeps the lock while a long run goes on, and frees it when a holder dies', async () => {
    const holder = client()
    const lock = createRedisLock({ redis: holder, key: 'test:lock-b', logger, ttlMs: 300 })
    const other = createRedisLock({ redis: client(), key: 'test:lock-b', logger, ttlMs: 300 })
    const longRun = lock(() => sleep(900))
    await untilHeld('test:lock-b')
    await sleep(600)
    expect(await other(async () => undefined)).toBe(false)
    await longRun

    // A holder that dies without releasing: the key simply expires.
    await client().set('test:lock-b', 'dead-holder', 'PX', 200)
    expect(await other(async () => undefined)).toBe(false)
    await sleep(300)
    expect(await other(async () => undefined)).toBe(true)
  })
})

describe('job lock held by a run that hangs', () => {
  it('passes to another process once the holder has held it for maxHoldMs', async () => {
    const hung = createRedisLock({ redis: client(), key: 'test:lock-c', logger, ttlMs: 300, maxHoldMs: 400 })
    const other = createRedisLock({ redis: client(), key: 'test:lock-c', logger, ttlMs: 300 })
    const hanging = hung(() => sleep(1500))
    await untilHeld('test:lock-c')
    await sleep(350)
    expect(await other(async () => undefined)).toBe(false)
    await sleep(700)
    expect(await other(async () => undefined)).toBe(true)
    await hanging
  })
})

describe('rate-limit counters on Redis', () => {
  it('count one limit across processes', async () => {
    const options = { keyPrefix: 'api-ip', points: 3, durationSeconds: 60 }
    const connections = [client(), client()]
    // As in the server, whose connection is up before it serves.
    await Promise.all(connections.map((connection) => connection.ping()))
    const [inA, inB] = connections.map((connection) => redisLimiters(connection)(options))
    await inA!.consume('203.0.113.7')
    await inB!.consume('203.0.113.7')
    await inA!.consume('203.0.113.7')
    await expect(inB!.consume('203.0.113.7')).rejects.toBeInstanceOf(RateLimiterRes)
    await expect(inB!.consume('198.51.100.1')).resolves.toBeInstanceOf(RateLimiterRes)
  })
})
