import type { IncomingMessage } from 'node:http'

import type { Logger } from 'pino'

/**
 * Logs a request answered before Express (a cache hit, another request's render handed on, a
 * static image file) in the shape pino-http gives the others, so every request shows up in the
 * log alike.
 */
export function logServed(logger: Pick<Logger, 'info'>, req: IncomingMessage, statusCode: number, started: bigint, cache: 'hit' | 'shared' | 'file'): void {
  logger.info({ req: { method: req.method, url: req.url }, res: { statusCode }, responseTime: Number(process.hrtime.bigint() - started) / 1e6, cache }, 'request completed')
}
