import type { Logger } from 'pino'

type JobRunnerArgs = {
  /** Where this server listens, seen from inside (not the public URL). */
  baseUrl: string
  token: string
  intervalMs: number
  logger: Pick<Logger, 'debug' | 'warn'>
  /** With several processes: runs a tick only while no other process runs one (see cluster/redisLock). */
  runExclusive: (task: () => Promise<void>) => Promise<boolean>
}

export const JOBS_PATH = '/api/payload-jobs/run'

/**
 * Runs due jobs (scheduled publish and unpublish) from inside the server, so one machine needs
 * no outside cron. It calls Payload's job endpoint on itself: jobs then run within Next, where
 * publishing also clears the affected pages from the cache.
 */
export function startJobRunner({ baseUrl, token, intervalMs, logger, runExclusive }: JobRunnerArgs): { close: () => Promise<void> } {
  let running: Promise<void> | undefined
  const tick = () => {
    if (running) return
    const runDueJobs = async () => {
      const response = await fetch(`${baseUrl}${JOBS_PATH}?allQueues=true`, { headers: { authorization: `Bearer ${token}` } })
      if (!response.ok) logger.warn({ status: response.status, body: await response.text() }, 'job run failed')
      else logger.debug('job run done')
    }
    running = runExclusive(runDueJobs)
      .then((ran) => {
        if (!ran) logger.debug('another process is running due jobs')
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'job run failed'))
      .finally(() => {
        running = undefined
      })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    close: async () => {
      clearInterval(timer)
      await running
    },
  }
}
