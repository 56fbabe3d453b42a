import { randomUUID } from 'node:crypto'

import { z } from 'zod'

import { purgeTags, type PurgeTarget } from '../../lib/cache/purge'
import { cacheTags } from '../../lib/cache/tags'
import type { PubSub } from './pubSub'

type Logger = {
  info: (obj: object, msg: string) => void
  warn: (obj: object, msg: string) => void
  error: (obj: object, msg: string) => void
}

const purgeMessage = z.object({ id: z.string(), origin: z.string(), tags: z.array(z.string()) })
const ackMessage = z.object({ id: z.string(), from: z.string() })
type PurgeMessage = z.infer<typeof purgeMessage>
type AckMessage = z.infer<typeof ackMessage>

export type PurgeBus = {
  /** The 'cluster' purge target: tells every other process, resolves once they have purged. */
  target: PurgeTarget
  close: () => Promise<void>
}

type PurgeBusArgs = {
  pubSub: PubSub
  logger: Logger
  /** Tells this process's own messages apart from the others'. */
  processId?: string
  channel?: string
  /** How long a purge waits for the other processes' acknowledgements before going on. */
  ackTimeoutMs?: number
  /** Applies a purge received from another process; by default this process's own caches only. */
  purgeLocally?: (tags: string[]) => Promise<void>
  metrics?: PurgeBusMetrics
}

/** Told, for each purge sent, how long each other process took to acknowledge it, and how many never did in time. */
export type PurgeBusMetrics = { acknowledged: (seconds: number) => void; unacknowledged: (missing: number) => void }

/**
 * Purged locally when the bus comes back after a lost connection, since purges sent meanwhile
 * were missed: every page shows the site, every list the articles, every API read its collection.
 */
export const TAGS_AFTER_A_GAP = [cacheTags.site, cacheTags.articleList, cacheTags.credits, cacheTags.api('articles'), cacheTags.api('media'), cacheTags.api('licenses')]

/**
 * Every purge goes to all processes over pub/sub. Each process applies a received purge to its
 * own caches only (so nothing is sent round again) and acknowledges it; the sender waits for
 * those acknowledgements, so when the API call returns (and before the proxy is purged) no
 * process still holds the old copy. A process that does not answer in time is logged, not waited for.
 * A process that lost the bus for a while drops everything a missed purge could have named.
 */
export async function startPurgeBus({
  pubSub,
  logger,
  processId = randomUUID(),
  channel = 'publication:purge',
  ackTimeoutMs = 1000,
  purgeLocally = (tags) => purgeTags(tags, logger, { localOnly: true }),
  metrics,
}: PurgeBusArgs): Promise<PurgeBus> {
  const ackChannel = `${channel}:ack`
  const waiting = new Map<string, (from: string) => void>()

  const onPurge = async (message: PurgeMessage) => {
    if (message.origin === processId) return
    await purgeLocally(message.tags)
    await pubSub.publish(ackChannel, JSON.stringify({ id: message.id, from: processId } satisfies AckMessage))
  }

  await pubSub.subscribe([channel, ackChannel], (from, raw) => {
    if (from === ackChannel) {
      const ack = parse(ackMessage, raw)
      if (ack) waiting.get(ack.id)?.(ack.from)
      return
    }
    const message = parse(purgeMessage, raw)
    if (!message) return logger.warn({ raw }, 'ignored a malformed purge bus message')
    onPurge(message).catch((error: unknown) => logger.error({ err: error, tags: message.tags }, 'remote purge failed'))
  })

  pubSub.onResubscribed(() => {
    logger.warn({ tags: TAGS_AFTER_A_GAP }, 'purge bus reconnected; purges sent meanwhile were missed, so this process drops what they could have named')
    purgeLocally(TAGS_AFTER_A_GAP).catch((error: unknown) => logger.error({ err: error }, 'purge after a bus gap failed'))
  })

  const target: PurgeTarget = async (tags) => {
    const id = randomUUID()
    const sentAt = performance.now()
    const acked = new Set<string>()
    let expected = Infinity
    let done: () => void = () => undefined
    const allAcked = new Promise<void>((resolve) => (done = resolve))
    waiting.set(id, (from) => {
      if (!acked.has(from)) metrics?.acknowledged((performance.now() - sentAt) / 1000)
      acked.add(from)
      if (acked.size >= expected) done()
    })
    try {
      const receivers = await pubSub.publish(channel, JSON.stringify({ id, origin: processId, tags } satisfies PurgeMessage))
      // Our own subscriber is among the receivers and does not acknowledge.
      expected = Math.max(0, receivers - 1)
      if (acked.size >= expected) done()
      const timer = setTimeout(done, ackTimeoutMs)
      await allAcked
      clearTimeout(timer)
      if (acked.size < expected) {
        metrics?.unacknowledged(expected - acked.size)
        logger.warn({ tags, expected, acknowledged: acked.size, ackTimeoutMs }, 'not every process acknowledged a purge in time')
      }
    } finally {
      waiting.delete(id)
    }
  }

  return { target, close: () => pubSub.close() }
}

function parse<T>(schema: z.ZodType<T>, raw: string): T | undefined {
  try {
    const result = schema.safeParse(JSON.parse(raw))
    return result.success ? result.data : undefined
  } catch {
    return undefined
  }
}
