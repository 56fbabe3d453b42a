/**
 * `npm run payload -- jobs:run` (replacing Payload's own command of that name, see `bin` in
 * payload.config.ts): runs due jobs like Payload's, and makes their purges reach the running
 * servers. This process has no response cache of its own; with REDIS_URL its purges go over the
 * bus to every server, with PROXY_PURGE_URL to the proxy. Without REDIS_URL no server can hear
 * it, and it says so instead of logging purges that reached nobody.
 */
import { parseArgs } from 'node:util'

import { getPayload, type BinScript } from 'payload'

import { getSettings } from '@/config/settings'
import { connectPurgeTargets } from '@/server/cluster/startClusterServices'

export const script: BinScript = async (config) => {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { queue: { type: 'string' }, limit: { type: 'string' }, 'all-queues': { type: 'boolean' }, 'handle-schedules': { type: 'boolean' } },
    strict: false,
  })
  const payload = await getPayload({ config })
  const { redisUrl, proxyPurgeUrl } = getSettings()
  const purgeTargets = await connectPurgeTargets({ redisUrl, proxyPurgeUrl, logger: payload.logger })
  if (!redisUrl) {
    payload.logger.warn(
      {},
      'jobs:run without REDIS_URL: purges cannot reach a running server, which keeps serving its cached pages of what these jobs change until their next purge. Let the server run due jobs itself (it does every JOBS_INTERVAL_SECONDS), or set REDIS_URL for both.',
    )
  }
  const queue = typeof values.queue === 'string' ? values.queue : undefined
  const allQueues = values['all-queues'] === true
  try {
    if (values['handle-schedules'] === true) await payload.jobs.handleSchedules({ allQueues, queue })
    await payload.jobs.run({ allQueues, queue, limit: typeof values.limit === 'string' ? Number.parseInt(values.limit, 10) : undefined })
  } finally {
    for (const resource of purgeTargets) await resource.close()
    await payload.destroy()
  }
}
