import type { IncomingMessage, Server, ServerResponse } from 'node:http'

import type { Logger } from 'pino'

export type Closable = { name: string; close: () => Promise<void> }

type ShutdownArgs = {
  /** Its own 'request' handler already added (createServer's): what that handler leaves unsent is in progress. */
  server: Server
  logger: Pick<Logger, 'info' | 'error'>
  /** Closed in order once no request is in flight. */
  resources: Closable[]
  /**
   * How long the server keeps serving after the signal, health check already 503, so a load
   * balancer has time to notice and stop sending new requests before the port closes.
   */
  drainMs?: number
  /** After the drain, in-flight requests get this long before the process gives up on them. */
  graceMs?: number
  /** Called first: the health check starts answering 503. */
  onDrainStart?: () => void
  /** Called last, before exiting: writes out the buffered log. */
  flushLog?: () => Promise<void>
  exit?: (code: number) => void
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Once shutdown starts, every response not yet sent carries `Connection: close`: the client
 * learns after a complete answer that the connection ends, instead of finding it cut while it
 * sends the next request on it. Responses already in progress when it starts are marked too.
 * Only those the server's own handler left unsent are kept track of: a cache hit has sent its
 * headers by then and costs no set entry and no 'close' listener.
 */
function closeConnectionsAfterResponses(server: Server): { start: () => void } {
  const inProgress = new Set<ServerResponse>()
  let closing = false
  const markClosing = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close')
  }
  // Before the handler: a request arriving during shutdown is marked before anything is sent.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (closing) markClosing(res)
  })
  // After it: what is still unsent is in progress.
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (closing || res.headersSent) return
    inProgress.add(res)
    res.once('close', () => inProgress.delete(res))
  })
  return {
    start: () => {
      closing = true
      inProgress.forEach(markClosing)
    },
  }
}

/**
 * SIGTERM: health turns 503, keep serving for `drainMs` (each response closing its connection),
 * then stop listening, let in-flight requests finish, close resources and exit. Safe to call twice.
 */
export function createShutdown({ server, logger, resources, drainMs = 0, graceMs = 10_000, onDrainStart, flushLog, exit = process.exit }: ShutdownArgs): (reason: string) => Promise<void> {
  const connections = closeConnectionsAfterResponses(server)
  let stopping: Promise<void> | undefined
  const run = async (reason: string) => {
    onDrainStart?.()
    connections.start()
    logger.info({ reason, drainMs }, 'shutting down: health check now 503, draining before closing the port')
    await sleep(drainMs)

    logger.info({ graceMs }, 'no new connections; finishing in-flight requests')
    const forced = setTimeout(() => {
      logger.error({ graceMs }, 'in-flight requests did not finish in time; exiting')
      exit(1)
    }, graceMs)
    forced.unref()
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    // Connections idle now would hold close() open; busy ones end after their response (Connection: close).
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
    await flushLog?.().catch(() => undefined)
    exit(exitCode)
  }
  return (reason) => (stopping ??= run(reason))
}

export function handleShutdownSignals(args: ShutdownArgs): void {
  const shutdown = createShutdown(args)
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown(signal))
}
