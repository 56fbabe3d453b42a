import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { paragraphsToLexical } from '../../src/lib/richText'
import { previewUrl } from '../../src/lib/preview'
import { FIRST_SLUG, adminToken, authHeaders, baseUrl, get, getJson, pngBlob, tokenFor, uploadForm, type Doc } from '../support/http'

let admin: string
let contributor: { token: string; id: number | string }
const cleanup: Array<[string, number | string]> = []

async function call(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: Doc }> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { ...(token ? authHeaders(token) : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as Doc) : {} }
}

async function graphql(token: string, query: string): Promise<Doc> {
  const response = await fetch(`${baseUrl()}/api/graphql`, { method: 'POST', headers: authHeaders(token, { 'content-type': 'application/json' }), body: JSON.stringify({ query }) })
  return (await response.json()) as Doc
}

beforeAll(async () => {
  admin = await adminToken()
  contributor = await tokenFor('contributor', 'contributor@example.com')
})

afterAll(async () => {
  for (const [collection, id] of cleanup.reverse()) await call('DELETE', `/api/${collection}/${id}`, admin)
})

describe('contributors', () => {
  let draft: Doc

  beforeAll(async () => {
    const created = await call('POST', '/api/articles?draft=true', contributor.token, { headline: 'A contributor draft', slug: 'a-contributor-draft', body: paragraphsToLexical(['x']), _status: 'draft' })
    expect(created.status).toBe(201)
    draft = created.body.doc
    cleanup.push(['articles', draft.id])
  })

  it('own the drafts they create', async () => {
    const { body } = await call('GET', `/api/articles/${draft.id}?draft=true&depth=0`, admin)
    expect(body.author).toBe(contributor.id)
  })

  it('cannot publish over REST, new or existing', async () => {
    const direct = await call('POST', '/api/articles', contributor.token, { headline: 'Sneaky', slug: 'sneaky', body: paragraphsToLexical(['x']), _status: 'published' })
    expect(direct.status).toBe(403)
    expect((await getJson<{ totalDocs: number }>('/api/articles?where[slug][equals]=sneaky&draft=true', { headers: authHeaders(admin) })).body.totalDocs).toBe(0)
    expect((await call('PATCH', `/api/articles/${draft.id}`, contributor.token, { _status: 'published' })).status).toBe(403)
    expect((await get('/articles/a-contributor-draft')).status).toBe(404)
  })

  it('cannot publish over GraphQL', async () => {
    const result = await graphql(contributor.token, `mutation { updateArticle(id: ${JSON.stringify(draft.id)}, data: { _status: published }) { _status } }`)
    expect(result.errors?.[0]?.message).toMatch(/not allowed/)
  })

  it('cannot edit or delete other people’s work, nor delete published work', async () => {
    const { body } = await getJson<{ docs: Doc[] }>(`/api/articles?where[slug][equals]=${FIRST_SLUG}`)
    const published = body.docs[0]!
    expect((await call('PATCH', `/api/articles/${published.id}`, contributor.token, { headline: 'Defaced' })).status).toBe(403)
    expect((await call('DELETE', `/api/articles/${published.id}`, contributor.token)).status).toBe(403)
    expect((await getJson<{ docs: Doc[] }>(`/api/articles?where[slug][equals]=${FIRST_SLUG}`)).body.docs[0]!.headline).toBe(published.headline)
  })

  it('cannot change licenses, settings or users', async () => {
    expect((await call('POST', '/api/licenses', contributor.token, { name: 'x', shortName: 'x', spdxId: 'LicenseRef-x' })).status).toBe(403)
    expect((await call('POST', '/api/globals/site-settings', contributor.token, { commercial: false })).status).toBe(403)
    // The account itself may be edited; the role is dropped from the change, not a reason to refuse it.
    const promoted = await call('PATCH', `/api/users/${contributor.id}`, contributor.token, { name: 'Con Tributor', role: 'admin' })
    expect(promoted.status).toBe(200)
    expect(promoted.body.doc).toMatchObject({ name: 'Con Tributor', role: 'contributor' })
    expect((await call('GET', `/api/users/${contributor.id}`, admin)).body.role).toBe('contributor')
  })

  it('upload images but cannot delete them', async () => {
    const license = (await getJson<{ docs: Doc[] }>('/api/licenses?where[spdxId][equals]=CC-BY-4.0')).body.docs[0]!
    const form = uploadForm(await pngBlob(64, 64), 'contributed.png', { alt: 'Contributed', creator: 'A contributor', license: license.id })
    const upload = await fetch(`${baseUrl()}/api/media`, { method: 'POST', headers: authHeaders(contributor.token), body: form })
    expect(upload.status).toBe(201)
    const id = ((await upload.json()) as { doc: Doc }).doc.id
    cleanup.push(['media', id])
    expect((await call('DELETE', `/api/media/${id}`, contributor.token)).status).toBe(403)
  })

  describe('and another contributor', () => {
    let other: { token: string; id: number | string }

    beforeAll(async () => {
      other = await tokenFor('contributor', 'other-contributor@example.com')
    })

    it('cannot read the draft through REST, GraphQL or its versions', async () => {
      expect((await call('GET', `/api/articles/${draft.id}?draft=true`, contributor.token)).status).toBe(200)
      expect((await call('GET', `/api/articles/${draft.id}?draft=true`, other.token)).status).toBe(404)
      expect((await call('GET', `/api/articles?draft=true&where[slug][equals]=a-contributor-draft`, other.token)).body.totalDocs).toBe(0)
      const gql = await graphql(other.token, `{ Articles(draft: true, where: { slug: { equals: "a-contributor-draft" } }) { totalDocs } }`)
      expect(gql.data.Articles.totalDocs).toBe(0)
      expect((await call('GET', `/api/articles/versions?where[parent][equals]=${draft.id}`, contributor.token)).body.totalDocs).toBeGreaterThan(0)
      expect((await call('GET', `/api/articles/versions?where[parent][equals]=${draft.id}`, other.token)).body.totalDocs).toBe(0)
      const versions = await graphql(other.token, `{ versionsArticles(where: { parent: { equals: ${JSON.stringify(draft.id)} } }) { totalDocs } }`)
      expect(versions.data.versionsArticles.totalDocs).toBe(0)
    })

    it('cannot open it in preview, even with a valid link', async () => {
      const link = previewUrl(process.env.TEST_PAYLOAD_SECRET!, 'a-contributor-draft')
      const enable = await get(link, { headers: authHeaders(other.token) })
      expect(enable.status).toBe(307)
      const cookie = enable.headers.get('set-cookie')!.split(';')[0]!
      const preview = await get(enable.headers.get('location')!, { headers: { ...authHeaders(other.token), cookie } })
      // The preview route shows nothing it may not show: it sends them to the public page, which has no draft.
      expect(preview.status).toBe(307)
      expect(await preview.text()).not.toContain('A contributor draft')
      const page = await get(preview.headers.get('location')!, { headers: { ...authHeaders(other.token), cookie } })
      expect(page.status).toBe(404)
      expect(await page.text()).not.toContain('A contributor draft')
    })

    it('cannot edit it', async () => {
      const edit = await call('PATCH', `/api/articles/${draft.id}?draft=true`, other.token, { headline: 'Hijacked' })
      expect([403, 404]).toContain(edit.status)
      expect((await call('GET', `/api/articles/${draft.id}?draft=true`, contributor.token)).body.headline).toBe('A contributor draft')
    })
  })

  it('have their drafts published by an editor', async () => {
    const editor = await tokenFor('editor', 'editor@example.com')
    expect((await call('PATCH', `/api/articles/${draft.id}`, editor.token, { _status: 'published' })).status).toBe(200)
    expect((await get('/articles/a-contributor-draft')).status).toBe(200)
  })
})

