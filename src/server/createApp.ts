import express, { type Express, type Request, type RequestHandler, type Response } from 'express'
import type { Logger } from 'pino'
import { pinoHttp } from 'pino-http'

import type { HealthReport } from './health'
import { JOBS_PATH } from './jobRunner'
import { jsonErrors } from './jsonErrors'
import { securityHeaders } from './securityHeaders'

type CreateAppArgs = {
  logger: Logger
  isProduction: boolean
  checkHealth: () => Promise<HealthReport>
  /** Next's request handler: the site, /admin and /api. */
  handleWithNext: (req: Request, res: Response) => Promise<void>
  /** Whose X-Forwarded-For is believed (Express `trust proxy`); none when empty. */
  trustedProxies?: string[]
  /** Public origin is https: HSTS. */
  isHttps?: boolean
  /** Login and anonymous API limits (src/server/rateLimit). */
  rateLimit?: RequestHandler
}

export function createApp({ logger, isProduction, checkHealth, handleWithNext, trustedProxies = ['loopback'], isHttps = false, rateLimit }: CreateAppArgs): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustedProxies.length > 0 ? trustedProxies : false)

  app.use(
    pinoHttp({
      logger,
      // Static build assets and the job runner's own polling would drown the log.
      autoLogging: { ignore: (req) => Boolean(req.url?.startsWith('/_next/static/') || req.url?.startsWith(JOBS_PATH)) },
      // Method, path, status and timing are enough; headers would log cookies and noise.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  )
  app.use(securityHeaders({ isProduction, isHttps }))
  if (rateLimit) app.use(rateLimit)

  app.get('/healthz', async (_req, res) => {
    const report = await checkHealth()
    res.status(report.status === 'ok' ? 200 : 503).set('Cache-Control', 'no-store').json(report)
  })

  // No body parsers here: Next and Payload read the raw request themselves.
  app.all('/{*splat}', (req, res) => handleWithNext(req, res))
  app.use(jsonErrors)

  return app
}
