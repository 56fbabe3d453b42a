import type { Server } from 'node:http'

import type { Logger } from 'pino'

export type Closable = { name: string; close: () => Promise<void> }

type ShutdownArgs = {
  server: Server
  logger: Pick<Logger, 'info' | 'error'>
  /** Closed in order once no request is in flight. */
  resources: Closable[]
  /** In-flight requests get this long before the process gives up on them. */
  graceMs?: number
  exit?: (code: number) => void
}

/** Stop accepting, let in-flight requests finish, close resources, exit. Safe to call twice. */
export function createShutdown({ server, logger, resources, graceMs = 10_000, exit = process.exit }: ShutdownArgs): (reason: string) => Promise<void> {
  let stopping: Promise<void> | undefined
  const run = async (reason: string) => {
    logger.info({ reason }, 'shutting down: no new connections, finishing in-flight requests')
    const forced = setTimeout(() => {
      logger.error({ graceMs }, 'in-flight requests did not finish in time; exiting')
      exit(1)
    }, graceMs)
    forced.unref()

    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    // Keep-alive connections with no request in flight would hold close() open.
    server.closeIdleConnections()
    await closed
    let exitCode = 0
    for (const resource of resources) {
      try {
        await resource.close()
        logger.info({ resource: resource.name }, 'closed')
      } catch (error) {
        exitCode = 1
        logger.error({ err: error, resource: resource.name }, 'failed to close')
      }
    }
    clearTimeout(forced)
    logger.info('shutdown complete')
    exit(exitCode)
  }
  return (reason) => (stopping ??= run(reason))
}

export function handleShutdownSignals(args: ShutdownArgs): void {
  const shutdown = createShutdown(args)
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown(signal))
}
