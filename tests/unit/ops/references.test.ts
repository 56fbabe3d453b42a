import { describe, expect, it } from '@jest/globals'
import type { FlattenedField } from 'payload'

import { importOrder, referencedCollections, remapDocument, type RemapId } from '../../../src/ops/transfer/references'

const fields = [
  { name: 'headline', type: 'text' },
  { name: 'heroImage', type: 'upload', relationTo: 'media' },
  { name: 'authors', type: 'relationship', relationTo: 'users', hasMany: true },
  { name: 'related', type: 'relationship', relationTo: ['articles', 'media'] },
  { name: 'body', type: 'richText' },
  { name: 'credit', type: 'group', virtual: true, flattenedFields: [] },
  { name: 'corrections', type: 'array', flattenedFields: [{ name: 'image', type: 'upload', relationTo: 'media' }] },
  { name: 'meta', type: 'group', flattenedFields: [{ name: 'license', type: 'relationship', relationTo: 'licenses' }] },
] as unknown as FlattenedField[]

const ids: Record<string, string> = { 'media:1': 'm-a', 'media:2': 'm-b', 'users:5': 'u-a', 'articles:9': 'a-a', 'licenses:3': 'l-a' }
const remap: RemapId = (collection, id) => {
  const mapped = ids[`${collection}:${id}`]
  if (!mapped) throw new Error(`unmapped ${collection}:${id}`)
  return mapped
}

describe('remapDocument', () => {
  it('rewrites every reference, at any depth and in rich text, and drops the id and virtual fields', () => {
    const doc = {
      id: 9,
      headline: 'Same',
      heroImage: 1,
      authors: [5],
      related: { relationTo: 'media', value: 2 },
      body: { root: { children: [{ type: 'upload', relationTo: 'media', value: 1, fields: null }, { type: 'link', fields: { doc: { relationTo: 'articles', value: 9 } } }] } },
      credit: { text: 'computed' },
      corrections: [{ image: 2, text: 'x' }],
      meta: { license: 3 },
      unknownField: 7,
    }
    expect(remapDocument(fields, doc, remap)).toEqual({
      headline: 'Same',
      heroImage: 'm-a',
      authors: ['u-a'],
      related: { relationTo: 'media', value: 'm-b' },
      body: { root: { children: [{ type: 'upload', relationTo: 'media', value: 'm-a', fields: null }, { type: 'link', fields: { doc: { relationTo: 'articles', value: 'a-a' } } }] } },
      corrections: [{ image: 'm-b', text: 'x' }],
      meta: { license: 'l-a' },
      unknownField: 7,
    })
  })

  it('accepts populated references and keeps empty ones', () => {
    expect(remapDocument(fields, { heroImage: { id: 1, alt: 'x' }, authors: null, meta: { license: null } }, remap)).toEqual({ heroImage: 'm-a', authors: null, meta: { license: null } })
  })

  it('fails on a reference the import has no target for', () => {
    expect(() => remapDocument(fields, { heroImage: 99 }, remap)).toThrow('unmapped media:99')
  })
})

describe('import order', () => {
  it('puts each collection after those it references, and names a cycle', () => {
    const references = new Map([
      ['articles', referencedCollections(fields)],
      ['media', new Set(['licenses'])],
      ['licenses', new Set<string>()],
      ['users', new Set<string>()],
    ])
    const order = importOrder(references)
    expect(order.indexOf('licenses')).toBeLessThan(order.indexOf('media'))
    expect(order.indexOf('media')).toBeLessThan(order.indexOf('articles'))
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('articles'))
    expect(() => importOrder(new Map([['a', new Set(['b'])], ['b', new Set(['a'])]]))).toThrow('cycle: a → b → a')
  })
})
