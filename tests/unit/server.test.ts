import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it, jest } from '@jest/globals'
import type { Payload } from 'payload'
import { pino } from 'pino'

import { createApp } from '../../src/server/createApp'
import { checkHealth, type HealthReport } from '../../src/server/health'
import { createShutdown } from '../../src/server/shutdown'

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
const down: HealthReport = { status: 'degraded', app: { status: 'ok', uptimeSeconds: 1 }, database: { status: 'unreachable', engine: 'sqlite', error: 'no answer' } }

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

  it('marks answers to a session or draft mode private, and leaves readers alone', async () => {
    const server = http.createServer(appWith(ok))
    const base = await listen(server)
    const personal: Array<Record<string, string>> = [{ authorization: 'JWT x' }, { cookie: 'payload-token=x' }, { cookie: '__prerender_bypass=x' }]
    for (const headers of personal) {
      expect((await fetch(`${base}/articles/x`, { headers })).headers.get('cache-control')).toBe('private, no-store')
    }
    expect((await fetch(`${base}/articles/x`, { headers: { cookie: 'theme=dark' } })).headers.get('cache-control')).toBeNull()
    server.close()
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

describe('checkHealth', () => {
  const payloadWith = (count: () => Promise<unknown>) => ({ count }) as unknown as Payload

  it('reports a database that answers', async () => {
    const report = await checkHealth(payloadWith(async () => ({ totalDocs: 8 })), 'sqlite')
    expect(report).toMatchObject({ status: 'ok', database: { status: 'ok', engine: 'sqlite' } })
  })

  it('reports a database that fails', async () => {
    const report = await checkHealth(payloadWith(async () => Promise.reject(new Error('SQLITE_CANTOPEN'))), 'sqlite')
    expect(report).toMatchObject({ status: 'degraded', database: { status: 'unreachable', error: 'SQLITE_CANTOPEN' } })
  })

  it('reports a database that hangs, within the timeout', async () => {
    jest.useFakeTimers()
    const pending = checkHealth(payloadWith(() => new Promise(() => {})), 'mongodb')
    jest.advanceTimersByTime(2500)
    await expect(pending).resolves.toMatchObject({ status: 'degraded', database: { engine: 'mongodb', error: 'no answer within 2000 ms' } })
    jest.useRealTimers()
  })
})

describe('createShutdown', () => {
  it('finishes in-flight requests, refuses new connections, closes resources in order, exits 0', async () => {
    const server = http.createServer((_req, res) => setTimeout(() => res.end('finished'), 300))
    const base = await listen(server)
    const closed: string[] = []
    const exit = jest.fn<(code: number) => void>()
    const shutdown = createShutdown({
      server,
      logger: silent,
      exit,
      resources: [
        { name: 'next', close: async () => void closed.push('next') },
        { name: 'database', close: async () => void closed.push('database') },
      ],
    })

    const inFlight = fetch(base).then((response) => response.text())
    await new Promise((resolve) => setTimeout(resolve, 50))
    const done = shutdown('SIGTERM')
    expect(shutdown('SIGINT')).toBe(done)
    await expect(fetch(base)).rejects.toThrow()
    await expect(inFlight).resolves.toBe('finished')
    await done
    expect(closed).toEqual(['next', 'database'])
    expect(exit).toHaveBeenCalledWith(0)
  })

  it('exits 1 when a resource fails to close', async () => {
    const server = http.createServer()
    await listen(server)
    const exit = jest.fn<(code: number) => void>()
    await createShutdown({ server, logger: silent, exit, resources: [{ name: 'database', close: async () => Promise.reject(new Error('busy')) }] })('SIGTERM')
    expect(exit).toHaveBeenCalledWith(1)
  })
})

describe('same-origin requests', () => {
  it('reach Payload without an Origin (its CSRF list names SERVER_URL only); cross-site ones keep theirs', async () => {
    const seen: Array<string | undefined> = []
    const server = http.createServer(
      createApp({
        logger: silent,
        isProduction: true,
        checkHealth: async () => ok,
        handleWithNext: async (req, res) => {
          seen.push(req.headers.origin)
          res.end()
        },
      }),
    )
    const base = await listen(server)
    const host = new URL(base).host
    for (const origin of [`http://${host}`, 'https://attacker.example', `http://${host}.attacker.example`]) {
      await fetch(`${base}/api/articles`, { method: 'POST', headers: { origin } })
    }
    expect(seen).toEqual([undefined, 'https://attacker.example', `http://${host}.attacker.example`])
    server.close()
  })
})
