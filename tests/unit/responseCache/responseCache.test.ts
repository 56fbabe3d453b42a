import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import { afterEach, describe, expect, it } from '@jest/globals'
import { pino } from 'pino'

import { createResponseCache, doNotStore, type PassOutcome, type ResponseCache, type ResponseCacheOptions } from '../../../src/server/responseCache'

type App = (req: http.IncomingMessage, res: http.ServerResponse) => void

let server: http.Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

/** The cache in front of a fake app that counts its renders, as src/server.ts wires it. */
async function start(app: App, options: Partial<ResponseCacheOptions> = {}): Promise<{ base: string; cache: ResponseCache; renders: () => number; outcomes: string[] }> {
  let renders = 0
  const outcomes: string[] = []
  const cache = createResponseCache({
    maxBytes: 1_000_000,
    logger: pino({ level: 'silent' }),
    onHit: (req, status, started) => void outcomes.push(`hit ${status} ${req.url} ${typeof started}`),
    ...options,
  })
  server = http.createServer((req, res) =>
    cache.handle(req, res, (outcome: PassOutcome) => {
      renders += 1
      outcomes.push(`${outcome} ${req.method} ${req.url}`)
      app(req, res)
    }),
  )
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cache, renders: () => renders, outcomes }
}

const page: App = (req, res) => {
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate')
  res.setHeader('vary', 'rsc, next-router-state-tree')
  const personal = req.headers.authorization || req.headers.cookie ? ' (editor view)' : ''
  res.write('<html><body>article')
  res.end(`${personal}${'.'.repeat(2000)}</body></html>`)
}

