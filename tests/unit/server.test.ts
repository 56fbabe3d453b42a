import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it } from '@jest/globals'
import { pino } from 'pino'

import { createApp } from '../../src/server/createApp'
import type { HealthReport } from '../../src/server/health'

const silent = pino({ level: 'silent' })

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function appWith(report: HealthReport, handled: string[] = []) {
  return createApp({
    logger: silent,
    isProduction: true,
    checkHealth: async () => report,
    handleWithNext: async (req, res) => {
      handled.push(req.url)
      res.end('from next')
    },
  })
}

const ok: HealthReport = { status: 'ok', app: { status: 'ok', uptimeSeconds: 1 }, database: { status: 'ok', engine: 'sqlite', latencyMs: 1 } }
const down: HealthReport = { status: 'degraded', app: { status: 'ok', uptimeSeconds: 1 }, database: { status: 'unreachable', engine: 'sqlite', error: 'The database did not answer.' } }

describe('createApp', () => {
  it('answers /healthz with 200 when the database answers and 503 when it does not', async () => {
    for (const [report, status] of [[ok, 200], [down, 503]] as const) {
      const server = http.createServer(appWith(report))
      const base = await listen(server)
      const response = await fetch(`${base}/healthz`)
      expect(response.status).toBe(status)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.json()).toEqual(report)
      server.close()
    }
  })

  it('hands every other path, the root included, to Next with security headers set', async () => {
    const handled: string[] = []
    const server = http.createServer(appWith(ok, handled))
    const base = await listen(server)
    for (const path of ['/', '/admin/collections/articles', '/api/articles?where[slug][equals]=a', '/articles/x']) {
      const response = await fetch(`${base}${path}`)
      expect(await response.text()).toBe('from next')
      expect(response.headers.get('content-security-policy')).toContain("object-src 'none'")
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(response.headers.get('x-powered-by')).toBeNull()
    }
    expect(handled).toEqual(['/', '/admin/collections/articles', '/api/articles?where[slug][equals]=a', '/articles/x'])
    server.close()
  })
})
