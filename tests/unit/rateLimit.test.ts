import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from '@jest/globals'
import { SignJWT } from 'jose'
import type { SanitizedConfig } from 'payload'
import { pino } from 'pino'
import { RateLimiterMemory } from 'rate-limiter-flexible'

import type { RateLimits } from '../../src/config/settings'
import { createApp } from '../../src/server/createApp'
import { inMemoryLimiters, type LimiterFactory } from '../../src/server/rateLimit/limiters'
import { withAccountLimiters } from '../../src/server/api/loginLimit'
import { tokenOf } from '../../src/server/api/loginToken'
import { createAccountLimiters, createRateLimit } from '../../src/server/rateLimit/rateLimit'
import { createSignedInCheck } from '../../src/server/rateLimit/signedIn'

const silent = pino({ level: 'silent' })
const SECRET = '0123456789abcdef0123456789abcdef'
const servers: http.Server[] = []

afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

type AppOptions = { limits?: Partial<RateLimits>; trustedProxies?: string[]; createLimiter?: LimiterFactory; logged?: unknown[] }

/** The real Express app with the rate limit, in front of a stand-in for Next that reads the body. */
async function startApp({ limits = {}, trustedProxies, createLimiter = inMemoryLimiters, logged = [] }: AppOptions = {}): Promise<string> {
  const rateLimit = createRateLimit({
    limits: { apiPerMinute: 3, loginsPerIp: 2, loginsPerAccount: 5, resetsPerIp: 2, resetsPerAccount: 5, ...limits },
    createLimiter,
    isSignedIn: createSignedInCheck(SECRET),
    exemptPaths: ['/api/payload-jobs/run'],
    logger: { error: (obj: object) => logged.push(obj) } as never,
  })
  const app = createApp({
    logger: silent,
    isProduction: true,
    checkHealth: async () => ({ status: 'ok', app: { status: 'ok', uptimeSeconds: 1 }, database: { status: 'ok', engine: 'sqlite', latencyMs: 1 } }),
    handleWithNext: async (req, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      res.end(`next:${body}`)
    },
    trustedProxies,
    rateLimit,
  })
  const server = http.createServer(app)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const statuses = async (count: number, request: () => Promise<Response>) => {
  const seen: number[] = []
  for (let index = 0; index < count; index += 1) seen.push((await request()).status)
  return seen
}

const validToken = () => new SignJWT({ id: 1, collection: 'users' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET))

describe('rate limit', () => {
  it('limits anonymous API requests per IP with 429, Retry-After and a JSON message', async () => {
    const base = await startApp()
    expect(await statuses(3, () => fetch(`${base}/api/articles`))).toEqual([200, 200, 200])
    const refused = await fetch(`${base}/api/articles`)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(refused.headers.get('content-type')).toContain('application/json')
    expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/Too many API requests from this address.*Try again in \d+ s/)
  })

  it('counts the search page like the API: it reads the database for every query', async () => {
    const base = await startApp({ limits: { apiPerMinute: 2 } })
    expect(await statuses(3, () => fetch(`${base}/search?q=putin`))).toEqual([200, 200, 429])
    expect((await fetch(`${base}/api/articles/search?q=putin`)).status).toBe(429)
  })

  it('does not limit pages, the health check or the server’s own job runner', async () => {
    const base = await startApp({ limits: { apiPerMinute: 1 } })
    for (const path of ['/', '/articles/a', '/healthz', '/api/payload-jobs/run', '/api/payload-jobs/run']) {
      expect((await fetch(`${base}${path}`)).status).toBe(200)
    }
  })

  it('does not limit signed-in users, but a forged or expired token counts as anonymous', async () => {
    const base = await startApp({ limits: { apiPerMinute: 1 } })
    const token = await validToken()
    expect(await statuses(4, () => fetch(`${base}/api/articles`, { headers: { authorization: `JWT ${token}` } }))).toEqual([200, 200, 200, 200])
    expect(await statuses(2, () => fetch(`${base}/api/articles`, { headers: { cookie: `theme=dark; payload-token=${token}` } }))).toEqual([200, 200])
    const forged = await new SignJWT({ id: 1 }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another secret of the same length!'))
    const expired = await new SignJWT({ id: 1 }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(new TextEncoder().encode(SECRET))
    expect(await statuses(3, () => fetch(`${base}/api/articles`, { headers: { authorization: `JWT ${forged}` } }))).toEqual([200, 429, 429])
    expect((await fetch(`${base}/api/articles`, { headers: { authorization: `Bearer ${expired}` } })).status).toBe(429)
  })

  it('limits login attempts per IP, separately from other API calls, and leaves the body for Payload', async () => {
    const base = await startApp({ limits: { apiPerMinute: 100 } })
    const login = () => fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@example.com","password":"x"}' })
    const first = await login()
    expect(await first.text()).toBe('next:{"email":"a@example.com","password":"x"}')
    expect((await login()).status).toBe(200)
    const refused = await login()
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60)
    expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/Too many login attempts from this address/)
    expect((await fetch(`${base}/api/articles`)).status).toBe(200)
  })

  it('limits password-reset requests per IP, apart from logins, and leaves the body for Payload', async () => {
    const base = await startApp({ limits: { apiPerMinute: 100, loginsPerIp: 1 } })
    const post = (path: string) => fetch(`${base}/api/users/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@example.com"}' })
    expect(await (await post('forgot-password')).text()).toBe('next:{"email":"a@example.com"}')
    expect((await post('reset-password')).status).toBe(200)
    const refused = await post('forgot-password')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(15 * 60)
    expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/Too many password reset requests from this address/)
    expect((await post('reset-password')).status).toBe(429)
    expect((await post('login')).status).toBe(200)
  })

  it('believes X-Forwarded-For only from trusted proxies', async () => {
    const fromClients = (base: string) => (client: string) => fetch(`${base}/api/articles`, { headers: { 'x-forwarded-for': client } })

    // The test connects from 127.0.0.1: a trusted proxy by default, so each forwarded client has its own budget.
    const behindProxy = fromClients(await startApp({ limits: { apiPerMinute: 1 } }))
    expect([(await behindProxy('203.0.113.1')).status, (await behindProxy('203.0.113.2')).status, (await behindProxy('203.0.113.1')).status]).toEqual([200, 200, 429])

    // Trusting nobody: the header is ignored, everyone is 127.0.0.1, one budget.
    const direct = fromClients(await startApp({ limits: { apiPerMinute: 1 }, trustedProxies: [] }))
    expect([(await direct('203.0.113.1')).status, (await direct('203.0.113.2')).status]).toEqual([200, 429])

    // Trusting another network only: the header from 127.0.0.1 is not believed either.
    const elsewhere = fromClients(await startApp({ limits: { apiPerMinute: 1 }, trustedProxies: ['10.0.0.0/8'] }))
    expect([(await elsewhere('203.0.113.1')).status, (await elsewhere('203.0.113.2')).status]).toEqual([200, 429])
  })

  it('takes its store from the factory it is given, and lets requests through when that store fails', async () => {
    const made: string[] = []
    const logged: unknown[] = []
    const failing: LimiterFactory = (options) => {
      made.push(options.keyPrefix)
      const limiter = new RateLimiterMemory({ keyPrefix: options.keyPrefix, points: options.points, duration: options.durationSeconds })
      limiter.consume = async () => Promise.reject(new Error('store unreachable'))
      return limiter
    }
    const base = await startApp({ limits: { apiPerMinute: 1 }, createLimiter: failing, logged })
    expect(made.sort()).toEqual(['api-ip', 'login-ip', 'reset-ip'])
    expect(await statuses(3, () => fetch(`${base}/api/articles`))).toEqual([200, 200, 200])
    expect(logged).toHaveLength(3)
  })
})

describe('per-account login limiter', () => {
  it('is made from the same factory, and handed to the API routes in the config it keeps whole', async () => {
    const made: Array<{ keyPrefix: string; points: number }> = []
    const factory: LimiterFactory = (options) => {
      made.push({ keyPrefix: options.keyPrefix, points: options.points })
      return inMemoryLimiters(options)
    }
    const limiters = createAccountLimiters(factory, { loginsPerAccount: 7, resetsPerAccount: 2 })
    expect(made).toEqual([
      { keyPrefix: 'login-account', points: 7 },
      { keyPrefix: 'reset-account', points: 2 },
    ])

    const config = { secret: 's', custom: { other: 1 } } as unknown as SanitizedConfig
    const carried = await withAccountLimiters(Promise.resolve(config), limiters)
    expect(carried.custom).toEqual({ other: 1, accountLimiters: limiters })
    expect(carried.secret).toBe('s')
    expect(config.custom).toEqual({ other: 1 })
  })
})

describe('tokenOf', () => {
  it.each([
    [{ authorization: 'JWT abc.def.ghi' }, 'abc.def.ghi'],
    [{ authorization: 'Bearer abc' }, 'abc'],
    [{ cookie: 'a=1; payload-token=tok; b=2' }, 'tok'],
    [{ cookie: 'not-payload-token=tok' }, null],
    [{ authorization: 'Basic xyz' }, null],
    [{}, null],
  ])('reads %j', (headers, token) => {
    expect(tokenOf(headers)).toBe(token)
  })
})
