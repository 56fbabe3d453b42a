import { describe, expect, it } from '@jest/globals'

import { findWhereProblem } from '../../src/lib/api/whereProblems'
import { withValidWhere } from '../../src/lib/api/withValidWhere'

/**
 * Through the REST wrapper itself, so the query string is parsed exactly as in production; the
 * wrapped handler answers 200 "passed" when the guard lets a query through.
 */
const guarded = withValidWhere(async () => new Response('passed'))

async function problemFor(query: string): Promise<string | null> {
  const response = await guarded(new Request(`http://localhost/api/articles?${query}`), { params: Promise.resolve({ slug: ['articles'] }) })
  if (response.status === 200) return null
  expect(response.status).toBe(400)
  return ((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message
}

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
  ])('accepts %s', async (query) => {
    expect(await problemFor(query)).toBeNull()
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
  ])('rejects %s', async (query, message) => {
    expect(await problemFor(query)).toMatch(message)
  })

  it('rejects absurd nesting in a parsed structure', () => {
    // Built directly: production parsing (depth 10) stops structuring a query string before this depth.
    let deep: unknown = { slug: { equals: 'a' } }
    for (let level = 0; level < 12; level += 1) deep = { or: [deep] }
    expect(findWhereProblem(deep)).toMatch(/nested too deeply/)
  })
})
