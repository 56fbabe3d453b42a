/**
 * The production (and development) entry point. A Node HTTP server whose first stops are the
 * response cache and the static path for public image files (both answer without Express); every
 * other request goes to Express (health, logs, security headers) and from there to Next (the site,
 * Payload's admin at /admin and its REST/GraphQL API at /api).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'
import { getPayload } from 'payload'

import config from '../payload.config'
import { getSettings } from './config/settings'
import { isPublicMediaFile } from './domain/media/visibility'
import { registerRankingThread } from './domain/search/rankingThread'
import { startRankingThread } from './domain/search/startRankingThread'
import { registerPurgeTarget } from './lib/cache/purge'
import { cacheTags } from './lib/cache/tags'
import { tdmHeaders } from './lib/seo/tdm'
import { toSiteIdentity } from './lib/site'
import { registerCompiledWorkers } from './lib/workerEntry'
import { registerExclusiveJobRuns } from './jobs/exclusiveRuns'
import { IMAGE_JOBS_PER_RUN, runDueJobs } from './jobs/runDueJobs'
import { requeueStaleJobs } from './jobs/requeueStaleJobs'
import { seedIfEmpty } from './seed/seed'
import { withAccountLimiters } from './server/api/loginLimit'
import { createApp } from './server/createApp'
import { ensureProductionBuild } from './server/ensureBuild'
import { redisLimiters } from './server/cluster/redisLimiters'
import { startClusterServices } from './server/cluster/startClusterServices'
import { createHealthCheck, pingDatabase } from './server/health'
import { createLogDestination, createLogger, exitOnFatalErrors, flushLog } from './server/logger'
import { startJobRunner } from './server/jobRunner'
import { createMediaFiles } from './server/mediaFiles'
import { closeServer, createMetricsHandler, metricsOnPublicPort, startMetricsServer } from './server/metrics/endpoint'
import { createMetrics } from './server/metrics/metrics'
import { createResponseCache } from './server/responseCache'
import { pageStylesheets } from './server/publicDocument'
import { createSearchApi } from './server/searchApi'
import { createSearchPage } from './server/searchPage'
import { createSiteHeaders } from './server/siteHeaders'
import { inMemoryLimiters } from './server/rateLimit/limiters'
import { createAccountLimiters, createRateLimit } from './server/rateLimit/rateLimit'
import { createSignedInCheck } from './server/rateLimit/signedIn'
import { handleShutdownSignals } from './server/shutdown'
import { createUploadLimit } from './server/uploadLimit'

/** Camera photos read and stored at once (src/server/uploadLimit.ts); more wait their turn. */
const UPLOADS_AT_ONCE = 1
/** Listeners a rendered response may carry before Node reports a leak (see the request handler below). */
const RENDER_CLOSE_LISTENERS = 20

const settings = getSettings()
const logDestination = createLogDestination()
const logger = createLogger(settings.logLevel, logDestination)
exitOnFatalErrors(logger, logDestination)

