/**
 * `npm run payload -- jobs:run` (replacing Payload's own command of that name, see `bin` in
 * payload.config.ts): runs due jobs like Payload's, and makes their purges reach the running
 * servers. This process has no response cache of its own; with REDIS_URL its purges go over the
 * bus to every server, with PROXY_PURGE_URL to the proxy. Without REDIS_URL no server can hear
 * it, and it says so instead of logging purges that reached nobody.
 *
 * With REDIS_URL it also takes the servers' job lock, waiting while a server runs: two runs at
 * once claim the same job (Payload reads, then marks what it claims) and one of them fails.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'

import { getPayload, type BinScript } from 'payload'

import { getSettings } from '@/config/settings'
import { startClusterServices } from '@/server/cluster/startClusterServices'
import type { RunExclusive } from '@/server/cluster/redisLock'

const LOCK_RETRY_MS = 500

export const script: BinScript = async (config) => {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { queue: { type: 'string' }, limit: { type: 'string' }, 'all-queues': { type: 'boolean' }, 'handle-schedules': { type: 'boolean' } },
    strict: false,
  })
  const payload = await getPayload({ config })
  const { redisUrl, proxyPurgeUrl, jobsTimeoutMs } = getSettings()
  const cluster = await startClusterServices({ redisUrl, proxyPurgeUrl, jobsTimeoutMs, logger: payload.logger })
  if (!redisUrl) {
    payload.logger.warn(
      {},
      'jobs:run without REDIS_URL: purges cannot reach a running server, which keeps serving its cached pages of what these jobs change until their next purge. Let the server run due jobs itself (it does every JOBS_INTERVAL_SECONDS), or set REDIS_URL for both.',
    )
  }
  const queue = typeof values.queue === 'string' ? values.queue : undefined
  const allQueues = values['all-queues'] === true
  try {
    await runWhenFree(cluster.runJobsExclusive, jobsTimeoutMs, payload.logger, async () => {
      if (values['handle-schedules'] === true) await payload.jobs.handleSchedules({ allQueues, queue })
      await payload.jobs.run({ allQueues, queue, limit: typeof values.limit === 'string' ? Number.parseInt(values.limit, 10) : undefined })
    })
  } finally {
    for (const resource of cluster.resources) await resource.close()
    await payload.destroy()
  }
}

/**
 * Runs `task` once the job lock is free. A server holds it for one run at most (it stops renewing
 * after JOBS_TIMEOUT_SECONDS, and the key then expires), so waiting longer than that plus the
 * key's lifetime means something is wrong, and the command says so.
 */
async function runWhenFree(runExclusive: RunExclusive, jobsTimeoutMs: number, logger: { info: (obj: object, msg: string) => void }, task: () => Promise<void>): Promise<void> {
  const giveUpAt = Date.now() + jobsTimeoutMs + 60_000
  let told = false
  while (!(await runExclusive(task))) {
    if (Date.now() > giveUpAt) throw new Error(`jobs:run: another process has held the job lock for over ${Math.round((jobsTimeoutMs + 60_000) / 1000)} s; nothing was run`)
    if (!told) logger.info({}, 'jobs:run: a server is running due jobs now; waiting for it to finish')
    told = true
    await sleep(LOCK_RETRY_MS)
  }
}
