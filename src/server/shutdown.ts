import type { Server } from 'node:http'

import type { Logger } from 'pino'

type Closable = { name: string; close: () => Promise<void> }

type ShutdownArgs = {
  server: Server
  logger: Logger
  /** Closed in order once no request is in flight. */
  resources: Closable[]
  /** In-flight requests get this long before the process gives up on them. */
  graceMs?: number
}

/** SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close resources, exit. */
export function handleShutdownSignals({ server, logger, resources, graceMs = 10_000 }: ShutdownArgs): void {
  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests')
    const forced = setTimeout(() => {
      logger.error({ graceMs }, 'in-flight requests did not finish in time; exiting')
      process.exit(1)
    }, graceMs)
    forced.unref()

    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
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
    logger.info('shutdown complete')
    process.exit(exitCode)
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
