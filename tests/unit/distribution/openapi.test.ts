import { describe, expect, it } from '@jest/globals'

import { toOpenApiDocument } from '../../../src/lib/openapi/document'
import type { PublicSchemas } from '../../../src/lib/openapi/types'
import { ORIGIN, siteWith } from './fixtures'

const input: PublicSchemas = {
  idType: 'number',
  apiRoute: '/api',
  schemas: {
    articles: { type: 'object', properties: { heroImage: { oneOf: [{ type: ['number', 'null'] }, { $ref: '#/definitions/media' }] }, body: { type: 'object', properties: { t: { type: 'string', tsType: 'any' } } } } },
    media: { type: 'object', properties: { license: { oneOf: [{ type: 'number' }, { $ref: '#/definitions/licenses' }] } } },
    licenses: { type: 'object', properties: { spdxId: { type: 'string' } } },
    sections: { type: 'object', properties: { name: { type: 'string' } } },
    authors: { type: 'object', properties: { name: { type: 'string' }, photo: { oneOf: [{ type: ['number', 'null'] }, { $ref: '#/definitions/media' }] } } },
  },
}

describe('OpenAPI document', () => {
  it('points Payload’s references at components and drops TypeScript hints', () => {
    const doc = toOpenApiDocument(input, { origin: ORIGIN, site: siteWith() }) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } }
    expect(doc.components.schemas.Article?.properties.heroImage).toEqual({ oneOf: [{ type: ['number', 'null'] }, { $ref: '#/components/schemas/Media' }] })
    expect(doc.components.schemas.Media?.properties.license).toEqual({ oneOf: [{ type: 'number' }, { $ref: '#/components/schemas/License' }] })
    expect(JSON.stringify(doc)).not.toContain('tsType')
    expect(JSON.stringify(doc)).not.toContain('#/definitions/')
  })

  it('refuses to refer to a collection that is not public', () => {
    const leaky = { ...input, schemas: { ...input.schemas, articles: { properties: { author: { $ref: '#/definitions/users' } } } } }
    expect(() => toOpenApiDocument(leaky, { origin: ORIGIN, site: siteWith() })).toThrow('"users": it is not a public collection')
  })

  it('types ids as the database does (numbers in SQL, strings in MongoDB)', () => {
    const doc = toOpenApiDocument({ ...input, idType: 'string' }, { origin: ORIGIN, site: siteWith() }) as { paths: Record<string, { get: { parameters: Array<{ name: string; schema: unknown }> } }> }
    expect(doc.paths['/api/media/{id}']?.get.parameters.find((parameter) => parameter.name === 'id')?.schema).toEqual({ type: 'string' })
  })

  it('links the TDM policy in info only when reserved', () => {
    const reserved = toOpenApiDocument(input, { origin: ORIGIN, site: siteWith({ tdm: 'reserved' }) }) as { info: Record<string, unknown> }
    expect(reserved.info).toMatchObject({ title: 'The Dispatch public API', termsOfService: `${ORIGIN}/.well-known/tdmrep.json`, 'x-tdm-reservation': 1 })
    const allowed = toOpenApiDocument(input, { origin: ORIGIN, site: siteWith({ tdm: 'allowed' }) }) as { info: Record<string, unknown> }
    expect(Object.keys(allowed.info).filter((key) => /tdm|terms/i.test(key))).toEqual([])
  })
})
