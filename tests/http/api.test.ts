import { describe, expect, it } from '@jest/globals'

import { FIRST_SLUG, baseUrl, getJson, type Doc } from '../support/http'

describe('REST API', () => {
  it('returns the article with its image (sizes, credit) and the image’s license at depth=2', async () => {
    const { status, body } = await getJson<{ docs: Doc[]; totalDocs: number }>(`/api/articles?where[slug][equals]=${FIRST_SLUG}&depth=2`)
    expect(status).toBe(200)
    expect(body.totalDocs).toBe(1)
    const article = body.docs[0]!
    expect(article).toMatchObject({ slug: FIRST_SLUG, _status: 'published', publishedAt: '2024-05-16T10:00:00.000Z' })
    expect(article.body.root.children).toHaveLength(9)
    expect(article.heroImage).toMatchObject({
      alt: expect.stringContaining('Xi Jinping'),
      creator: 'Официальный веб-сайт Президента Российской Федерации',
      sourceUrl: 'http://kremlin.ru/',
      mimeType: 'image/jpeg',
      width: 1600,
      height: 900,
      license: { spdxId: 'CC-BY-4.0', shortName: 'CC BY 4.0', deedUrl: 'https://creativecommons.org/licenses/by/4.0/', allowsCommercialUse: true },
    })
    expect(Object.keys(article.heroImage.sizes)).toEqual([320, 480, 768, 1024, 1600].flatMap((w) => [`w${w}`, `w${w}_avif`, `w${w}_webp`]))
    expect(article.heroImage.sizes.w768).toMatchObject({ width: 768, height: 432, url: expect.stringMatching(/^\/api\/media\/file\/[^/]+-w768\.jpg\?v=[\w-]+$/) })
  })

  it('keeps relations as ids at depth=0', async () => {
    const { body } = await getJson<{ docs: Doc[] }>(`/api/articles?where[slug][equals]=${FIRST_SLUG}&depth=0`)
    expect(['number', 'string']).toContain(typeof body.docs[0]!.heroImage)
  })

  it('lists media and licenses', async () => {
    const media = await getJson<{ docs: Doc[] }>('/api/media')
    expect(media.status).toBe(200)
    // Other test files upload images too, in parallel: the seeded one is among the list, not necessarily first.
    expect(media.body.docs.map((doc) => doc.filename)).toContain('xi-putin-beijing-stand-in.jpg')
    const licenses = await getJson<{ docs: Doc[]; totalDocs: number }>('/api/licenses?limit=20&sort=spdxId')
    expect(licenses.body.totalDocs).toBe(8)
    expect(licenses.body.docs.map((license) => license.spdxId)).toContain('CC-BY-NC-ND-4.0')
  })

  it.each([
    ['where=notjson', /must name a field and an operator/],
    ['where[slug][equals][x]=1', /must be a value/],
    ['where[publishedAt][greater_than]=notadate', /numbers or dates/],
    ['where[slug][near]=1,2', /geographic/],
    ['where[nosuchfield][equals]=1', /cannot be queried/],
  ])('answers a malformed query (%s) with 400 and a message', async (query, message) => {
    const { status, body } = await getJson<{ errors: Array<{ message: string }> }>(`/api/articles?${query}`)
    expect(status).toBe(400)
    expect(body.errors[0]?.message).toMatch(message)
  })

  it('hides users from anonymous callers', async () => {
    const { status } = await getJson('/api/users')
    expect(status).toBe(403)
  })
})

describe('GraphQL API', () => {
  async function graphql(query: string): Promise<{ status: number; body: Doc }> {
    const response = await fetch(`${baseUrl()}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    return { status: response.status, body: (await response.json()) as Doc }
  }

  it('returns the article, its image credit and license', async () => {
    const { status, body } = await graphql(
      `{ Articles(where: { slug: { equals: "${FIRST_SLUG}" } }) { docs { headline heroImage { creator sizes { w768 { url width } } license { spdxId deedUrl } } } } }`,
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs[0].heroImage).toMatchObject({
      creator: 'Официальный веб-сайт Президента Российской Федерации',
      sizes: { w768: { width: 768 } },
      license: { spdxId: 'CC-BY-4.0', deedUrl: 'https://creativecommons.org/licenses/by/4.0/' },
    })
  })

  it('rejects a broken query with a 4xx and a message', async () => {
    const { status, body } = await graphql('{ Articles { docs { nosuchfield } } }')
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(body.errors[0].message).toMatch(/nosuchfield/)
  })
})
