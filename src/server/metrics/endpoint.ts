import { createHash, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

import type { Registry } from 'prom-client'

import type { MetricsSettings } from '../../config/settings'

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Whether the Authorization header is `Bearer <token>`, compared in constant time. */
export function hasBearer(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
  return Boolean(match) && timingSafeEqual(digest(match![1]!), digest(token))
}

function sendJson(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
  res.end(JSON.stringify({ errors: [{ message }] }))
}

/** Answers a scrape: the registry in Prometheus's text format, after the token if there is one. */
export function createMetricsHandler(registry: Registry, token: string | undefined) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (token && !hasBearer(req.headers.authorization, token)) {
      return sendJson(res, 401, 'The metrics need the bearer token (METRICS_TOKEN).', { 'www-authenticate': 'Bearer realm="metrics"' })
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' })
        res.end(req.method === 'HEAD' ? undefined : text)
      },
      (error: unknown) => sendJson(res, 500, `Could not collect the metrics: ${error instanceof Error ? error.message : String(error)}`),
    )
  }
}

/**
 * Where /metrics is served. Never on the public port without a token: with METRICS_ADDRESS, on a
 * listener of its own (and the token there too, if set); with only METRICS_TOKEN, on the public
 * port behind it; with neither, nowhere (the public port answers 404 as for any unknown page).
 */
export function metricsOnPublicPort({ token, address }: MetricsSettings): boolean {
  return Boolean(token) && !address
}

/** The separate listener for METRICS_ADDRESS: /metrics and nothing else. */
export async function startMetricsServer(registry: Registry, { token, address }: MetricsSettings): Promise<Server | undefined> {
  if (!address) return undefined
  const handle = createMetricsHandler(registry, token)
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?', 1)[0]
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) return sendJson(res, 404, 'Only GET /metrics is served here.')
    handle(req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(address.port, address.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return server
}

/** Stops the listener, dropping idle keep-alive connections (a scraper keeps one open). */
export function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  return closed
}
