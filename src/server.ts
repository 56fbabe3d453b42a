/**
 * The production (and development) entry point: Express in front of Next.
 * Express owns health, logs, security headers and shutdown; everything else is Next's
 * (the site, Payload's admin at /admin and its REST/GraphQL API at /api).
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import next from 'next'
import { getPayload } from 'payload'

import config from '../payload.config'
import { deriveJobRunnerToken } from './config/secret'
import { getSettings } from './config/settings'
import { seedIfEmpty } from './seed/seed'
import { createApp } from './server/createApp'
import { ensureProductionBuild } from './server/ensureBuild'
import { createHealthCheck, pingDatabase } from './server/health'
import { createLogger } from './server/logger'
import { startJobRunner } from './server/jobRunner'
import { closeAllPayloadInstances } from './server/payloadInstances'
import { handleShutdownSignals } from './server/shutdown'

const settings = getSettings()
const logger = createLogger(settings.logLevel)

async function main(): Promise<void> {
  const cwd = process.cwd()
  if (settings.isProduction) await ensureProductionBuild(cwd, logger)

  // Its own instance: this one loads our config through tsx, Next's route handlers load the
  // bundled config and make theirs on first use. One instance built from one copy of the
  // config would serve hooks from the other (next/cache included) — two stay apart.
  const payload = await getPayload({ config, key: 'express-server' })
  if (settings.seedOnStart) await seedIfEmpty(payload)

  const nextApp = next({ dev: !settings.isProduction, dir: cwd, hostname: settings.host, port: settings.port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  const health = createHealthCheck({ ping: pingDatabase(payload), engine: settings.database.engine, logger })
  const app = createApp({
    logger,
    isProduction: settings.isProduction,
    checkHealth: health.check,
    handleWithNext: (req, res) => handle(req, res),
  })

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(settings.port, settings.host, (error?: Error) => (error ? reject(error) : resolve(listening)))
  })
  const jobs = startJobRunner({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token: deriveJobRunnerToken(payload.secret),
    intervalMs: settings.jobsIntervalMs,
    logger,
  })
  handleShutdownSignals({
    server,
    logger,
    drainMs: settings.shutdownDrainMs,
    graceMs: settings.shutdownGraceMs,
    onDrainStart: health.startShutdown,
    resources: [
      { name: 'job runner', close: jobs.close },
      { name: 'next', close: () => nextApp.close() },
      { name: 'database', close: closeAllPayloadInstances },
    ],
  })
  logger.info(
    { url: settings.serverUrl, database: settings.database.engine, env: settings.nodeEnv },
    `ready: site ${settings.serverUrl}/, admin ${settings.serverUrl}/admin, API ${settings.serverUrl}/api`,
  )
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start')
  process.exit(1)
})
