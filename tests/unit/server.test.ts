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
  it('answers other methods than GET and HEAD on pages and public documents with a 405, before Next renders anything', async () => {
    const handled: string[] = []
    const server = http.createServer(appWith(ok, handled))
    const base = await listen(server)
    for (const [method, path] of [['POST', '/'], ['DELETE', '/'], ['PURGE', '/'], ['POST', '/credits'], ['PUT', '/articles/x'], ['POST', '/feed.xml']]) {
      const response = await fetch(`${base}${path}`, { method })
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('GET, HEAD')
      expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toContain('GET and HEAD only')
    }
    expect(handled).toEqual([])
    // Writes where they belong still reach Next: the API, the admin's server actions, the preview.
    for (const path of ['/api/articles', '/admin/collections/articles', '/next/preview', '/preview/articles/x']) expect((await fetch(`${base}${path}`, { method: 'POST' })).status).toBe(200)
    expect(handled).toEqual(['/api/articles', '/admin/collections/articles', '/next/preview', '/preview/articles/x'])
    server.close()
  })

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

describe('content security policy', () => {
  const scriptSrc = (csp: string | null) => (csp ?? '').split(';').find((directive) => directive.startsWith('script-src'))

  it("forbids inline scripts on readers' pages and keeps them for the admin and the preview", async () => {
    const server = http.createServer(appWith(ok))
    const base = await listen(server)
    for (const path of ['/', '/articles/x', '/credits', '/no/such/page', '/api/docs', '/feed.xml']) {
      expect({ path, scriptSrc: scriptSrc((await fetch(`${base}${path}`)).headers.get('content-security-policy')) }).toEqual({ path, scriptSrc: "script-src 'self'" })
    }
    for (const path of ['/admin', '/admin/collections/articles', '/preview/articles/x', '/next/preview?slug=x', '/api/graphql-playground']) {
      expect({ path, scriptSrc: scriptSrc((await fetch(`${base}${path}`)).headers.get('content-security-policy')) }).toEqual({ path, scriptSrc: "script-src 'self' 'unsafe-inline'" })
    }
    server.close()
  })

  it('answers Next data URLs with 404 without rendering: readers never fetch page props as JSON', async () => {
    const handled: string[] = []
    const server = http.createServer(appWith(ok, handled))
    const base = await listen(server)
    expect((await fetch(`${base}/_next/data/build/articles/x.json`)).status).toBe(404)
    expect(handled).toEqual([])
    server.close()
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
