import { Redis } from 'ioredis'

/** The little of Redis pub/sub the purge bus needs; an in-memory one stands in for it in unit tests. */
export type PubSub = {
  /** Resolves with how many subscribers received the message (this process's own included). */
  publish: (channel: string, message: string) => Promise<number>
  subscribe: (channels: string[], onMessage: (channel: string, message: string) => void) => Promise<void>
  /** After `subscribe`: called when the subscription is back after a lost connection (messages sent meanwhile are gone). */
  onResubscribed: (listener: () => void) => void
  close: () => Promise<void>
}

type Logger = { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void }

/** Redis needs a connection of its own for subscribing; publishing goes over another. */
export function createRedisPubSub(redisUrl: string, logger: Logger): PubSub {
  const publisher = new Redis(redisUrl, { lazyConnect: true })
  const subscriber = new Redis(redisUrl, { lazyConnect: true })
  for (const [role, connection] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
    // ioredis reconnects by itself (and subscribes again); without a listener it would throw.
    connection.on('error', (error: Error) => logger.warn({ err: error, role }, 'redis connection error'))
  }
  return {
    publish: (channel, message) => publisher.publish(channel, message),
    subscribe: async (channels, onMessage) => {
      subscriber.on('message', onMessage)
      await Promise.all([publisher.connect(), subscriber.connect()])
      await subscriber.subscribe(...channels)
    },
    onResubscribed: (listener) => {
      // 'ready' comes once per connection, and ioredis has subscribed again by then; the first
      // connection was made (in subscribe) before anyone listens here.
      subscriber.on('ready', listener)
    },
    close: async () => {
      await Promise.allSettled([publisher.quit(), subscriber.quit()])
    },
  }
}
