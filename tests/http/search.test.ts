import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { paragraphsToLexical } from '../../src/lib/richText'
import { MAX_QUERY_LENGTH } from '../../src/lib/search/query'
import { FIRST_SLUG, adminToken, authHeaders, baseUrl, get, getJson, tokenFor } from '../support/http'

type Result = { id: number | string; slug: string; headline: string; rank: number; excerpt: string; [field: string]: unknown }
type Results = { docs: Result[]; totalDocs: number; page: number; totalPages: number; limit: number }
type Errors = { errors: Array<{ message: string }> }

let admin: string
let contributor: { token: string; id: number | string }
const created: Array<number | string> = []

async function call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: authHeaders(token, body === undefined ? {} : { 'content-type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

async function createArticle(token: string, data: Record<string, unknown>, draft: boolean): Promise<number | string> {
  const { status, body } = await call('POST', `/api/articles${draft ? '?draft=true' : ''}`, token, data)
  expect(status).toBe(201)
  const id = (body.doc as { id: number | string }).id
  created.push(id)
  return id
}

const search = (query: string, init: RequestInit = {}) => getJson<Results>(`/api/articles/search?q=${encodeURIComponent(query)}`, init)

beforeAll(async () => {
  admin = await adminToken()
  contributor = await tokenFor('contributor', 'search-contributor@example.com')
})

afterAll(async () => {
  for (const id of created) await call('DELETE', `/api/articles/${id}`, admin)
})

describe('GET /api/articles/search', () => {
  it('finds the seeded article for Putin, in the articles list shape with rank and a marked excerpt', async () => {
    const response = await get('/api/articles/search?q=Putin&limit=5')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = (await response.json()) as Results
    expect(body).toMatchObject({ page: 1, limit: 5, hasPrevPage: false })
    const seeded = body.docs.find((doc) => doc.slug === FIRST_SLUG)
    expect(seeded).toBeDefined()
    expect(seeded!.excerpt).toMatch(/<mark>Putin<\/mark>/)
    expect(body.docs.map((doc) => doc.rank)).toEqual(body.docs.map((_, index) => index + 1))
    // Relationships populated as the articles API does by default (depth 2), private fields absent.
    expect(typeof seeded!.heroImage).toBe('object')
    expect(seeded).not.toHaveProperty('author')
    expect(seeded).not.toHaveProperty('searchBody')
  })

  it('finds published Cyrillic and Chinese text, never a draft, for anonymous and contributor callers', async () => {
    const published = await createArticle(admin, { headline: 'Щукобор прибыл', slug: 'search-http-published', body: paragraphsToLexical(['龘靐会谈在北京举行。']), _status: 'published' }, false)
    await createArticle(contributor.token, { headline: 'Щукоборы в черновике', slug: 'search-http-draft', body: paragraphsToLexical(['Zorblax draft words.']), _status: 'draft' }, true)
    for (const init of [{}, { headers: authHeaders(contributor.token) }]) {
      const cyrillic = await search('щукобор', init)
      expect(cyrillic.body.docs.map((doc) => doc.id)).toEqual([published])
      expect(cyrillic.body.totalDocs).toBe(1)
      expect((await search('龘靐', init)).body.docs.map((doc) => doc.id)).toEqual([published])
      expect((await search('zorblax', init)).body).toMatchObject({ totalDocs: 0, docs: [] })
    }
    await call('PATCH', `/api/articles/${published}`, admin, { _status: 'draft' })
    expect((await search('щукобор')).body.totalDocs).toBe(0)
  })

  it('refuses a missing, an over-long query and a bad page with a 400 and a message', async () => {
    const missing = await getJson<Errors>('/api/articles/search')
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0]!.message).toMatch(/q=/)
    const tooLong = await search('x'.repeat(MAX_QUERY_LENGTH + 1))
    expect(tooLong.status).toBe(400)
    expect((tooLong.body as unknown as Errors).errors[0]!.message).toContain(String(MAX_QUERY_LENGTH))
    expect((await getJson('/api/articles/search?q=putin&page=0')).status).toBe(400)
    expect((await getJson('/api/articles/search?q=putin&limit=100000')).status).toBe(400)
  })
})

