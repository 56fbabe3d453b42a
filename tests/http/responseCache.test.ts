import { randomUUID } from 'node:crypto'
import http from 'node:http'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { paragraphsToLexical } from '../../src/lib/richText'
import { adminToken, authHeaders, baseUrl, FIRST_SLUG, get, getCached, pngBlob, untilFilesWritten, uploadForm } from '../support/http'

type Doc = { id: number | string; headline: string; slug: string; fileVersion?: string | null; sizes: { w768: { url: string } } }

/** Its own article, so other test files purging meanwhile cannot make these pass or fail. */
const SLUG = 'response-cache-test'
let token: string
let id: number | string | undefined
let image: Doc | undefined

function send(method: string, path: string, body?: object): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, { method, headers: authHeaders(token, { 'content-type': 'application/json' }), body: body ? JSON.stringify(body) : undefined })
}

/** Raw bytes as sent (fetch would decode them). */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl()}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
    })
    request.on('error', reject)
    request.end()
  })
}

beforeAll(async () => {
  token = await adminToken()
  const { docs: licenses } = (await (await get('/api/licenses?where[spdxId][equals]=CC-BY-4.0')).json()) as { docs: Doc[] }
  const form = uploadForm(await pngBlob(1000, 600), 'response-cache.png', { alt: 'Test image', creator: 'Test Creator', license: licenses[0]!.id })
  const uploaded = await fetch(`${baseUrl()}/api/media`, { method: 'POST', headers: authHeaders(token), body: form })
  expect(uploaded.status).toBe(201)
  image = ((await uploaded.json()) as { doc: Doc }).doc
  const created = await send('POST', '/api/articles', { headline: 'Cached v1', slug: SLUG, heroImage: image.id, body: paragraphsToLexical(['Public words.']), _status: 'published' })
  expect(created.status).toBe(201)
  id = ((await created.json()) as { doc: Doc }).doc.id
  // Publishing wrote all of the image's files: read them as they are now.
  image = await untilFilesWritten<Doc>(image.id)
})

afterAll(async () => {
  if (id !== undefined) await send('DELETE', `/api/articles/${id}`)
  if (image !== undefined) await send('DELETE', `/api/media/${image.id}`)
})

