import { describe, expect, it } from '@jest/globals'
import { parse } from 'qs-esm'

import { findWhereProblem, type FieldKind, type QuerySchema } from '../../src/server/api/whereProblems'

// A small stand-in for a collection on a SQL adapter: numeric ids, a number, a date and a relationship.
const KINDS: Record<string, FieldKind> = {
  id: { type: 'id', idType: 'number' },
  filesize: { type: 'number' },
  publishedAt: { type: 'date' },
  heroImage: { type: 'id', idType: 'number' },
  'heroImage.width': { type: 'number' },
  'sizes.w320.width': { type: 'number' },
  slug: { type: 'other' },
}
const schema: QuerySchema = {
  fieldKind: (path) => KINDS[path] ?? null,
  operators: new Set(['equals', 'not_equals', 'in', 'not_in', 'like', 'not_like', 'contains', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']),
}
const problemFor = (query: string) => findWhereProblem(parse(query, { depth: 10 }).where, schema)

describe('findWhereProblem', () => {
  it.each([
    'where[slug][equals]=a',
    'where[slug][in]=a,b',
    'where[slug][in][0]=a&where[slug][in][1]=b',
    'where[or][0][slug][equals]=a&where[or][1][headline][like]=b',
    'where[and][0][publishedAt][greater_than]=2024-05-01',
    'where[filesize][less_than]=1000',
    'where[slug][exists]=true',
    'where[sizes][w320][width][equals]=320',
    'where[heroImage.license.spdxId][equals]=CC-BY-4.0',
    'where[slug][unknownop]=x',
    'limit=5',
    'where[id][in]=1,2,3',
    'where[id][equals]=12',
    'where[heroImage][equals]=null',
    'where[heroImage.width][greater_than]=300',
    'where[publishedAt][equals]=2024-05-16T00:00:00.000Z',
    'where[slug][equals]=abc',
  ])('accepts %s', (query) => {
    expect(problemFor(query)).toBeNull()
  })

  it.each([
    ['where=notjson', /must name a field and an operator/],
    ['where[slug]=x', /where\[slug\] needs an operator/],
    ['where[slug][equals][x]=1', /where\[slug\]\[equals\] must be a value, not a nested object/],
    ['where[slug][equals][0]=a&where[slug][equals][1]=b', /takes one value; use "in"/],
    ['where[publishedAt][greater_than]=notadate', /compares numbers or dates; "notadate" is neither/],
    ['where[slug][near]=1,2', /geographic operators/],
    ['where[slug][exists]=maybe', /must be true or false/],
    ['where[or]=x', /must be a list of conditions/],
    ['where[or][0]=x', /where\[or\]\[0\] must name a field/],
    ['where[id][in]=a,b,c', /where\[id\]\[in\]: "a" is not an id \(ids here are whole numbers\)/],
    ['where[id][not_in][0]=1&where[id][not_in][1]=x', /"x" is not an id/],
    ['where[id][equals]=1e999', /"1e999" is not an id/],
    ['where[heroImage][equals]=abc', /where\[heroImage\]\[equals\]: "abc" is not an id/],
    ['where[sizes][w320][width][equals]=wide', /compares a number; "wide" is not one/],
    ['where[heroImage.width][not_equals]=', /compares a number; "" is not one/],
    ['where[publishedAt][equals]=yesterday', /compares a date .* "yesterday" is not one/],
    ['where[slug][all]=a', /the "all" operator is not available with this database/],
  ])('rejects %s', (query, message) => {
    expect(problemFor(query)).toMatch(message)
  })

  it('rejects absurd nesting', () => {
    const deep = 'where' + '[or][0]'.repeat(12) + '[slug][equals]=a'
    expect(findWhereProblem(parse(deep, { depth: 40 }).where, schema)).toMatch(/nested too deeply/)
  })
})
