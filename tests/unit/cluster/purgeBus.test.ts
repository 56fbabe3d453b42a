import { describe, expect, it } from '@jest/globals'

import type { PubSub } from '../../../src/server/cluster/pubSub'
import { startPurgeBus } from '../../../src/server/cluster/purgeBus'

type Subscriber = { channels: string[]; onMessage: (channel: string, message: string) => void }

/** Redis pub/sub in memory: delivery on a later tick, publish answers how many subscribers got it. */
function memoryRedis() {
  const subscribers = new Set<Subscriber>()
  const published: Array<{ channel: string; message: string }> = []
  const reconnectListeners: Array<() => void> = []
  const connect = (): PubSub => {
    let mine: Subscriber | undefined
    return {
      onResubscribed: (listener) => void reconnectListeners.push(listener),
      publish: async (channel, message) => {
        published.push({ channel, message })
        const receivers = [...subscribers].filter((subscriber) => subscriber.channels.includes(channel))
        for (const receiver of receivers) setImmediate(() => receiver.onMessage(channel, message))
        return receivers.length
      },
      subscribe: async (channels, onMessage) => {
        mine = { channels, onMessage }
        subscribers.add(mine)
      },
      close: async () => void (mine && subscribers.delete(mine)),
    }
  }
  /** As after a lost connection: every subscriber is subscribed again. */
  const reconnect = () => reconnectListeners.forEach((listener) => listener())
  return { connect, published, reconnect }
}

const warnings: object[] = []
const logger = { info: () => undefined, warn: (obj: object) => void warnings.push(obj), error: () => undefined }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A process on the bus whose local caches record what they purged, taking `ms` to do it. */
async function processOn(redis: ReturnType<typeof memoryRedis>, name: string, ms = 0, ackTimeoutMs = 1000) {
  const purged: string[][] = []
  const acks: number[] = []
  const missing: number[] = []
  const bus = await startPurgeBus({
    pubSub: redis.connect(),
    logger,
    processId: name,
    ackTimeoutMs,
    metrics: { acknowledged: (seconds) => void acks.push(seconds), unacknowledged: (count) => void missing.push(count) },
    purgeLocally: async (tags) => {
      await sleep(ms)
      purged.push(tags)
    },
  })
  return { bus, purged, acks, missing }
}

describe('purge bus', () => {
  it('purges the other processes’ caches (not the sender’s own) before the purge resolves', async () => {
    const redis = memoryRedis()
    const a = await processOn(redis, 'a')
    const b = await processOn(redis, 'b', 40)
    const c = await processOn(redis, 'c', 10)
    await a.bus.target(['article:x', 'articles'])
    expect(b.purged).toEqual([['article:x', 'articles']])
    expect(c.purged).toEqual([['article:x', 'articles']])
    expect(a.purged).toEqual([])
    // One acknowledgement per other process, timed from the send: b took about 40 ms to purge.
    expect(a.acks).toHaveLength(2)
    expect(Math.max(...a.acks)).toBeGreaterThanOrEqual(0.035)
    expect(Math.max(...a.acks)).toBeLessThan(1)
    expect(a.missing).toEqual([])
    await Promise.all([a, b, c].map(({ bus }) => bus.close()))
  })

  it('sends a purge round once: receivers acknowledge but never publish it again', async () => {
    const redis = memoryRedis()
    const a = await processOn(redis, 'a')
    await processOn(redis, 'b')
    await a.bus.target(['site'])
    await sleep(20)
    expect(redis.published.filter(({ channel }) => channel === 'publication:purge')).toHaveLength(1)
    expect(redis.published.filter(({ channel }) => channel === 'publication:purge:ack')).toHaveLength(1)
  })

  it('goes on after the timeout, with a warning, when a process does not acknowledge', async () => {
    const redis = memoryRedis()
    const a = await processOn(redis, 'a', 0, 100)
    await redis.connect().subscribe(['publication:purge'], () => undefined)
    warnings.length = 0
    const started = Date.now()
    await a.bus.target(['credits'])
    expect(Date.now() - started).toBeGreaterThanOrEqual(90)
    expect(warnings).toEqual([expect.objectContaining({ expected: 1, acknowledged: 0 })])
    expect(a.missing).toEqual([1])
    expect(a.acks).toEqual([])
  })

  it('resolves at once when no other process listens', async () => {
    const redis = memoryRedis()
    const a = await processOn(redis, 'a', 0, 5000)
    const started = Date.now()
    await a.bus.target(['credits'])
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('drops everything a missed purge could have named when the bus comes back after a gap', async () => {
    const redis = memoryRedis()
    const b = await processOn(redis, 'b')
    redis.reconnect()
    await sleep(10)
    expect(b.purged).toEqual([['site', 'articles', 'credits', 'api:articles', 'api:media', 'api:licenses']])
  })

  it('ignores malformed messages', async () => {
    const redis = memoryRedis()
    const b = await processOn(redis, 'b')
    const raw = redis.connect()
    await raw.publish('publication:purge', 'not json')
    await raw.publish('publication:purge', JSON.stringify({ id: '1', origin: 'x', tags: 'articles' }))
    await sleep(10)
    expect(b.purged).toEqual([])
  })
})
