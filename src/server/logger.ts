import { pino, type Logger } from 'pino'

/**
 * The log is written in batches: one write per 32 KB of lines, or per second, whichever comes
 * first, instead of one write per line (which cost a cache hit 40 % of its throughput). After a
 * `kill -9` at most that much is lost; a graceful exit and a crash write it out (below).
 */
export const LOG_BUFFER_BYTES = 32 * 1024
export const LOG_FLUSH_INTERVAL_MS = 1000

/** What pino needs of a destination, and a synchronous flush for when the event loop is ending. */
export type LogDestination = {
  write: (line: string) => void
  flush: (callback?: (error?: Error) => unknown) => void
  flushSync: () => void
}

/**
 * Buffered, asynchronous writes to a file descriptor (stdout by default) or a file path. Lines are
 * joined here into one string (V8 joins them without copying) and handed on as one block of bytes
 * per 32 KB or per second to pino's own destination (sonic-boom), which writes it out
 * asynchronously: handing sonic-boom each line cost a cache hit a copy and bookkeeping per line.
 */
export function createLogDestination(dest: number | string = 1): LogDestination {
  // minLength 1: what it is handed goes out at once (and `flush` still waits for the write). Buffer
  // mode: it takes the bytes as they are (its string mode measures and copies them again).
  const sonic = pino.destination({ dest, sync: false, contentMode: 'buffer', minLength: 1, maxWrite: 2 * LOG_BUFFER_BYTES })
  // sonic-boom's type declarations predate its buffer mode, in which write takes bytes.
  const writeBytes = sonic.write.bind(sonic) as unknown as (bytes: Buffer) => boolean
  let pending = ''
  const handOn = () => {
    if (pending === '') return
    writeBytes(Buffer.from(pending))
    pending = ''
  }
  setInterval(handOn, LOG_FLUSH_INTERVAL_MS).unref()
  return {
    write: (line) => {
      pending += line
      if (pending.length >= LOG_BUFFER_BYTES) handOn()
    },
    flush: (callback) => {
      handOn()
      sonic.flush(callback)
    },
    flushSync: () => {
      handOn()
      sonic.flushSync()
    },
  }
}

export function createLogger(level: string, destination: LogDestination = createLogDestination()): Logger {
  return pino({ level, base: { app: 'publication' } }, destination)
}

/** Waits until every line logged so far has been written. */
export function flushLog(logger: Pick<Logger, 'flush'>): Promise<void> {
  return new Promise((resolve, reject) => logger.flush((error) => (error ? reject(error) : resolve())))
}

/**
 * An uncaught exception or unhandled rejection ends the process as Node would (exit 1), but
 * first logs it and writes the buffered log out synchronously (the event loop may not run again),
 * so the lines leading up to a crash are not lost with it.
 */
export function exitOnFatalErrors(logger: Pick<Logger, 'fatal'>, destination: Pick<LogDestination, 'flushSync'>, exit: (code: number) => void = process.exit): void {
  process.on('uncaughtException', (error, origin) => {
    logger.fatal({ err: error, origin }, 'uncaught error; exiting')
    try {
      destination.flushSync()
    } catch {
      // Not open yet, or the disk is gone: exit regardless.
    }
    exit(1)
  })
}
