/**
 * deploy/varnish/default.vcl in a real varnishd, in front of two small stand-in app servers
 * that answer like the app does (Surrogate-Key, Cache-Control, /healthz).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startVarnish, type RunningVarnish } from '../../scripts/lib/varnish'

type StandIn = { name: string; port: number; hits: Map<string, number>; versions: Map<string, number>; kill: () => void }

async function standInApp(name: string): Promise<StandIn> {
  const hits = new Map<string, number>()
  const versions = new Map<string, number>()
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    if (path !== '/healthz') hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1)
    if (path === '/healthz') return res.writeHead(200, { 'cache-control': 'no-store' }).end('{"status":"ok"}')
    const slug = path.split('/').pop()!
    const body = `${slug} v${versions.get(slug) ?? 1} from ${name}; auth=${req.headers.authorization ?? '-'}; cookie=${req.headers.cookie ?? '-'}; url=${req.url}`
    if (path.startsWith('/articles/')) {
      return res.writeHead(200, { 'cache-control': 'public, max-age=0, must-revalidate', 'surrogate-key': `article:${slug} articles`, 'content-type': 'text/plain' }).end(body)
    }
    if (path.startsWith('/api/')) return res.writeHead(200, { 'cache-control': 'public, max-age=0', 'surrogate-key': 'api:articles', 'content-type': 'text/plain' }).end(body)
    if (path === '/isr') return res.writeHead(200, { 'cache-control': 's-maxage=31536000' }).end(body)
    if (path.startsWith('/_next/static/')) return res.writeHead(200, { 'cache-control': 'public, max-age=31536000, immutable' }).end(body)
    if (path === '/login') return res.writeHead(200, { 'cache-control': 'public, max-age=0', 'surrogate-key': 'site', 'set-cookie': 'payload-token=abc' }).end(body)
    return res.writeHead(200, { 'cache-control': 'private, no-store' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    name,
    port: (server.address() as AddressInfo).port,
    hits,
    versions,
    // Like SIGKILL: open connections reset, nothing listens any more.
    kill: () => {
      server.closeAllConnections()
      server.close()
    },
  }
}

let a: StandIn
let b: StandIn
let varnish: RunningVarnish

beforeAll(async () => {
  ;[a, b] = await Promise.all([standInApp('a'), standInApp('b')])
  varnish = await startVarnish([{ host: '127.0.0.1', port: a.port }, { host: '127.0.0.1', port: b.port }])
}, 30_000)

afterAll(async () => {
  await varnish?.stop()
  a?.kill()
  b?.kill()
})

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${varnish.url}${path}`, { headers })
const hitsOf = (url: string) => (a.hits.get(url) ?? 0) + (b.hits.get(url) ?? 0)

function purge(keys: string | undefined, localAddress = '127.0.0.1'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${varnish.url}/`, { method: 'PURGE', localAddress, headers: keys === undefined ? {} : { 'xkey-purge': keys } }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on('error', reject)
    request.end()
  })
}

describe('Varnish in front of the app', () => {
  it('keeps a public tagged response until a purge names one of its tags', async () => {
    const first = await get('/articles/alpha')
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(await first.text()).toMatch(/^alpha v1/)
    const second = await get('/articles/alpha')
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect(second.headers.get('xkey')).toBeNull()
    await get('/articles/beta')
    expect(hitsOf('/articles/alpha')).toBe(1)

    for (const app of [a, b]) app.versions.set('alpha', 2)
    expect(await purge('article:alpha')).toEqual({ status: 200, body: 'Purged 1\n' })
    const fresh = await get('/articles/alpha')
    expect(fresh.headers.get('x-cache')).toBe('MISS')
    expect(await fresh.text()).toMatch(/^alpha v2/)
    expect((await get('/articles/beta')).headers.get('x-cache')).toBe('HIT')

    // One tag shared by both pages (the article list) purges both.
    await purge('site articles')
    expect((await get('/articles/beta')).headers.get('x-cache')).toBe('MISS')
  })

  it.each([
    ['a session cookie', { cookie: 'payload-token=secret' }, '/articles/gamma'],
    ['another Payload cookie', { cookie: 'lang=en; payload-lng=secret' }, '/articles/gamma'],
    ['an Authorization header', { authorization: 'JWT secret' }, '/articles/gamma'],
    ['draft mode', { cookie: 'theme=dark; __prerender_bypass=1' }, '/articles/gamma'],
    ['a draft read', {}, '/articles/gamma?draft=true'],
    ['a draft read without a value', {}, '/articles/gamma?lang=en&draft'],
    ['the admin', {}, '/admin/collections/articles'],
    ['a client navigation', { rsc: '1' }, '/articles/gamma'],
    ['a preview route', {}, '/preview/articles/gamma'],
  ])('passes %s through to the app, never from or into the cache', async (_label, headers: Record<string, string>, path) => {
    await get('/articles/gamma')
    const before = hitsOf(path)
    // Twice: the second would be a hit if the first had been stored.
    for (const _ of [1, 2]) {
      const personal = await get(path, headers)
      expect(personal.headers.get('x-cache')).not.toBe('HIT')
      const body = await personal.text()
      if (headers.authorization) expect(body).toContain('auth=JWT secret')
      if (headers.cookie) expect(body).toContain(`cookie=${headers.cookie}`)
    }
    expect(hitsOf(path)).toBe(before + 2)
    const anonymous = await (await get('/articles/gamma')).text()
    expect(anonymous).not.toContain('secret')
    expect(anonymous).toContain('cookie=-')
  })

  it('keys a page by its path alone: tracking and unknown query parameters are a hit on the bare URL’s entry', async () => {
    const bare = await get('/articles/epsilon')
    expect(bare.headers.get('x-cache')).toBe('MISS')
    for (const query of ['?utm_source=x', '?utm_source=x&utm_medium=email&fbclid=1', '?gclid=2', '?random=123']) {
      const response = await get(`/articles/epsilon${query}`)
      expect(response.headers.get('x-cache')).toBe('HIT')
      expect(await response.text()).toMatch(/url=\/articles\/epsilon$/)
    }
    expect(hitsOf('/articles/epsilon')).toBe(1)
    expect([...a.hits.keys(), ...b.hits.keys()].filter((url) => url.startsWith('/articles/epsilon?'))).toEqual([])
  })

  it('keeps the query the API reads, leaving out tracking parameters only', async () => {
    await get('/api/articles?utm_source=x&where[slug][equals]=a&fbclid=1&depth=1&mc_cid=2')
    expect(hitsOf('/api/articles?where[slug][equals]=a&depth=1')).toBe(1)
    const again = await get('/api/articles?where[slug][equals]=a&depth=1&utm_campaign=y')
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect((await get('/api/articles?gclid=3')).headers.get('x-cache')).toBe('MISS')
    expect(hitsOf('/api/articles')).toBe(1)
    expect((await get('/api/articles?where[slug][equals]=b&depth=1')).headers.get('x-cache')).toBe('MISS')
  })

  it('caches for readers who carry other cookies, without passing those cookies on', async () => {
    await get('/articles/delta')
    const response = await get('/articles/delta', { cookie: 'consent=yes' })
    expect(response.headers.get('x-cache')).toBe('HIT')
    expect(hitsOf('/articles/delta')).toBe(1)
  })

  it('keeps nothing a purge could not reach: an untagged response is fetched every time, whatever its max-age', async () => {
    await get('/isr')
    expect((await get('/isr')).headers.get('x-cache')).not.toBe('HIT')
    expect(hitsOf('/isr')).toBe(2)
  })

  it('keeps immutable build files for their max-age', async () => {
    await get('/_next/static/chunk.js')
    expect((await get('/_next/static/chunk.js')).headers.get('x-cache')).toBe('HIT')
    expect(hitsOf('/_next/static/chunk.js')).toBe(1)
  })

  it('never stores a response that sets a cookie', async () => {
    await get('/login')
    await get('/login')
    expect(hitsOf('/login')).toBe(2)
  })

  it('accepts PURGE only from the app servers, and only with tags', async () => {
    const refused = await purge('articles', '127.0.0.2')
    expect(refused.status).toBe(403)
    expect(refused.body).toContain('app servers only')
    expect((await purge(undefined)).status).toBe(400)
  })

  it('stops sending to a process that died: no failed request while it goes, none after', async () => {
    let failures = 0
    let answered = 0
    let running = true
    const load = async () => {
      while (running) {
        const response = await get('/uncached').catch(() => undefined)
        if (response?.status === 200) answered += 1
        else failures += 1
        await response?.text()
      }
    }
    const workers = Array.from({ length: 4 }, load)
    await new Promise((resolve) => setTimeout(resolve, 500))
    // Both processes share the load until one dies.
    expect(a.hits.get('/uncached')).toBeGreaterThan(10)
    expect(b.hits.get('/uncached')).toBeGreaterThan(10)
    a.kill()
    // The probe runs every second and needs two failures out of three.
    await new Promise((resolve) => setTimeout(resolve, 4000))
    const servedByB = b.hits.get('/uncached') ?? 0
    await new Promise((resolve) => setTimeout(resolve, 500))
    running = false
    await Promise.all(workers)
    expect(failures).toBe(0)
    expect(answered).toBeGreaterThan(50)
    expect(b.hits.get('/uncached')).toBeGreaterThan(servedByB)
    const body = await (await get('/uncached')).text()
    expect(body).toContain('from b')
  }, 20_000)
})