describe('anonymous searches answered before Next (src/server/searchApi.ts)', () => {
  // An extra parameter sends the same search through Next and Payload's endpoint.
  const throughPayload = (path: string) => `${path}&through=payload`

  it('give the answer, status and headers Payload’s endpoint gives', async () => {
    for (const path of ['/api/articles/search?q=Putin&depth=0', '/api/articles/search?q=Putin&limit=3&page=2&depth=1', '/api/articles/search?q=putin&page=0', '/api/articles/search?q=putin&page=1001', '/api/articles/search?q=putin&limit=1000', '/api/articles/search?q=putin&depth=9']) {
      const [direct, payload] = [await get(path), await get(throughPayload(path))]
      expect(direct.status).toBe(payload.status)
      expect(await direct.json()).toEqual(await payload.json())
      expect(direct.headers.get('access-control-allow-origin')).toBe(payload.headers.get('access-control-allow-origin'))
      // Payload's own checks refuse without Cache-Control; no-store on every answer here is no less strict.
      expect(direct.headers.get('cache-control')).toBe('no-store')
      if (payload.status === 200) expect(payload.headers.get('cache-control')).toBe('no-store')
    }
  })

  it('leave a signed-in caller to Payload, which authenticates them (they see the author field, readers do not)', async () => {
    const id = await createArticle(admin, { headline: 'Quillwort survey', slug: 'search-http-quillwort', body: paragraphsToLexical(['Quillwort.']), _status: 'published' }, false)
    const signedIn = await getJson<Results>('/api/articles/search?q=quillwort&depth=0', { headers: authHeaders(admin) })
    expect(signedIn.body.docs).toEqual([expect.objectContaining({ id, author: expect.anything() })])
    const anonymous = await getJson<Results>('/api/articles/search?q=quillwort&depth=0')
    expect(anonymous.body.docs.map((doc) => doc.id)).toEqual([id])
    expect(anonymous.body.docs[0]).not.toHaveProperty('author')
  })
})

describe('the search page', () => {
  it('has a box in every page’s header: a plain GET form to /search', async () => {
    for (const path of ['/', `/articles/${FIRST_SLUG}`, '/credits', '/page/1']) {
      const header = (await (await get(path)).text()).match(/<header[\s\S]*?<\/header>/)?.[0] ?? ''
      expect(header).toMatch(/<form[^>]*role="search"[^>]*action="\/search"[^>]*method="get"[\s\S]*<input[^>]*name="q"/)
    }
  })

  it('shows ranked results with headline, standfirst, date and a marked excerpt, from a plain GET form', async () => {
    const response = await get('/search?q=Putin')
    expect(response.status).toBe(200)
    expect(response.headers.get('x-cache')).toBeNull()
    const html = await response.text()
    expect(html).toMatch(/<form[^>]*action="\/search"[^>]*method="get"/)
    expect(html).toContain(`href="/articles/${FIRST_SLUG}"`)
    expect(html).toMatch(/<time dateTime="2024-05-16T10:00:00.000Z">/)
    expect(html).toContain('<mark>Putin</mark>')
  })

  it('says plainly when nothing was found', async () => {
    const html = await (await get('/search?q=qwzxqwzx')).text()
    expect(html).toContain('Nothing found for “qwzxqwzx”')
  })

  it('is rendered before Next for anonymous readers, with the markup Next gives it (an extra parameter sends it through Next)', async () => {
    // What Next adds that a page without its client runtime does not use.
    const withoutNextMarkers = (html: string) =>
      html.replaceAll(' data-next-head=""', '').replaceAll(' data-n-g=""', '').replaceAll('<noscript data-n-css=""></noscript>', '').replace(/<link rel="preload" href="[^"]+" as="style"\/>/g, '')
    for (const query of ['q=Putin', 'q=putin&page=2', 'q=qwzxqwzx', '', `q=${'x'.repeat(MAX_QUERY_LENGTH + 1)}`, 'q=%22no%20limits%22']) {
      const [direct, next] = [await get(`/search?${query}`), await get(`/search?${query}&through=next`)]
      expect(direct.status).toBe(next.status)
      const [directHtml, nextHtml] = [await direct.text(), await next.text()]
      expect(directHtml).not.toContain('data-next-head')
      expect(nextHtml).toContain('data-next-head')
      expect(directHtml).toBe(withoutNextMarkers(nextHtml))
      expect(direct.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(direct.headers.get('cache-control')).toBe('no-store')
    }
  })

  it('answers an over-long query with a 400 that says why, and the form', async () => {
    const response = await get(`/search?q=${'x'.repeat(MAX_QUERY_LENGTH + 1)}`)
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain(`at most ${MAX_QUERY_LENGTH} characters`)
    expect(html).toContain('name="q"')
  })
})

describe('GraphQL SearchArticles', () => {
  async function graphql(query: string): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string }> } }> {
    const response = await fetch(`${baseUrl()}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> } }
  }

  it('ranks the same way, with the article and its relationships resolved', async () => {
    const { status, body } = await graphql('{ SearchArticles(q: "Putin", limit: 5) { totalDocs page docs { rank excerpt article { slug headline heroImage { creator } } } } }')
    expect(status).toBe(200)
    const results = body.data!.SearchArticles as { totalDocs: number; docs: Array<{ rank: number; excerpt: string; article: { slug: string; heroImage: { creator: string } | null } }> }
    const seeded = results.docs.find((doc) => doc.article.slug === FIRST_SLUG)
    expect(seeded?.excerpt).toMatch(/<mark>Putin<\/mark>/)
    expect(seeded?.article.heroImage?.creator).toBeTruthy()
    expect(results.docs.map((doc) => doc.rank)).toEqual(results.docs.map((_, index) => index + 1))
  })

  it('refuses an over-long query with a message', async () => {
    const { status, body } = await graphql(`{ SearchArticles(q: "${'x'.repeat(MAX_QUERY_LENGTH + 1)}") { totalDocs } }`)
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toContain(String(MAX_QUERY_LENGTH))
  })
})