describe('response cache over the real site', () => {
  it('serves article pages, the front page, /credits and REST reads from the cache, with validators', async () => {
    for (const path of [`/articles/${SLUG}`, '/', '/credits', `/api/articles?where[slug][equals]=${FIRST_SLUG}&depth=2`, '/api/licenses']) {
      const hit = await getCached(path)
      expect(hit.status).toBe(200)
      expect(hit.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
      expect(hit.headers.get('etag')).toMatch(/^"[\w-]+"$/)
      expect(hit.headers.get('vary')).toContain('Accept-Encoding')
      // Security headers are replayed with the stored response.
      expect(hit.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('answers 304 to a matching If-None-Match, HEAD without a body, and each encoding correctly', async () => {
    await getCached(`/articles/${SLUG}`)
    const br = await raw(`/articles/${SLUG}`, { 'accept-encoding': 'br' })
    const gzip = await raw(`/articles/${SLUG}`, { 'accept-encoding': 'gzip' })
    const plain = await raw(`/articles/${SLUG}`)
    expect(br.headers['content-encoding']).toBe('br')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(plain.body.toString())
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(plain.body.toString())
    expect(plain.body.toString()).toContain('Cached v1')
    const notModified = await raw(`/articles/${SLUG}`, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! })
    expect(notModified.status).toBe(304)
    expect(notModified.body.length).toBe(0)
    const head = await raw(`/articles/${SLUG}`, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
  })

  it('answers a page asked with tracking or unknown query parameters from the entry of its bare URL', async () => {
    const bare = await getCached(`/articles/${SLUG}`, { headers: { 'accept-encoding': 'br' } })
    await bare.arrayBuffer()
    for (const query of ['?utm_source=x', '?utm_source=newsletter&utm_medium=email&utm_campaign=launch', '?fbclid=abc', '?gclid=1&mc_cid=2', `?random=${randomUUID()}`]) {
      const response = await raw(`/articles/${SLUG}${query}`, { 'accept-encoding': 'br' })
      expect(response.status).toBe(200)
      expect(response.headers['x-cache']).toBe('HIT')
      expect(response.headers.etag).toBe(bare.headers.get('etag'))
    }
  })

  it('never serves a draft or an editor view to a reader, whatever the request carries', async () => {
    expect((await send('PATCH', `/api/articles/${id}?draft=true`, { headline: 'Secret draft v2', _status: 'draft' })).status).toBe(200)
    // The draft is stored: the newsroom sees it among the versions.
    const versions = await get(`/api/articles/versions?where[parent][equals]=${id}&sort=-updatedAt&limit=1&depth=0`, { headers: authHeaders(token) })
    expect(await versions.text()).toContain('Secret draft v2')
    // A reader's copy of the article's URL is cached (a URL of its own: a miss, then a hit)...
    const url = `/api/articles/${id}?probe=${randomUUID()}`
    expect((await get(url)).headers.get('x-cache')).toBe('MISS')
    expect((await getCached(url)).headers.get('x-cache')).toBe('HIT')
    // ...and editors asking for that same URL, by header or by cookie, skip it.
    const editorCopy = await get(url, { headers: authHeaders(token) })
    expect(editorCopy.headers.get('x-cache')).toBeNull()
    const cookieCopy = await get(url, { headers: { cookie: `payload-token=${token}` } })
    expect(cookieCopy.headers.get('x-cache')).toBeNull()
    // A draft read is never kept, for anyone: asked twice, neither answer is even a miss.
    const draftUrl = `/api/articles/${id}?draft=true&probe=${randomUUID()}`
    for (const headers of [{}, {}, authHeaders(token), authHeaders(token)]) expect((await get(draftUrl, { headers })).headers.get('x-cache')).toBeNull()
    // The newsroom reads the draft as an API client does (a token) and as the admin does (its cookie, from a browser), fresh...
    const editorView = await get(`/api/articles/${id}?draft=true`, { headers: authHeaders(token) })
    expect(editorView.headers.get('x-cache')).toBeNull()
    expect(((await editorView.json()) as Doc).headline).toBe('Secret draft v2')
    const cookieView = await get(`/api/articles/${id}?draft=true`, { headers: { cookie: `payload-token=${token}`, 'sec-fetch-site': 'same-origin' } })
    expect(cookieView.headers.get('x-cache')).toBeNull()
    expect(((await cookieView.json()) as Doc).headline).toBe('Secret draft v2')
    // ...and a cookie Payload will not accept (no browser headers) is refused, not answered with the published row.
    const ignoredCookie = await get(`/api/articles/${id}?draft=true`, { headers: { cookie: `payload-token=${token}` } })
    expect(ignoredCookie.status).toBe(401)
    expect(((await ignoredCookie.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/Authorization: JWT/)
    // ...and readers, asking every way, never do.
    for (const path of [`/articles/${SLUG}`, `/api/articles/${id}`, `/api/articles/${id}?draft=true`, `/api/articles?where[slug][equals]=${SLUG}`, '/']) {
      for (let attempt = 0; attempt < 3; attempt += 1) expect(await (await get(path)).text()).not.toContain('Secret draft v2')
    }
    // An editor's responses say so to browsers and proxies.
    expect(editorView.headers.get('cache-control')).toBe('private, no-store')
    expect(cookieView.headers.get('cache-control')).toBe('private, no-store')
  })

  it('makes a publish visible on the page and in the API as soon as the API call returns', async () => {
    await getCached(`/articles/${SLUG}`)
    await getCached(`/api/articles/${id}`)
    expect((await send('PATCH', `/api/articles/${id}`, { headline: 'Cached v3', _status: 'published' })).status).toBe(200)
    expect(await (await get(`/articles/${SLUG}`)).text()).toContain('Cached v3')
    expect(await (await get(`/api/articles/${id}`)).text()).toContain('Cached v3')
    expect(await (await get('/')).text()).toContain('Cached v3')
  })

  it('keeps a publish visible while readers load the page during it (no old copy cached again)', async () => {
    let reading = true
    const readers = Array.from({ length: 32 }, async () => {
      while (reading) for (const path of [`/articles/${SLUG}`, `/api/articles/${id}`]) await (await get(path)).arrayBuffer()
    })
    try {
      for (let round = 1; round <= 3; round += 1) {
        const headline = `Under load ${round}`
        expect((await send('PATCH', `/api/articles/${id}`, { headline, _status: 'published' })).status).toBe(200)
        for (const wait of [0, 400]) {
          await new Promise((resolve) => setTimeout(resolve, wait))
          expect(await (await get(`/articles/${SLUG}`)).text()).toContain(headline)
          expect(await (await get(`/api/articles/${id}`)).text()).toContain(headline)
        }
      }
    } finally {
      reading = false
      await Promise.all(readers)
    }
  })

  it('reports its size, bound and counts in /healthz', async () => {
    const { cache } = (await (await get('/healthz')).json()) as { cache: { entries: number; bytes: number; maxBytes: number; hits: number; misses: number; purges: number } }
    expect(cache.entries).toBeGreaterThan(0)
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes)
    expect(cache.maxBytes).toBe(64 * 1024 * 1024)
    expect(cache.hits).toBeGreaterThan(0)
    expect(cache.purges).toBeGreaterThan(0)
  })
})

describe('image files', () => {
  it('are served as static files with validators, ranges, and a Cache-Control that fits the URL', async () => {
    const path = image!.sizes.w768.url.split('?')[0]!
    const plain = await get(path)
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-type')).toMatch(/^image\//)
    expect(plain.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect(plain.headers.get('last-modified')).toBeTruthy()
    // fetch adds `Cache-Control: no-cache` to conditional requests (an end-to-end reload), so ask as a browser does.
    const etag = plain.headers.get('etag')!
    expect((await raw(path, { 'if-none-match': etag })).status).toBe(304)
    const range = await get(path, { headers: { range: 'bytes=0-99' } })
    expect(range.status).toBe(206)
    expect((await range.arrayBuffer()).byteLength).toBe(100)
    const versioned = await get(`${path}?v=abc`)
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('leave names that are not plain files to Payload (no 5xx, no traversal)', async () => {
    for (const path of ['/api/media/file/..%2Fpayload-secret', '/api/media/file/%2e%2e%2fsecret', '/api/media/file/missing.jpg']) {
      const response = await get(path)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
    }
  })
})