describe('login', () => {
  it('locks an account after five wrong passwords', async () => {
    await tokenFor('contributor', 'forgetful@example.com', 'the right password')
    const attempt = (password: string) => call('POST', '/api/users/login', null, { email: 'forgetful@example.com', password })
    for (let i = 0; i < 5; i += 1) expect((await attempt('wrong')).status).toBe(401)
    const locked = await attempt('the right password')
    expect(locked.status).toBe(401)
    expect(locked.body.errors[0].message).toMatch(/locked/i)
  })
})

describe('preview', () => {
  let draftId: number | string
  let secretUrl: string

  beforeAll(async () => {
    const created = await call('POST', '/api/articles?draft=true', admin, { headline: 'Preview me', slug: 'preview-me', body: paragraphsToLexical(['Unpublished words.']), _status: 'draft' })
    draftId = created.body.doc.id
    cleanup.push(['articles', draftId])
    // The admin builds this link with the server's secret (see the collection's admin.preview).
    secretUrl = previewUrl(process.env.TEST_PAYLOAD_SECRET!, 'preview-me')
  })

  it('links to the article page with a token for that page only', () => {
    expect(secretUrl).toMatch(/^\/next\/preview\?path=%2Farticles%2Fpreview-me&token=[\w-]+$/)
  })

  it('refuses a forged link and a reader without a login', async () => {
    const forged = previewUrl('not-the-secret', 'preview-me')
    expect((await get(forged)).status).toBe(403)
    expect((await get(secretUrl)).status).toBe(401)
  })

  it('refuses one article’s token for another article', async () => {
    const token = new URL(secretUrl, baseUrl()).searchParams.get('token')!
    const otherPath = `/next/preview?path=${encodeURIComponent('/articles/a-contributor-draft')}&token=${token}`
    expect((await get(otherPath, { headers: authHeaders(admin) })).status).toBe(403)
    expect((await get(secretUrl, { headers: authHeaders(admin) })).status).toBe(307)
  })

  it('is left through exit-preview, which clears the draft cookie and goes back to the page', async () => {
    const exit = await get(`/next/exit-preview?path=${encodeURIComponent('/articles/preview-me')}`)
    expect(exit.status).toBe(307)
    expect(exit.headers.get('location')).toBe('/articles/preview-me')
    expect(exit.headers.get('set-cookie')).toMatch(/__prerender_bypass=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)/i)
    const elsewhere = await get(`/next/exit-preview?path=${encodeURIComponent('https://evil.example/')}`)
    expect(elsewhere.headers.get('location')).toBe('/')
  })

  it('shows the draft to a logged-in editor on its own route, and only to them', async () => {
    const enable = await get(secretUrl, { headers: authHeaders(admin) })
    expect(enable.status).toBe(307)
    expect(enable.headers.get('location')).toBe('/preview/articles/preview-me')
    const cookie = enable.headers.get('set-cookie')!.split(';')[0]!
    const asEditor = await get('/preview/articles/preview-me', { headers: { ...authHeaders(admin), cookie } })
    expect(asEditor.status).toBe(200)
    const html = await asEditor.text()
    expect(html).toContain('Unpublished words.')
    expect(html).toContain('Draft preview')
    // The same cookie without a login is sent to the public page, which has no draft.
    const withoutLogin = await get('/preview/articles/preview-me', { headers: { cookie } })
    expect(withoutLogin.status).toBe(307)
    expect(withoutLogin.headers.get('location')).toBe('/articles/preview-me')
    expect((await get('/articles/preview-me', { headers: { cookie } })).status).toBe(404)
    // The public page never shows a draft, not even to the editor in draft mode.
    expect(await (await get('/articles/preview-me', { headers: { ...authHeaders(admin), cookie } })).text()).not.toContain('Unpublished words.')
  })
})

