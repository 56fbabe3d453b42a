import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { paragraphsToLexical } from '../../src/lib/richText'
import { adminToken, authHeaders, baseUrl, get, getJson, uploadForm, type Doc } from '../support/http'

type Errors = { errors: Array<{ message: string; data?: { errors?: Array<{ path: string; message: string }> } }> }

let token: string
const created: Array<{ collection: string; id: number | string }> = []

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Doc }> {
  const isForm = body instanceof FormData
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { ...(isForm || body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: isForm ? body : body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

async function licenseId(): Promise<number | string> {
  const { body } = await getJson<{ docs: Doc[] }>('/api/licenses?where[spdxId][equals]=CC-BY-4.0')
  return body.docs[0]!.id
}

beforeAll(async () => {
  token = await adminToken()
})

afterAll(async () => {
  for (const { collection, id } of created.reverse()) {
    await send('DELETE', `/api/${collection}/${id}`, undefined, authHeaders(token))
  }
})

describe('drafts', () => {
  let draft: Doc

  beforeAll(async () => {
    const { status, body } = await send(
      'POST',
      '/api/articles?draft=true',
      { headline: 'An embargoed draft', slug: 'an-embargoed-draft', body: paragraphsToLexical(['Not yet.']), _status: 'draft' },
      authHeaders(token),
    )
    expect(status).toBe(201)
    draft = body.doc
    created.push({ collection: 'articles', id: draft.id })
  })

  it('are invisible to anonymous readers through the REST API, draft=true included', async () => {
    expect((await getJson(`/api/articles/${draft.id}`)).status).toBe(404)
    expect((await getJson(`/api/articles/${draft.id}?draft=true`)).status).toBe(404)
    const list = await getJson<{ totalDocs: number }>(`/api/articles?where[slug][equals]=an-embargoed-draft&draft=true`)
    expect(list.body.totalDocs).toBe(0)
  })

  it('are invisible on the site', async () => {
    expect((await get('/articles/an-embargoed-draft')).status).toBe(404)
    expect(await (await get('/')).text()).not.toContain('An embargoed draft')
  })

  it('are visible to a logged-in editor', async () => {
    const { status, body } = await getJson<Doc>(`/api/articles/${draft.id}?draft=true`, { headers: authHeaders(token) })
    expect(status).toBe(200)
    expect(body.headline).toBe('An embargoed draft')
  })

  it('are invisible through GraphQL', async () => {
    const response = await fetch(`${baseUrl()}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Articles(draft: true, where: { slug: { equals: "an-embargoed-draft" } }) { totalDocs } }' }),
    })
    expect(((await response.json()) as Doc).data.Articles.totalDocs).toBe(0)
  })
})

describe('bad input', () => {
  it('refuses writes without a login', async () => {
    const { status } = await send('POST', '/api/articles', { headline: 'x', body: paragraphsToLexical(['x']) })
    expect(status).toBe(403)
  })

  it('answers an article without a headline with 400 naming the field, and stores nothing', async () => {
    const marker = 'standfirst of an article without a headline'
    const { status, body } = await send('POST', '/api/articles', { standfirst: marker, body: paragraphsToLexical(['x']), _status: 'published' }, authHeaders(token))
    expect(status).toBe(400)
    const fieldErrors = (body as Errors).errors[0]?.data?.errors ?? []
    expect(fieldErrors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'headline', message: 'A headline is required.' })]))
    const stored = await getJson<{ totalDocs: number }>(`/api/articles?draft=true&where[standfirst][equals]=${encodeURIComponent(marker)}`, { headers: authHeaders(token) })
    expect(stored.body.totalDocs).toBe(0)
  })

  it('answers an over-long headline with 400', async () => {
    const { status, body } = await send('POST', '/api/articles', { headline: 'x'.repeat(161), body: paragraphsToLexical(['x']), _status: 'published' }, authHeaders(token))
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/160 characters or fewer/)
  })

  it('answers malformed JSON with 400', async () => {
    const response = await fetch(`${baseUrl()}/api/articles`, { method: 'POST', headers: authHeaders(token, { 'content-type': 'application/json' }), body: '{"headline": ' })
    expect(response.status).toBe(400)
  })

  it('rejects a text file disguised as a .jpg', async () => {
    const fake = new Blob(['this is not a photo\n'.repeat(50)], { type: 'image/jpeg' })
    const { status, body } = await send('POST', '/api/media', uploadForm(fake, 'holiday.jpg', { alt: 'x', license: await licenseId() }), authHeaders(token))
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/not allowed/i)
    expect((await getJson<{ totalDocs: number }>('/api/media?where[filename][equals]=holiday.jpg')).body.totalDocs).toBe(0)
  })

  it('rejects an upload over the size limit', async () => {
    const limit = Number(process.env.TEST_UPLOAD_MAX_BYTES)
    const big = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .png({ compressionLevel: 0 })
      .toBuffer()
    expect(big.length).toBeGreaterThan(limit)
    const { status } = await send('POST', '/api/media', uploadForm(new Blob([big], { type: 'image/png' }), 'huge.png', { alt: 'x', license: await licenseId() }), authHeaders(token))
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect((await getJson<{ totalDocs: number }>('/api/media?where[filename][equals]=huge.png')).body.totalDocs).toBe(0)
  })

  it('accepts a real image with a credit in another script', async () => {
    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#357' } }).png().toBuffer()
    const { status, body } = await send(
      'POST',
      '/api/media',
      uploadForm(new Blob([png], { type: 'image/png' }), 'harbour.png', { alt: 'A harbour', creator: '新华社', license: await licenseId() }),
      authHeaders(token),
    )
    expect(status).toBe(201)
    created.push({ collection: 'media', id: body.doc.id })
    expect(body.doc).toMatchObject({ creator: '新华社', sizes: { w320: { width: 320 } } })
  })
})
