import type { Logger } from 'pino'

type JobRunnerArgs = {
  /** Runs the due jobs once (in-process: `payload.jobs.run`); resolving to `{ more: true }` says more work is waiting. */
  run: () => Promise<{ more?: boolean } | void>
  intervalMs: number
  /** A run taking longer is abandoned (logged), so one hung job cannot stop scheduling for good or block shutdown. */
  timeoutMs: number
  logger: Pick<Logger, 'debug' | 'error'>
}

export type JobRunner = {
  close: () => Promise<void>
  /** Runs due jobs now (a request just queued some); during a run, once more right after it. */
  tick: () => Promise<void>
  /**
   * Runs `work` (a run asked for some other way: Payload's endpoint) as one of this runner's runs:
   * after the run under way, and before the next. Two runs at once claim the same job.
   */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>
}

/**
 * Runs due jobs (scheduled publish and unpublish, file rewrites) from inside the server, so one
 * machine needs no outside cron, and without a loopback HTTP call: hooks purge caches through
 * `purgeTags`, which works from any code in the process.
 */
export function startJobRunner({ run, intervalMs, timeoutMs, logger }: JobRunnerArgs): JobRunner {
  let running: Promise<void> | undefined
  let again = false
  let closed = false
  /** Makes `work` the run under way: the next waits for it, or for its timeout. */
  const startRun = (work: () => Promise<unknown>): Promise<void> => {
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.error({ timeoutMs }, 'job run did not finish in time; abandoned so the next run can start')
        resolve()
      }, timeoutMs)
      timer.unref()
    })
    const done = work().then(
      () => undefined,
      () => undefined,
    )
    running = Promise.race([done, timedOut]).finally(() => {
      clearTimeout(timer)
      running = undefined
      if (again && !closed) {
        again = false
        setImmediate(() => void tick())
      }
    })
    return running
  }
  const tick = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    return startRun(() =>
      run().then(
        (result) => {
          logger.debug({}, 'job run done')
          if (result?.more) again = true
        },
        (error: unknown) => logger.error({ err: error }, 'job run failed'),
      ),
    )
  }
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    while (running) await running
    const result = work()
    await startRun(() => result)
    return result
  }
  const interval = setInterval(() => void tick(), intervalMs)
  interval.unref()
  return {
    tick,
    exclusive,
    close: async () => {
      closed = true
      clearInterval(interval)
      await running
    },
  }
}