describe('corrections', () => {
  it('show in a notice with the "Updated" date, on the page and in the API', async () => {
    const { body } = await getJson<{ docs: Doc[] }>(`/api/articles?where[slug][equals]=${FIRST_SLUG}`)
    const article = body.docs[0]!
    const correction = { date: '2024-05-17T09:00:00.000Z', text: 'An earlier version misdated the 2022 declaration.' }
    expect((await call('PATCH', `/api/articles/${article.id}`, admin, { corrections: [correction], _status: 'published' })).status).toBe(200)
    const html = await (await get(`/articles/${FIRST_SLUG}`)).text()
    expect(html).toMatch(/<aside class="corrections" aria-labelledby="corrections-title"><h2 id="corrections-title">Correction<\/h2>/)
    expect(html).toContain('An earlier version misdated the 2022 declaration.')
    expect(html).toContain('<time dateTime="2024-05-17T09:00:00.000Z">Updated <!-- -->17 May 2024</time>')
    const api = await getJson<{ docs: Doc[] }>(`/api/articles?where[slug][equals]=${FIRST_SLUG}`)
    expect(api.body.docs[0]).toMatchObject({ corrections: [expect.objectContaining(correction)], revisedAt: '2024-05-17T09:00:00.000Z' })
    await call('PATCH', `/api/articles/${article.id}`, admin, { corrections: [], revisedAt: null, _status: 'published' })
  })
})
