/**
 * Production settings against a server of its own: public origin https (Secure cookies, HSTS),
 * one extra trusted origin, small rate limits. Each test speaks for its own client address
 * through X-Forwarded-For (the test connects from 127.0.0.1, a trusted proxy by default).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { makeThrowawayEnv, removeDir } from '../support/env'
import { startServer, stopServer, type RunningServer } from '../../scripts/lib/serverProcess'

const SITE = 'https://news.example.test'
const APP = 'https://apps.example.test'
const ELSEWHERE = 'https://elsewhere.example.test'
const ADMIN = { email: 'hostile-admin@example.com', password: 'a long test password' }
const LIMITS = { api: 5, loginsPerIp: 4, loginsPerAccount: 3 }

let server: RunningServer
let dir: string
let adminToken: string
let clientCount = 0

/** A fresh client address for each use, so tests don't share rate limit budgets. */
const newClient = () => `198.51.100.${(clientCount += 1)}`

async function call(path: string, init: RequestInit & { client?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('x-forwarded-for', init.client ?? newClient())
  return fetch(`${server.baseUrl}${path}`, { ...init, headers, redirect: 'manual' })
}

const messageOf = async (response: Response) => ((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message

const login = (email: string, client: string, password = 'wrong password') =>
  call('/api/users/login', { method: 'POST', client, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })

beforeAll(async () => {
  const made = makeThrowawayEnv('hostile')
  dir = made.dir
  server = await startServer({
    ...made.env,
    SERVER_URL: SITE,
    CORS_ORIGINS: APP,
    RATE_LIMIT_API_PER_MINUTE: String(LIMITS.api),
    RATE_LIMIT_LOGINS_PER_IP: String(LIMITS.loginsPerIp),
    RATE_LIMIT_LOGINS_PER_ACCOUNT: String(LIMITS.loginsPerAccount),
    GRAPHQL_MAX_COMPLEXITY: '60',
    SEED_ON_START: 'true',
  })
  const registered = await call('/api/users/first-register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
  adminToken = ((await registered.json()) as { token: string }).token
}, 240_000)

afterAll(async () => {
  if (server) await stopServer(server.child)
  if (dir) removeDir(dir)
})

describe('requests that used to answer 500', () => {
  it.each([
    ['/api/articles/abc', 404, /"abc" is not an id/],
    ['/api/articles?where[id][in]=a,b,c', 400, /"a" is not an id/],
    ['/api/media/file/%00', 400, /is not a file name/],
    ['/api/media/file/%zz', 400, /Failed to decode/],
    ['/api/articles?where[publishedAt][equals]=soon', 400, /compares a date/],
    ['/api/articles?where[slug][all]=a', 400, /"all" operator is not available/],
  ])('%s → %i with a message', async (path, status, message) => {
    const response = await call(path)
    expect(response.status).toBe(status)
    expect(await messageOf(response)).toMatch(message)
  })

  it.each([
    ['{ Articles(where: { heroImage: { equals: "abc" } }) { totalDocs } }', /where\[heroImage\]\[equals\]: "abc" is not an id/],
    ['{ Articles(where: { OR: [{ slug: { all: ["a"] } }] }) { totalDocs } }', /"all" operator is not available/],
  ])('GraphQL %s → 400 with a message, not an internal error', async (query, message) => {
    const response = await call('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    expect(response.status).toBe(400)
    expect(await messageOf(response)).toMatch(message)
  })
})

describe('limits for anonymous callers', () => {
  it.each([
    ['limit=1000000', /limit must be a whole number from 1 to 100/],
    ['depth=100', /depth must be a whole number from 0 to 3/],
    ['pagination=false', /pagination=false is for signed-in users/],
  ])('refuses %s with 400', async (query, message) => {
    const response = await call(`/api/articles?${query}`)
    expect(response.status).toBe(400)
    expect(await messageOf(response)).toMatch(message)
  })

  it('lets a signed-in user ask for more', async () => {
    const response = await call('/api/articles?limit=1000&depth=5', { headers: { authorization: `JWT ${adminToken}` } })
    expect(response.status).toBe(200)
  })

  it.each([
    ['300 aliases', `{ ${Array.from({ length: 300 }, (_, index) => `a${index}: Articles { totalDocs }`).join(' ')} }`, /Aliases limit of 10 exceeded, found 300/],
    ['a huge page', '{ Articles(limit: 1000000) { totalDocs } }', /limit must be from 1 to 100/],
    ['deep nesting', '{ Articles { docs { a { b { c { d { e { f { g { h } } } } } } } } } }', /depth limit of 8 exceeded/],
    ['a cost over GRAPHQL_MAX_COMPLEXITY', `{ ${Array.from({ length: 10 }, (_, index) => `l${index}: Licenses { totalDocs docs { name shortName spdxId deedUrl requiresAttribution } }`).join(' ')} }`, /complexity/i],
  ])('refuses a GraphQL query with %s with 400', async (_, query, message) => {
    const response = await call('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    expect(response.status).toBe(400)
    const { errors } = (await response.json()) as { errors: Array<{ message: string }> }
    expect(errors.map((error) => error.message).join('\n')).toMatch(message)
  })

  it('answers an ordinary nested GraphQL query', async () => {
    const query = '{ Articles(limit: 5) { docs { headline heroImage { creator license { name } } } } }'
    const response = await call('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { data: { Articles: { docs: unknown[] } } }).data.Articles.docs.length).toBeGreaterThan(0)
  })
})

describe('rate limits', () => {
  it('answers anonymous API requests beyond the limit with 429, Retry-After and a JSON message', async () => {
    const client = newClient()
    const seen: number[] = []
    // A different page each time: repeated reads of one URL are answered by the response cache,
    // before any limit (a hit costs microseconds); these are misses that reach the API.
    for (let index = 0; index < LIMITS.api; index += 1) seen.push((await call(`/api/licenses?limit=1&page=${index + 1}`, { client })).status)
    expect(seen).toEqual(Array(LIMITS.api).fill(200))
    const refused = await call(`/api/licenses?limit=1&page=${LIMITS.api + 1}`, { client })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await messageOf(refused)).toMatch(/Too many API requests/)
    // Another reader, and pages, are unaffected.
    expect((await call('/api/licenses?limit=1')).status).toBe(200)
    expect((await call('/', { client })).status).toBe(200)
    // A signed-in user from the same address is not limited as anonymous.
    expect((await call('/api/licenses?limit=1', { client, headers: { authorization: `JWT ${adminToken}` } })).status).toBe(200)
  })

  it('limits login attempts per account, whichever address they come from', async () => {
    const account = 'victim@example.com'
    for (let attempt = 0; attempt < LIMITS.loginsPerAccount; attempt += 1) expect((await login(account, newClient())).status).toBe(401)
    const refused = await login(account, newClient())
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60)
    expect(await messageOf(refused)).toMatch(/Too many login attempts for this account/)
    // E-mails are matched as Payload matches them.
    expect((await login(' Victim@Example.com', newClient())).status).toBe(429)
  })

  it('counts GraphQL login mutations against the same per-account limit', async () => {
    const account = 'graphql-victim@example.com'
    const graphqlLogin = () =>
      call('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($email: String!) { loginUser(email: $email, password: "wrong") { token } }', variables: { email: account } }),
      })
    for (let attempt = 0; attempt < LIMITS.loginsPerAccount - 1; attempt += 1) expect((await graphqlLogin()).status).not.toBe(429)
    expect((await login(account, newClient())).status).toBe(401)
    const refused = await graphqlLogin()
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await messageOf(refused)).toMatch(/Too many login attempts for this account/)
  })

  it('limits login attempts per address, whichever accounts they name', async () => {
    const client = newClient()
    for (let attempt = 0; attempt < LIMITS.loginsPerIp; attempt += 1) expect((await login(`guess${attempt}@example.com`, client)).status).toBe(401)
    const refused = await login('another@example.com', client)
    expect(refused.status).toBe(429)
    expect(await messageOf(refused)).toMatch(/Too many login attempts from this address/)
  })
})

describe('https: cookies, HSTS, CORS and CSRF', () => {
  let cookie: string

  beforeAll(async () => {
    const response = await login(ADMIN.email, newClient(), ADMIN.password)
    expect(response.status).toBe(200)
    cookie = response.headers.get('set-cookie')!
  })

  it('sets a Secure, HttpOnly, SameSite=Lax login cookie', () => {
    expect(cookie).toMatch(/^payload-token=/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
  })

  it('sends HSTS', async () => {
    expect((await call('/')).headers.get('strict-transport-security')).toBe('max-age=31536000')
  })

  it('lets any origin read public GETs without credentials', async () => {
    const response = await call('/api/licenses?limit=1', { headers: { origin: ELSEWHERE } })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it.each([SITE, APP])('allows credentialed requests from %s', async (origin) => {
    const response = await call('/api/users/me', { headers: { origin, cookie: cookie.split(';')[0]! } })
    expect(response.headers.get('access-control-allow-origin')).toBe(origin)
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    expect(response.headers.get('vary')).toContain('Origin')
    expect(((await response.json()) as { user: { email: string } | null }).user?.email).toBe(ADMIN.email)
  })

  it('ignores the login cookie on requests from other origins, and gives their writes no CORS headers', async () => {
    const me = await call('/api/users/me', { headers: { origin: ELSEWHERE, cookie: cookie.split(';')[0]! } })
    expect(me.headers.get('access-control-allow-credentials')).toBeNull()
    expect(((await me.json()) as { user: unknown }).user).toBeNull()
    const write = await call('/api/licenses', { method: 'POST', headers: { origin: ELSEWHERE, cookie: cookie.split(';')[0]!, 'content-type': 'application/json' }, body: '{}' })
    expect(write.status).toBe(403)
    expect(write.headers.get('access-control-allow-origin')).toBeNull()
  })
})
