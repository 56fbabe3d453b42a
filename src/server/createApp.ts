import express, { type Express, type Request, type RequestHandler, type Response } from 'express'
import type { Logger } from 'pino'
import { pinoHttp } from 'pino-http'

import { PRIVATE_CACHE_CONTROL } from '../lib/cache/headers'

import type { HealthReport } from './health'
import { personalReason } from './responseCache/policy'
import type { CacheStats } from './responseCache/store'
import { jsonErrors } from './jsonErrors'
import { readOnlyPages } from './readOnlyPages'
import { trustSameOrigin } from './sameOrigin'
import { securityHeaders } from './securityHeaders'

type CreateAppArgs = {
  logger: Logger
  isProduction: boolean
  checkHealth: () => Promise<HealthReport & { cache?: CacheStats }>
  /** Next's request handler: the site, /admin and /api. */
  handleWithNext: (req: Request, res: Response) => Promise<void>
  /** Headers public pages carry from the site settings (src/server/siteHeaders.ts). */
  siteHeaders?: RequestHandler
  /** Whose X-Forwarded-For is believed (Express `trust proxy`); none when empty. */
  trustedProxies?: string[]
  /** Public origin is https: HSTS. */
  isHttps?: boolean
  /** Login and anonymous API limits (src/server/rateLimit). */
  rateLimit?: RequestHandler
  /** GET /metrics, when it is served on this port (src/server/metrics/endpoint.ts). */
  metrics?: RequestHandler
  /** GET /api/articles/search for anonymous callers, before Next (src/server/searchApi.ts). */
  searchApi?: RequestHandler
  /** GET /search for anonymous readers, before Next (src/server/searchPage.tsx). */
  searchPage?: RequestHandler
}

export function createApp({ logger, isProduction, checkHealth, handleWithNext, siteHeaders, trustedProxies = ['loopback'], isHttps = false, rateLimit, metrics, searchApi, searchPage }: CreateAppArgs): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustedProxies.length > 0 ? trustedProxies : false)

  app.use(
    pinoHttp({
      logger,
      // Static build assets would drown the log.
      autoLogging: { ignore: (req) => Boolean(req.url?.startsWith('/_next/static/')) },
      // Method, path, status and timing are enough; headers would log cookies and noise.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  )
  app.use(securityHeaders({ isProduction, isHttps }))
  // An editor's answers must not be kept by a shared cache; routes that know better override it.
  app.use((req, res, next) => {
    if (personalReason(req.headers) !== null) res.setHeader('Cache-Control', PRIVATE_CACHE_CONTROL)
    next()
  })
  if (siteHeaders) app.use(siteHeaders)
  app.use(trustSameOrigin)
  if (rateLimit) app.use(rateLimit)

  app.get('/healthz', async (_req, res) => {
    const report = await checkHealth()
    res.status(report.status === 'ok' ? 200 : 503).set('Cache-Control', 'no-store').json(report)
  })

  if (metrics) app.get('/metrics', metrics)
  // Readers' pages have no client runtime, so nothing asks for their props as JSON: Next's data
  // URLs would only render pages again, past the response cache.
  app.use('/_next/data', (_req, res) => {
    res.status(404).type('text/plain').send('Not found')
  })

  app.use(readOnlyPages)
  if (searchApi) app.get('/api/articles/search', searchApi)
  if (searchPage) app.get('/search', searchPage)

  // No body parsers here: Next and Payload read the raw request themselves.
  app.all('/{*splat}', (req, res) => handleWithNext(req, res))
  app.use(jsonErrors)

  return app
}
