import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { paragraphsToLexical } from '../../src/lib/richText'
import { FIRST_SLUG, adminToken, authHeaders, baseUrl, get, getJson, pngBlob, uploadForm, creditPageListing, type Doc } from '../support/http'

const CREATOR = 'Официальный веб-сайт Президента Российской Федерации'
let articleHtml: string

beforeAll(async () => {
  articleHtml = await (await get(`/articles/${FIRST_SLUG}`)).text()
})

function jsonLdOf(html: string): Doc[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Doc)
}

describe('credit for people', () => {
  it('marks up the article credit with CC REL RDFa: creator, license, scope', () => {
    const credit = /<small class="credit">(.*?)<\/small>/.exec(articleHtml)?.[1] ?? ''
    expect(credit).toMatch(/^<span about="http:\/\/127\.0\.0\.1:\d+\/api\/media\/file\/xi-putin-beijing-stand-in\.jpg" prefix="cc: http:\/\/creativecommons\.org\/ns# dct: http:\/\/purl\.org\/dc\/terms\/">/)
    expect(credit).toContain(`<a href="http://kremlin.ru/" property="cc:attributionName" rel="cc:attributionURL dct:creator" dir="auto">${CREATOR}</a>`)
    expect(credit).toContain('<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>')
  })

  it('lists every image in use on /credits with its credit, and each image’s own page the articles using it', async () => {
    const response = await get('/credits')
    const html = await response.text()
    expect(response.status).toBe(200)
    expect(html).toContain('<h1>Image credits</h1>')
    expect(html).toContain(`>${CREATOR}</a>`)
    const page = await creditPageListing(html, FIRST_SLUG)
    expect(page).toContain(`<a href="/articles/${FIRST_SLUG}">Xi and Putin reaffirm their ‘no limits’ partnership in Beijing</a>`)
    expect(page.replaceAll('<!-- -->', '')).toContain('License terms: CC BY 4.0: commercial use allowed')
    // React separates text parts with empty comments.
    expect(page.replaceAll('<!-- -->', '')).toMatch(/Content Credentials: signed by Publication development signer \(not trusted\), \d+ \w+ \d{4} · opened, [a-z., ]*edited\.metadata · verified/)
  })
})

describe('credit for machines', () => {
  it('puts a NewsArticle with a licensable ImageObject on the article page', () => {
    const [data] = jsonLdOf(articleHtml)
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Xi and Putin reaffirm their ‘no limits’ partnership in Beijing',
      datePublished: '2024-05-16T10:00:00.000Z',
      publisher: { '@type': 'Organization', name: 'The Dispatch' },
    })
    expect(data!.image[0]).toMatchObject({
      '@type': 'ImageObject',
      contentUrl: expect.stringMatching(/^http:\/\/[^/]+\/api\/media\/file\/xi-putin-beijing-stand-in\.jpg\?v=[\w-]+$/),
      license: 'https://creativecommons.org/licenses/by/4.0/',
      acquireLicensePage: 'http://kremlin.ru/',
      creditText: `Photo: ${CREATOR}, CC BY 4.0`,
      creator: { name: CREATOR },
      copyrightNotice: `© ${CREATOR}`,
    })
  })

  it('serves image files that carry the license in XMP', async () => {
    for (const name of ['xi-putin-beijing-stand-in.jpg', 'xi-putin-beijing-stand-in-w768.jpg']) {
      const response = await get(`/api/media/file/${name}`)
      const { xmp } = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
      expect(xmp?.toString('utf8')).toContain('<xmpRights:WebStatement>https://creativecommons.org/licenses/by/4.0/</xmpRights:WebStatement>')
      expect(xmp?.toString('utf8')).toContain(CREATOR)
    }
  })

  it('exposes the computed credit and permissions on media in REST, without extra requests', async () => {
    const { body } = await getJson<{ docs: Doc[] }>(`/api/articles?where[slug][equals]=${FIRST_SLUG}&depth=1`)
    const image = body.docs[0]!.heroImage
    expect(image.credit).toEqual({ text: `Photo: ${CREATOR}, CC BY 4.0`, html: expect.stringContaining('rel="license"') })
    expect(image.licensePermissions).toMatchObject({ commercialUse: true, modification: true, attributionRequired: true, shareAlike: false })
    expect(image).not.toHaveProperty('permissionNote')
  })

  it('exposes them in GraphQL too', async () => {
    const response = await fetch(`${baseUrl()}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ allMedia { docs { credit { text html } licensePermissions { commercialUse summary } } } }' }),
    })
    const body = (await response.json()) as Doc
    expect(body.errors).toBeUndefined()
    expect(body.data.allMedia.docs[0].credit.text).toBe(`Photo: ${CREATOR}, CC BY 4.0`)
    expect(body.data.allMedia.docs[0].licensePermissions).toEqual({ commercialUse: true, summary: expect.stringContaining('commercial use allowed') })
  })
})

describe('publishing rules over REST', () => {
  let token: string
  const created: Array<[string, number | string]> = []

  beforeAll(async () => {
    token = await adminToken()
  })

  afterAll(async () => {
    for (const [collection, id] of created.reverse()) await fetch(`${baseUrl()}/api/${collection}/${id}`, { method: 'DELETE', headers: authHeaders(token) })
  })

  it('answers publishing with a non-commercial image with 400 and the rule, and saves it as a draft', async () => {
    const license = (await getJson<{ docs: Doc[] }>('/api/licenses?where[spdxId][equals]=CC-BY-NC-4.0')).body.docs[0]!
    const form = uploadForm(await pngBlob(320, 200), 'nc-photo.png', { alt: 'A non-commercial photo', creator: 'Jane Doe', license: license.id })
    const media = (await (await fetch(`${baseUrl()}/api/media`, { method: 'POST', headers: authHeaders(token), body: form })).json()) as { doc: Doc }
    created.push(['media', media.doc.id])

    const data = { headline: 'NC image article', slug: 'nc-image-article', body: paragraphsToLexical(['x']), heroImage: media.doc.id }
    const publish = await fetch(`${baseUrl()}/api/articles`, { method: 'POST', headers: authHeaders(token, { 'content-type': 'application/json' }), body: JSON.stringify({ ...data, _status: 'published' }) })
    expect(publish.status).toBe(400)
    expect(((await publish.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe(
      'This article cannot be published: its image “A non-commercial photo” (nc-photo.png) may not be used here. ' +
        "The image's license (CC BY-NC 4.0) forbids commercial use, and this publication is commercial. You can still save it as a draft.",
    )

    const draft = await fetch(`${baseUrl()}/api/articles?draft=true`, { method: 'POST', headers: authHeaders(token, { 'content-type': 'application/json' }), body: JSON.stringify({ ...data, _status: 'draft' }) })
    expect(draft.status).toBe(201)
    created.push(['articles', ((await draft.json()) as { doc: Doc }).doc.id])
  })
})
