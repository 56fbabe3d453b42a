import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { paragraphsToLexical } from '../../src/lib/richText'
import { adminToken, authHeaders, baseUrl, get, getJson, pngBlob, untilFilesWritten, uploadForm, type Doc } from '../support/http'

let admin: string
const cleanup: Array<[string, number | string]> = []

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: Doc }> {
  const isForm = body instanceof FormData
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: authHeaders(admin, isForm || body === undefined ? {} : { 'content-type': 'application/json' }),
    body: isForm ? body : body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Doc }
}

async function graphql(query: string, token?: string): Promise<{ status: number; body: Doc }> {
  const response = await fetch(`${baseUrl()}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? authHeaders(token) : {}) },
    body: JSON.stringify({ query }),
  })
  return { status: response.status, body: (await response.json()) as Doc }
}

async function ccBy(): Promise<number | string> {
  return (await getJson<{ docs: Doc[] }>('/api/licenses?where[spdxId][equals]=CC-BY-4.0')).body.docs[0]!.id
}

beforeAll(async () => {
  admin = await adminToken()
})

afterAll(async () => {
  for (const [collection, id] of cleanup.reverse()) await send('DELETE', `/api/${collection}/${id}`)
})

describe('an image for a story not yet published', () => {
  let image: Doc
  let articleId: number | string
  const files = () => [image.filename as string, ...Object.values(image.sizes as Record<string, Doc>).map((size) => size.filename as string)]

  beforeAll(async () => {
    const upload = await send('POST', '/api/media', uploadForm(await pngBlob(400, 300), 'embargoed-photo.png', { alt: 'Embargoed', caption: 'Secret caption', creator: 'Jane Doe', license: await ccBy() }))
    expect(upload.status).toBe(201)
    cleanup.push(['media', upload.body.doc.id])
    image = await untilFilesWritten<Doc>(upload.body.doc.id)
    const article = await send('POST', '/api/articles?draft=true', { headline: 'Embargoed story', slug: 'embargoed-story', body: paragraphsToLexical(['Soon.']), heroImage: image.id, _status: 'draft' })
    articleId = article.body.doc.id
    cleanup.push(['articles', articleId])
  })

  it('is not found by readers through REST', async () => {
    expect((await getJson(`/api/media/${image.id}`)).status).toBe(404)
    expect((await getJson<{ totalDocs: number }>(`/api/media?where[id][equals]=${image.id}`)).body.totalDocs).toBe(0)
    expect((await getJson(`/api/media/${image.id}`, { headers: authHeaders(admin) })).status).toBe(200)
  })

  it('is not found by readers through GraphQL', async () => {
    const { body } = await graphql(`{ Media(id: ${JSON.stringify(image.id)}) { alt caption } allMedia(where: { id: { equals: ${JSON.stringify(image.id)} } }) { totalDocs } }`)
    expect(body.data?.Media ?? null).toBeNull()
    expect(JSON.stringify(body)).not.toContain('Secret caption')
    expect((await graphql(`{ allMedia(where: { id: { equals: ${JSON.stringify(image.id)} } }) { totalDocs } }`)).body.data.allMedia.totalDocs).toBe(0)
  })

  it('answers 404 for the original and every size file, and serves them to the newsroom', async () => {
    // The original and five widths in three formats.
    expect(files()).toHaveLength(16)
    for (const file of files()) expect((await get(`/api/media/file/${file}`)).status).toBe(404)
    expect((await get(`/api/media/file/${image.filename}`, { headers: authHeaders(admin) })).status).toBe(200)
  })

  it('becomes public, document, GraphQL and every file, when the article is published', async () => {
    expect((await send('PATCH', `/api/articles/${articleId}`, { _status: 'published' })).status).toBe(200)
    expect((await getJson<Doc>(`/api/media/${image.id}`)).body).toMatchObject({ id: image.id, public: true })
    expect((await graphql(`{ Media(id: ${JSON.stringify(image.id)}) { caption } }`)).body.data.Media).toEqual({ caption: 'Secret caption' })
    for (const file of files()) expect((await get(`/api/media/file/${file}`)).status).toBe(200)
  })
})

describe('the permission note of an image', () => {
  let image: Doc

  beforeAll(async () => {
    const reserved = (await getJson<{ docs: Doc[] }>('/api/licenses?where[spdxId][equals]=LicenseRef-All-Rights-Reserved')).body.docs[0]!
    const upload = await send('POST', '/api/media', uploadForm(await pngBlob(64, 64), 'granted.png', { alt: 'Granted', creator: 'Agency', license: reserved.id, permissionNote: 'Private terms: web only, fee 40 EUR', public: true }))
    cleanup.push(['media', upload.body.doc.id])
    image = await untilFilesWritten<Doc>(upload.body.doc.id)
    await send('PATCH', `/api/media/${image.id}`, { caption: 'A second version' })
  })

  it('stays out of REST and GraphQL for readers, and out of the versions', async () => {
    const rest = await getJson<Doc>(`/api/media/${image.id}`)
    expect(rest.status).toBe(200)
    expect(rest.body).not.toHaveProperty('permissionNote')
    const { body } = await graphql(`{ Media(id: ${JSON.stringify(image.id)}) { alt permissionNote } }`)
    expect(body.data.Media).toEqual({ alt: 'Granted', permissionNote: null })
    expect((await getJson(`/api/media/versions?where[parent][equals]=${image.id}`)).status).toBe(403)
    const versions = await graphql(`{ versionsMedia(where: { parent: { equals: ${JSON.stringify(image.id)} } }) { docs { version { permissionNote } } } }`)
    expect(versions.body.data?.versionsMedia ?? null).toBeNull()
    expect(JSON.stringify(versions.body)).not.toContain('Private terms')
  })

  it('is there for the newsroom, in the document and its versions', async () => {
    expect((await getJson<Doc>(`/api/media/${image.id}`, { headers: authHeaders(admin) })).body.permissionNote).toBe('Private terms: web only, fee 40 EUR')
    const versions = await getJson<{ docs: Doc[] }>(`/api/media/versions?where[parent][equals]=${image.id}`, { headers: authHeaders(admin) })
    expect(versions.body.docs[0]!.version.permissionNote).toBe('Private terms: web only, fee 40 EUR')
  })
})

describe('GraphQL cost', () => {
  // A query over the complexity limit is refused in tests/http/hostile.test.ts, on a server with a low limit.
  it('answers a query under the limit', async () => {
    const query = `{ ${Array.from({ length: 10 }, (_, index) => `l${index}: Licenses { totalDocs }`).join(' ')} }`
    const { status, body } = await graphql(query)
    expect(status).toBe(200)
    expect(body.data.l9.totalDocs).toBeGreaterThan(0)
  })
})

describe('license rules after publishing, over REST', () => {
  it('refuses moving a live image to a non-commercial license, and changing its license that way, naming the article', async () => {
    const terms = await send('POST', '/api/licenses', { name: 'Wire terms', shortName: 'Wire', spdxId: 'Wire-1.0', deedUrl: 'https://wire.example/terms', allowsCommercialUse: true, allowsModification: true })
    cleanup.push(['licenses', terms.body.doc.id])
    const upload = await send('POST', '/api/media', uploadForm(await pngBlob(64, 64), 'wire.png', { alt: 'Wire photo', creator: 'Wire', license: terms.body.doc.id }))
    cleanup.push(['media', upload.body.doc.id])
    const article = await send('POST', '/api/articles', { headline: 'Wire story', slug: 'wire-story', body: paragraphsToLexical(['x']), heroImage: upload.body.doc.id, _status: 'published' })
    cleanup.push(['articles', article.body.doc.id])

    const nc = (await getJson<{ docs: Doc[] }>('/api/licenses?where[spdxId][equals]=CC-BY-NC-4.0')).body.docs[0]!
    const moved = await send('PATCH', `/api/media/${upload.body.doc.id}`, { license: nc.id })
    expect(moved.status).toBe(400)
    expect(moved.body.errors[0].message).toContain('The image “Wire photo” (wire.png) is used by published articles: “Wire story” (/articles/wire-story).')

    const narrowed = await send('PATCH', `/api/licenses/${terms.body.doc.id}`, { allowsCommercialUse: false })
    expect(narrowed.status).toBe(400)
    expect(narrowed.body.errors[0].message).toMatch(/“Wire story” \(\/articles\/wire-story\).*forbids commercial use/)
    expect((await getJson<Doc>(`/api/licenses/${terms.body.doc.id}`)).body.allowsCommercialUse).toBe(true)
  })
})
