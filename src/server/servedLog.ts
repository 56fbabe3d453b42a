import type { IncomingMessage } from 'node:http'

import { pino, type Logger } from 'pino'

export type ServedLog = (req: IncomingMessage, statusCode: number, started: bigint, cache: 'hit' | 'shared' | 'file') => void

const { chindingsSym, streamSym, timeSym } = pino.symbols


/**
 * Logs a request answered before Express (a cache hit, another request's render handed on, a
 * static image file) in the shape pino-http gives the others, so every request shows up in the
 * log alike. The line is the one pino would write for these fields (its level, clock and
 * bindings, in its order), put together here and handed to the logger's destination: pino's
 * generic path (a key loop and a safe stringify of each nested object) cost a cache hit about a
 * fifth of its time. Only the URL, which the client chose, needs escaping.
 */
function servedLog(logger: Logger): ServedLog {
  const internals = logger as unknown as Record<symbol, unknown>
  const stream = internals[streamSym] as { write: (line: string) => void }
  const time = internals[timeSym] as () => string
  const level = `{"level":${logger.levels.values.info}`
  return (req, statusCode, started, cache) => {
    if (!logger.isLevelEnabled('info')) return
    const responseTime = Number(process.hrtime.bigint() - started) / 1e6
    stream.write(
      `${level}${time()}${internals[chindingsSym] as string},"req":{"method":${JSON.stringify(req.method)},"url":${JSON.stringify(req.url)}},"res":{"statusCode":${statusCode}},"responseTime":${responseTime},"cache":"${cache}","msg":"request completed"}\n`,
    )
  }
}

const servedLogs = new WeakMap<Logger, ServedLog>()

/** Logs one request answered before Express (see servedLog). */
export function logServed(logger: Logger, req: IncomingMessage, statusCode: number, started: bigint, cache: 'hit' | 'shared' | 'file'): void {
  let log = servedLogs.get(logger)
  if (!log) servedLogs.set(logger, (log = servedLog(logger)))
  log(req, statusCode, started, cache)
}