/** Node's fetch asks for gzip/br and decodes; raw requests show what was sent. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
    })
    request.on('error', reject)
    request.end()
  })
}

async function stored(cache: ResponseCache, count: number): Promise<void> {
  for (let attempt = 0; attempt < 100 && cache.stats().stores < count; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('response cache in front of the app', () => {
  it('tells the app why a request came (miss or bypass) and the metrics of every hit', async () => {
    const { base, cache, outcomes } = await start(page)
    await raw(`${base}/articles/a`)
    await stored(cache, 1)
    await raw(`${base}/articles/a`)
    await raw(`${base}/articles/a`, { authorization: 'JWT x' })
    await raw(`${base}/articles/b`, {}, 'POST')
    expect(outcomes).toEqual(['miss GET /articles/a', 'hit 200 /articles/a bigint', 'bypass GET /articles/a', 'bypass POST /articles/b'])
  })

  it('renders once, then serves hits with a strong ETag, public Cache-Control and the right encoding', async () => {
    const { base, cache, renders } = await start(page)
    const miss = await raw(`${base}/articles/a`)
    expect(miss.headers['content-encoding']).toBeUndefined()
    expect(miss.headers['x-cache']).toBe('MISS')
    // The first answer already carries what a proxy in front needs to keep it.
    expect(miss.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect(miss.headers['surrogate-key']).toBe('article:a site')
    await stored(cache, 1)
    const br = await raw(`${base}/articles/a`, { 'accept-encoding': 'gzip, deflate, br' })
    const gz = await raw(`${base}/articles/a`, { 'accept-encoding': 'gzip' })
    const plain = await raw(`${base}/articles/a`)
    expect(renders()).toBe(1)
    expect(br.headers['x-cache']).toBe('HIT')
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).equals(miss.body)).toBe(true)
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).equals(miss.body)).toBe(true)
    expect(plain.body.equals(miss.body)).toBe(true)
    expect(plain.headers['content-length']).toBe(String(miss.body.length))
    for (const hit of [br, gz, plain]) {
      expect(hit.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
      expect(hit.headers.vary).toBe('rsc, next-router-state-tree, Accept-Encoding')
      expect(hit.headers['surrogate-key']).toBe('article:a site')
    }
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3)
  })

  it('answers the first reader after a purge like every other: compressed, with the ETag the hits carry', async () => {
    let version = 1
    const { base, cache, renders } = await start((_req, res) => {
      res.setHeader('content-type', 'text/html')
      res.write('<html>')
      res.end(`version ${version}${' words'.repeat(500)}</html>`)
    })
    const first = await raw(`${base}/articles/a`, { 'accept-encoding': 'gzip, br' })
    expect(first.headers['x-cache']).toBe('MISS')
    expect(first.headers['content-encoding']).toBe('br')
    expect(first.headers.etag).toMatch(/^"[\w-]+-br"$/)
    expect(zlib.brotliDecompressSync(first.body).toString()).toContain('version 1')
    const hit = await raw(`${base}/articles/a`, { 'accept-encoding': 'gzip, br' })
    expect(hit.headers['x-cache']).toBe('HIT')
    expect(hit.headers.etag).toBe(first.headers.etag)
    expect(hit.body.equals(first.body)).toBe(true)

    version = 2
    cache.purge(['article:a'])
    const afterPurge = await raw(`${base}/articles/a`, { 'accept-encoding': 'gzip' })
    expect(afterPurge.headers['x-cache']).toBe('MISS')
    expect(afterPurge.headers['content-encoding']).toBe('gzip')
    expect(afterPurge.headers['content-length']).toBe(String(afterPurge.body.length))
    expect(zlib.gunzipSync(afterPurge.body).toString()).toContain('version 2')
    expect(afterPurge.headers.etag).toMatch(/-gzip"$/)
    // The validator works at once: the reader's next request revalidates to a 304.
    expect((await raw(`${base}/articles/a`, { 'accept-encoding': 'gzip', 'if-none-match': afterPurge.headers.etag! })).status).toBe(304)
    expect(renders()).toBe(2)
  })

  it('does not keep a render marked as failed (doNotStore): the next reader gets a new one', async () => {
    let failing = true
    const { base, cache, renders } = await start((_req, res) => {
      if (failing) doNotStore(res)
      else res.setHeader('tdm-reservation', '1')
      res.end('page')
    })
    const degraded = await raw(`${base}/articles/a`)
    expect(degraded.status).toBe(200)
    expect(degraded.headers['x-cache']).toBeUndefined()
    // Not marked public for a proxy either.
    expect(degraded.headers['surrogate-key']).toBeUndefined()
    failing = false
    const complete = await raw(`${base}/articles/a`)
    expect(complete.headers['tdm-reservation']).toBe('1')
    await stored(cache, 1)
    expect((await raw(`${base}/articles/a`)).headers['tdm-reservation']).toBe('1')
    expect(renders()).toBe(2)
  })

  it('bounds the bytes all renders under way hold together; a render past the bound streams through unkept', async () => {
    const chunk = 'x'.repeat(10_000)
    const { base, cache } = await start(
      (_req, res) => {
        let sent = 0
        const more = () => {
          if (sent === 6) return void res.end()
          sent += 1
          res.write(chunk)
          setTimeout(more, 20)
        }
        more()
      },
      { maxBytes: 1_000_000, maxInFlightBytes: 100_000 },
    )
    let peak = 0
    const watch = setInterval(() => (peak = Math.max(peak, cache.stats().inFlightBytes)), 5)
    const pages = await Promise.all(['a', 'b', 'c'].map((slug) => raw(`${base}/articles/${slug}`)))
    clearInterval(watch)
    expect(pages.every((page) => page.body.length === 60_000)).toBe(true)
    expect(peak).toBeGreaterThan(0)
    expect(peak).toBeLessThanOrEqual(100_000)
    expect(cache.stats().inFlightBytes).toBe(0)
    // Two fit (60 KB each would not: 120 KB > 100 KB): at least one went through unkept.
    const kept = pages.filter((page) => page.headers['x-cache'] === 'MISS').length
    expect(kept).toBeLessThan(3)
    // A proxy in front may still keep the ones let through.
    for (const page of pages.filter((each) => each.headers['x-cache'] === undefined)) expect(page.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
  })

  it('answers If-None-Match with 304 and HEAD without a body', async () => {
    const { base, cache } = await start(page)
    await raw(`${base}/articles/a`)
    await stored(cache, 1)
    const first = await raw(`${base}/articles/a`, { 'accept-encoding': 'gzip' })
    const revalidated = await raw(`${base}/articles/a`, { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! })
    expect(revalidated.status).toBe(304)
    expect(revalidated.body.length).toBe(0)
    expect(revalidated.headers.etag).toBe(first.headers.etag)
    const stale = await raw(`${base}/articles/a`, { 'if-none-match': '"something-else"' })
    expect(stale.status).toBe(200)
    const head = await raw(`${base}/articles/a`, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(head.headers['x-cache']).toBe('HIT')
  })

  it('never serves or stores a personal response', async () => {
    const { base, cache, renders } = await start(page)
    // An editor's view first: it must not be stored...
    const personal: Array<Record<string, string>> = [{ authorization: 'JWT x' }, { cookie: 'payload-token=x' }, { cookie: '__prerender_bypass=x' }]
    for (const headers of personal) {
      const editor = await raw(`${base}/articles/a`, headers)
      expect(editor.body.toString()).toContain('(editor view)')
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(cache.stats().stores).toBe(0)
    // ...and once a reader's copy is stored, an editor still gets a fresh render, not the cache.
    const reader = await raw(`${base}/articles/a`)
    expect(reader.headers['x-cache']).toBe('MISS')
    expect(reader.body.toString()).not.toContain('(editor view)')
    await stored(cache, 1)
    expect((await raw(`${base}/articles/a`)).headers['x-cache']).toBe('HIT')
    const rendersBefore = renders()
    const editor = await raw(`${base}/articles/a`, { cookie: 'payload-token=x' })
    expect(editor.headers['x-cache']).toBeUndefined()
    expect(editor.body.toString()).toContain('(editor view)')
    expect(renders()).toBe(rendersBefore + 1)
    // A draft read is not even a miss: asked twice, it is rendered twice and never stored.
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await raw(`${base}/api/articles?draft=true`)).headers['x-cache']).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(renders()).toBe(rendersBefore + 3)
    expect(cache.stats().stores).toBe(1)
  })

  it('never stores a response that sets a cookie, or an unknown route that did not mark itself public', async () => {
    const { base, cache, renders } = await start((req, res) => {
      if (req.url === '/articles/cookie') res.setHeader('set-cookie', 'session=1')
      if (req.url === '/feed.xml') res.setHeader('cache-control', 'public, max-age=0, must-revalidate')
      if (req.url === '/feed.xml') res.setHeader('surrogate-key', 'articles site')
      res.end('body')
    })
    const withCookie = await raw(`${base}/articles/cookie`)
    expect(withCookie.headers['cache-control']).toBeUndefined()
    for (const url of ['/some/route', '/feed.xml']) await raw(`${base}${url}`)
    await stored(cache, 1)
    for (const url of ['/articles/cookie', '/some/route', '/feed.xml']) await raw(`${base}${url}`)
    expect(renders()).toBe(5)
    expect((await raw(`${base}/feed.xml`)).headers['x-cache']).toBe('HIT')
  })

  it('serves a page asked with tracking or unknown query parameters from the entry of its bare URL', async () => {
    const { base, cache, renders, outcomes } = await start((req, res) => res.end(`rendered ${req.url}`))
    expect((await raw(`${base}/articles/a?utm_source=newsletter&fbclid=x`)).body.toString()).toBe('rendered /articles/a?utm_source=newsletter&fbclid=x')
    await stored(cache, 1)
    for (const query of ['', '?utm_source=x', '?gclid=1', '?random=123']) {
      const hit = await raw(`${base}/articles/a${query}`)
      expect(hit.headers['x-cache']).toBe('HIT')
      expect(hit.body.toString()).toBe('rendered /articles/a?utm_source=newsletter&fbclid=x')
    }
    // The API reads its query: only tracking parameters are left out.
    await raw(`${base}/api/articles?limit=1&utm_source=x`)
    await stored(cache, 2)
    expect((await raw(`${base}/api/articles?utm_medium=y&limit=1`)).headers['x-cache']).toBe('HIT')
    expect((await raw(`${base}/api/articles?limit=2`)).headers['x-cache']).toBe('MISS')
    expect(renders()).toBe(3)
    // The app and its log see the URL as sent.
    expect(outcomes.filter((outcome) => outcome.startsWith('miss'))).toEqual(['miss GET /articles/a?utm_source=newsletter&fbclid=x', 'miss GET /api/articles?limit=1&utm_source=x', 'miss GET /api/articles?limit=2'])
  })

  it('keeps RSC requests apart from the HTML page', async () => {
    const { base, cache } = await start((req, res) => res.end(req.headers.rsc ? 'rsc payload' : '<html>page</html>'))
    await raw(`${base}/articles/a`)
    await stored(cache, 1)
    expect((await raw(`${base}/articles/a`, { rsc: '1' })).body.toString()).toBe('rsc payload')
    expect((await raw(`${base}/articles/a`)).body.toString()).toBe('<html>page</html>')
  })

  it('purges by tag: the next request renders again', async () => {
    let version = 1
    const { base, cache, renders } = await start((_req, res) => res.end(`version ${version}`))
    await raw(`${base}/articles/a`)
    await raw(`${base}/articles/b`)
    await stored(cache, 2)
    version = 2
    expect(cache.purge(['article:a'])).toBe(1)
    expect((await raw(`${base}/articles/a`)).body.toString()).toBe('version 2')
    expect((await raw(`${base}/articles/b`)).body.toString()).toBe('version 1')
    expect(renders()).toBe(3)
  })

  it('renders a URL once for concurrent misses, and lets them all render when the result cannot be stored', async () => {
    const { base, renders } = await start((req, res) => {
      setTimeout(() => {
        if (req.url === '/articles/private') res.setHeader('set-cookie', 'a=b')
        res.end(`rendered ${req.url}`)
      }, 100)
    })
    const pages = await Promise.all(Array.from({ length: 10 }, () => raw(`${base}/articles/a`)))
    expect(pages.map((page) => page.body.toString())).toEqual(Array(10).fill('rendered /articles/a'))
    expect(renders()).toBe(1)
    const personal = await Promise.all(Array.from({ length: 5 }, () => raw(`${base}/articles/private`)))
    expect(personal.every((page) => page.body.toString() === 'rendered /articles/private')).toBe(true)
    expect(renders()).toBe(1 + 5)
  })

  it('renders a page too large to keep once for concurrent misses, streaming its answer to every waiting request', async () => {
    const chunk = 'x'.repeat(50_000)
    const { base, cache, renders } = await start(
      (req, res) => {
        res.setHeader('content-type', 'text/html')
        let sent = 0
        const more = () => {
          if (sent === 4) return void res.end(`</html> ${req.url}`)
          sent += 1
          res.write(chunk)
          setTimeout(more, 30)
        }
        more()
      },
      // 200 KB answers; each render may hold 100 KB: nothing is kept.
      { maxBytes: 800_000 },
    )
    const pages = await Promise.all(Array.from({ length: 8 }, (_, index) => raw(`${base}/articles/big`, index % 2 ? { 'accept-encoding': 'br' } : {})))
    expect(renders()).toBe(1)
    for (const page of pages) {
      expect(page.status).toBe(200)
      expect(page.body.toString()).toBe(`${chunk.repeat(4)}</html> /articles/big`)
      expect(page.headers['content-type']).toBe('text/html')
      expect(page.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
      expect(page.headers['surrogate-key']).toBe('article:big site')
    }
    expect(cache.stats()).toMatchObject({ stores: 0, handedOn: 7, inFlightBytes: 0 })
    // HEAD waits too, and gets the headers only.
    const [get, head] = await Promise.all([raw(`${base}/articles/big`), raw(`${base}/articles/big`, {}, 'HEAD')])
    expect(renders()).toBe(2)
    expect(get.body.length).toBe(200_000 + '</html> /articles/big'.length)
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
  })

  it('hands on no answer too large to keep that is personal or failed: those waiting render for themselves', async () => {
    const { base, renders } = await start(
      (req, res) => {
        if (req.url === '/articles/cookie') res.setHeader('set-cookie', 'a=b')
        if (req.url === '/articles/failed') res.statusCode = 500
        if (req.url === '/articles/degraded') doNotStore(res)
        res.write('x'.repeat(60_000))
        setTimeout(() => res.end('</html>'), 50)
      },
      { maxBytes: 400_000 },
    )
    for (const slug of ['cookie', 'failed', 'degraded']) {
      const before = renders()
      const pages = await Promise.all(Array.from({ length: 4 }, () => raw(`${base}/articles/${slug}`)))
      expect(pages.every((page) => page.body.length === 60_007)).toBe(true)
      expect(renders()).toBe(before + 4)
    }
  })

  it('breaks off the waiting requests when a render too large to keep breaks off: no truncated page passes for a whole one', async () => {
    const { base, renders } = await start(
      (_req, res) => {
        setTimeout(() => res.write('x'.repeat(60_000)), 50)
        setTimeout(() => res.destroy(), 100)
      },
      { maxBytes: 400_000 },
    )
    const outcome = (url: string) =>
      new Promise<string>((resolve) => {
        const request = http.get(url, (response) => {
          response.on('data', () => undefined)
          response.on('end', () => resolve('complete'))
          response.on('error', () => resolve('broken off'))
        })
        request.on('error', () => resolve('broken off'))
      })
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => outcome(`${base}/articles/a`)))
    expect(outcomes).toEqual(Array(4).fill('broken off'))
    expect(renders()).toBe(1)
  })

  it('logs an error for a public HTML page over 1 MB, kept or streamed through, and still serves it', async () => {
    for (const maxBytes of [16_000_000, 4_000_000]) {
      const errors: Array<{ url: string; bytes: number }> = []
      const logger = Object.assign(pino({ level: 'silent' }), { error: (fields: { url: string; bytes: number }) => void errors.push(fields) })
      const { base } = await start(
        (req, res) => {
          res.setHeader('content-type', req.url === '/feed.json' ? 'application/json' : 'text/html; charset=utf-8')
          if (req.url === '/feed.json') res.setHeader('surrogate-key', 'articles')
          if (req.url === '/feed.json') res.setHeader('cache-control', 'public, max-age=0')
          const size = req.url === '/articles/small' ? 1_000_000 : 1_100_000
          res.write('<html>')
          res.end('x'.repeat(size - 6))
        },
        { maxBytes, logger },
      )
      for (const url of ['/articles/huge', '/articles/small', '/feed.json']) expect((await raw(`${base}${url}`)).body.length).toBe(url === '/articles/small' ? 1_000_000 : 1_100_000)
      expect(errors).toEqual([expect.objectContaining({ url: '/articles/huge', bytes: 1_100_000 })])
      await new Promise<void>((resolve) => server!.close(() => resolve()))
      server = undefined
    }
  })

  it('hands a built entry it could not keep (a purge came during the render) to those that came before the purge; later ones render again', async () => {
    let version = 1
    const { base, cache, renders } = await start((_req, res) => {
      const rendered = version
      setTimeout(() => res.end(`version ${rendered}`), 400)
    })
    const early = Array.from({ length: 3 }, () => raw(`${base}/articles/a`))
    await new Promise((resolve) => setTimeout(resolve, 200))
    version = 2
    cache.purge(['article:a'])
    const late = Array.from({ length: 3 }, () => raw(`${base}/articles/a`))
    const [earlyPages, latePages] = await Promise.all([Promise.all(early), Promise.all(late)])
    expect(earlyPages.map((page) => page.body.toString())).toEqual(Array(3).fill('version 1'))
    // The late ones waited for a render of their own, and share it.
    expect(latePages.map((page) => page.body.toString())).toEqual(Array(3).fill('version 2'))
    expect(renders()).toBe(2)
  })

  it("with CACHE_S_MAXAGE_SECONDS, tells proxies the s-maxage but keeps its own entries until purged; a response's own s-maxage still limits them", async () => {
    const { base, cache, renders } = await start(
      (req, res) => {
        if (req.url === '/news-sitemap.xml') {
          // A document that moves with the clock limits its own lifetime, as the news sitemap does.
          res.setHeader('cache-control', 'public, max-age=0, s-maxage=1, must-revalidate')
          res.setHeader('surrogate-key', 'articles')
        }
        res.end(`rendered ${req.url}`)
      },
      { sMaxAgeSeconds: 1 },
    )
    const miss = await raw(`${base}/articles/a`)
    expect(miss.headers['x-cache']).toBe('MISS')
    expect(miss.headers['cache-control']).toBe('public, max-age=0, must-revalidate, s-maxage=1')
    expect((await raw(`${base}/news-sitemap.xml`)).headers['x-cache']).toBe('MISS')
    await stored(cache, 2)
    expect((await raw(`${base}/articles/a`)).headers['x-cache']).toBe('HIT')
    expect((await raw(`${base}/news-sitemap.xml`)).headers['x-cache']).toBe('HIT')
    await new Promise((resolve) => setTimeout(resolve, 1300))
    const later = await raw(`${base}/articles/a`)
    expect(later.headers['x-cache']).toBe('HIT')
    expect(later.headers['cache-control']).toBe('public, max-age=0, must-revalidate, s-maxage=1')
    expect((await raw(`${base}/news-sitemap.xml`)).headers['x-cache']).toBe('MISS')
    expect(renders()).toBe(3)
  })

  it('does not store error responses', async () => {
    const { base, cache } = await start((_req, res) => {
      res.statusCode = 500
      res.end('broken')
    })
    await raw(`${base}/articles/a`)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(cache.stats().stores).toBe(0)
  })
})
