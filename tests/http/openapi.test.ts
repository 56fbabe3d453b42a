import { beforeAll, describe, expect, it } from '@jest/globals'
import { PayloadSDK } from '@payloadcms/sdk'
import { compileErrors, dereference, validate } from '@readme/openapi-parser'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { OpenAPIV3_1 } from 'openapi-types'

import type { Config, License, Media } from '../../src/payload-types'
import { FIRST_SLUG, baseUrl, get, getJson } from '../support/http'

type Doc = OpenAPIV3_1.Document

let document: Doc
let dereferenced: Doc

beforeAll(async () => {
  const { status, body } = await getJson<Doc>('/api/openapi.json')
  expect(status).toBe(200)
  document = body
  // The parser mutates what it is given: each step gets its own copy.
  dereferenced = (await dereference(structuredClone(body) as never)) as unknown as Doc
})

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, cacheable and purged with the site settings', async () => {
    const response = await get('/api/openapi.json')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('surrogate-key')).toBe('site')
    expect(document.openapi).toBe('3.1.0')
    const result = await validate(structuredClone(document) as never)
    expect(result.valid ? '' : compileErrors(result)).toBe('')
    expect(document.servers?.[0]?.url).toBe(baseUrl())
  })

  it('describes the public reads of articles, media and licenses with their query parameters', () => {
    for (const collection of ['articles', 'media', 'licenses']) {
      const list = document.paths?.[`/api/${collection}`]?.get
      expect(list?.parameters?.map((parameter) => ('name' in parameter ? parameter.name : null))).toEqual(['where', 'limit', 'page', 'sort', 'depth'])
      expect(document.paths?.[`/api/${collection}/{id}`]?.get?.responses?.['404']).toBeDefined()
      // Writes are not part of the public contract.
      expect(document.paths?.[`/api/${collection}`]?.post).toBeUndefined()
    }
  })

  it('includes the computed credit and license permissions, never the private permission note', () => {
    const media = document.components?.schemas?.Media as { properties: Record<string, { readOnly?: boolean; properties?: object }> }
    expect(media.properties.credit).toMatchObject({ readOnly: true, properties: { text: {}, html: {} } })
    expect(media.properties.licensePermissions).toMatchObject({ readOnly: true, properties: { commercialUse: {}, summary: {} } })
    expect(media.properties.contentCredentials).toMatchObject({ readOnly: true, properties: { label: {}, signedBy: {}, signedAt: {}, validationState: {}, valid: {}, actions: {} } })
    expect(media.properties).not.toHaveProperty('permissionNote')
    expect(document.components?.schemas?.Article).not.toHaveProperty('properties.author')
    expect(document.components?.schemas?.Error).toMatchObject({ required: ['errors'] })
  })
})

describe('contract: real REST responses match the document', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)

  function responseSchema(path: string, status: string): object {
    const response = dereferenced.paths?.[path]?.get?.responses?.[status] as OpenAPIV3_1.ResponseObject | undefined
    const schema = response?.content?.['application/json']?.schema
    if (!schema) throw new Error(`no schema for GET ${path} ${status}`)
    return schema
  }

  async function expectConforms(url: string, path: string, status: string): Promise<Record<string, unknown>> {
    const response = await getJson(url)
    expect(response.status).toBe(Number(status))
    const validate = ajv.compile(responseSchema(path, status))
    const valid = validate(response.body)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    return response.body
  }

  it('article lists at every depth, and one article by id', async () => {
    const list = await expectConforms(`/api/articles?where[slug][equals]=${FIRST_SLUG}&depth=2`, '/api/articles', '200')
    await expectConforms('/api/articles?depth=0&limit=5&sort=-publishedAt', '/api/articles', '200')
    const id = (list.docs as Array<{ id: number | string }>)[0]!.id
    await expectConforms(`/api/articles/${id}?depth=1`, '/api/articles/{id}', '200')
  })

  it('media with its computed credit, and licenses', async () => {
    const media = await expectConforms('/api/media?limit=5', '/api/media', '200')
    const image = (media.docs as Array<{ id: number | string }>)[0]!
    await expectConforms(`/api/media/${image.id}`, '/api/media/{id}', '200')
    await expectConforms('/api/licenses?limit=20', '/api/licenses', '200')
  })

  it('search results and a refused search', async () => {
    const found = await expectConforms('/api/articles/search?q=putin&depth=1', '/api/articles/search', '200')
    expect((found.docs as unknown[]).length).toBeGreaterThan(0)
    await expectConforms('/api/articles/search?q=', '/api/articles/search', '400')
  })

  it('errors: a missing document and a malformed query', async () => {
    await expectConforms('/api/articles/987654', '/api/articles/{id}', '404')
    await expectConforms('/api/articles?where[noSuchField][equals]=1', '/api/articles', '400')
  })

  it('would catch a response that breaks the contract', () => {
    const validate = ajv.compile(responseSchema('/api/media/{id}', '200'))
    expect(validate({ id: 1, alt: 'x', credit: { text: 42 } })).toBe(false)
  })
})

describe('API reference page', () => {
  it('is served from our own origin, assets included (no CDN)', async () => {
    const response = await get('/api/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await response.text()
    expect(html).toContain('<title>The Dispatch public API</title>')
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
    expect(assets.filter((url) => /^(https?:)?\/\//.test(url))).toEqual([])
    for (const asset of assets.filter((url) => url.startsWith('/api/docs/'))) {
      const file = await get(asset)
      expect(file.status).toBe(200)
      expect((await file.text()).length).toBeGreaterThan(10)
    }
    expect(assets).toEqual(expect.arrayContaining(['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/init.js']))
    expect((await get('/api/docs/..%2Fpackage.json')).status).toBe(404)
  })
})

describe('a real client: @payloadcms/sdk', () => {
  const sdk = new PayloadSDK<Config>({ baseURL: `${baseUrl()}/api` })

  it('fetches the article, its image with credit, and the license, as an API consumer would', async () => {
    const { docs } = await sdk.find({ collection: 'articles', where: { slug: { equals: FIRST_SLUG } }, depth: 0 })
    const article = docs[0]!
    expect(article.headline).toMatch(/Xi and Putin/)
    const imageId = article.heroImage as number | string
    const image: Media = await sdk.findByID({ collection: 'media', id: imageId, depth: 0 })
    expect(image.credit?.text).toBe('Photo: Официальный веб-сайт Президента Российской Федерации, CC BY 4.0')
    expect(image.licensePermissions?.commercialUse).toBe(true)
    // The seeded image's files are signed with this server's development chain, which it trusts.
    expect(image.contentCredentials).toMatchObject({ label: expect.stringMatching(/^urn:c2pa:/), validationState: 'Trusted', valid: true })
    const license: License = await sdk.findByID({ collection: 'licenses', id: image.license as number | string })
    expect(license).toMatchObject({ spdxId: 'CC-BY-4.0', shortName: 'CC BY 4.0', deedUrl: 'https://creativecommons.org/licenses/by/4.0/' })
  })
})