async function main(): Promise<void> {
  const cwd = process.cwd()
  // Compiled (npm start, scripts/lib/buildServer.ts): the workers were compiled beside this module.
  registerCompiledWorkers(import.meta.url.endsWith('.mjs') ? path.dirname(fileURLToPath(import.meta.url)) : null)
  if (settings.isProduction) await ensureProductionBuild(cwd, logger)

  // Read only when scraped: the cache and Payload below exist by then.
  const metrics = createMetrics({
    cacheStats: () => cache.stats(),
    jobQueueDepth: () => payload.count({ collection: 'payload-jobs', where: { completedAt: { exists: false }, hasError: { not_equals: true } } }).then(({ totalDocs }) => totalDocs),
  })
  // First: the rate limiters keep their counters in cluster.redis when there is one.
  const cluster = await startClusterServices({
    redisUrl: settings.redisUrl,
    proxyPurgeUrl: settings.proxyPurgeUrl,
    jobsTimeoutMs: settings.jobsTimeoutMs,
    logger,
    purgeBusMetrics: metrics.purgeBus,
  })
  const createLimiter = cluster.redis ? redisLimiters(cluster.redis) : inMemoryLimiters

  // The process's only Payload: Next's route handlers and pages ask getPayload for the default
  // instance and get this one (payload is external to Next's bundle, see next.config.js), so the
  // health check, the job runner and every request share one database connection. Its config
  // hands the API routes the per-account login and reset limiters (src/server/api/loginLimit.ts). Hooks
  // purge through src/lib/cache/purge.ts, which needs no Next request context.
  const payload = await getPayload({ config: withAccountLimiters(config, createAccountLimiters(createLimiter, settings.rateLimits)) })

  const cache = createResponseCache({ maxBytes: settings.responseCacheMaxBytes, sMaxAgeSeconds: settings.cacheSMaxAgeSeconds, logger, onHit: metrics.hit })
  const mediaFiles = createMediaFiles({ mediaDir: settings.mediaDir, isPublicFile: (filename) => isPublicMediaFile(payload, filename), logger })
  registerPurgeTarget('response-cache', (tags) => void cache.purge(tags))
  registerPurgeTarget('media-visibility', (tags) => {
    if (tags.some((tag) => tag.startsWith('media:') || tag === 'api:media')) mediaFiles.forget()
  })

  const siteHeaders = createSiteHeaders(async () => tdmHeaders(toSiteIdentity(await payload.findGlobal({ slug: 'site-settings', depth: 1, overrideAccess: false }))), logger)
  registerPurgeTarget('site-headers', (tags) => {
    if (tags.includes(cacheTags.site)) siteHeaders.forget()
  })
  // After the caches are registered, so the seed's purges have somewhere to go.
  if (settings.seedOnStart) await seedIfEmpty(payload)

  const nextApp = next({ dev: !settings.isProduction, dir: cwd, hostname: settings.host, port: settings.port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  // SQLite searches rank on a thread of their own (the reader's page and the API both use it).
  const rankingThread = settings.database.engine === 'sqlite' ? startRankingThread(settings.database.url) : null
  registerRankingThread(rankingThread)

  const health = createHealthCheck({ ping: pingDatabase(payload), engine: settings.database.engine, logger })
  const app = createApp({
    logger,
    isProduction: settings.isProduction,
    checkHealth: async () => ({ ...(await health.check()), cache: cache.stats() }),
    handleWithNext: (req, res) => handle(req, res),
    siteHeaders: siteHeaders.middleware,
    trustedProxies: settings.trustedProxies,
    isHttps: settings.isHttps,
    rateLimit: createRateLimit({
      limits: settings.rateLimits,
      createLimiter,
      isSignedIn: createSignedInCheck(payload.secret),
      logger,
    }),
    ...(metricsOnPublicPort(settings.metrics) && { metrics: createMetricsHandler(metrics.registry, settings.metrics.token) }),
    searchApi: createSearchApi(payload, settings.trustedOrigins),
    // Rendered with the build's stylesheets; in development Next renders it (its assets change as you edit).
    ...(settings.isProduction && { searchPage: createSearchPage(settings.trustedOrigins, pageStylesheets(path.join(cwd, '.next'), '/search')) }),
  })
  const jobs = startJobRunner({
    // One process at a time across a cluster (a Redis lock); a single process just runs them.
    run: metrics.timeJobRun(async () => {
      let more = false
      await cluster.runJobsExclusive(async () => {
        await requeueStaleJobs(payload, { staleAfterMs: settings.jobsTimeoutMs })
        const { ran, imageJobs } = await runDueJobs(payload)
        for (const result of ran) metrics.jobsRan(result)
        more = imageJobs >= IMAGE_JOBS_PER_RUN
      })
      return { more }
    }),
    intervalMs: settings.jobsIntervalMs,
    timeoutMs: settings.jobsTimeoutMs,
    logger,
  })
  // Payload's run endpoint runs as one of the runner's runs, under the same lock (src/jobs/exclusiveRuns.ts).
  registerExclusiveJobRuns((work) =>
    jobs.exclusive(async () => {
      let result: Awaited<ReturnType<typeof work>> | null = null
      await cluster.runJobsExclusive(async () => void (result = await work()))
      return result
    }),
  )
  // Hooks purge a change again when its transaction commits (purgeChange), whichever request,
  // job or process made it: nothing here depends on how the request ends.
  const uploads = createUploadLimit(UPLOADS_AT_ONCE)
  const toApp = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' || req.method === 'HEAD') return app(req, res)
    // An upload queued the job that writes its sizes: committed now, so run it without waiting for the interval.
    if (req.url?.startsWith('/api/media')) res.once('close', () => void jobs.tick())
    uploads(req, res, () => app(req, res))
  }
  const server = createServer((req: IncomingMessage, res: ServerResponse) =>
    cache.handle(req, res, (outcome) => {
      // A render's response carries a dozen 'close' listeners by design (shutdown tracking, cache,
      // metrics, access log and Next's own); past Node's default of 10 it would log a leak per feed.
      res.setMaxListeners(RENDER_CLOSE_LISTENERS)
      metrics.pass(req, res, outcome)
      if (!mediaFiles.handle(req, res, () => toApp(req, res))) toApp(req, res)
    }),
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject)
      resolve()
    })
  })

  const metricsServer = await startMetricsServer(metrics.registry, settings.metrics)
  if (metricsServer) logger.info({ address: metricsServer.address() }, 'metrics served on their own address at /metrics')
  handleShutdownSignals({
    server,
    logger,
    drainMs: settings.shutdownDrainMs,
    graceMs: settings.shutdownGraceMs,
    onDrainStart: health.startShutdown,
    flushLog: () => flushLog(logger),
    resources: [
      { name: 'job runner', close: jobs.close },
      { name: 'next', close: () => nextApp.close() },
      ...(rankingThread ? [{ name: 'search ranking thread', close: rankingThread.close }] : []),
      { name: 'database', close: () => payload.destroy() },
      ...cluster.resources,
      ...(metricsServer ? [{ name: 'metrics listener', close: () => closeServer(metricsServer) }] : []),
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
