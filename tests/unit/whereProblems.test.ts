import { describe, expect, it } from '@jest/globals'
import { parse } from 'qs-esm'

import { findWhereProblem } from '../../src/lib/api/whereProblems'

const problemFor = (query: string) => findWhereProblem(parse(query, { depth: 10 }).where)

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
  ])('rejects %s', (query, message) => {
    expect(problemFor(query)).toMatch(message)
  })

  it('rejects absurd nesting', () => {
    const deep = 'where' + '[or][0]'.repeat(12) + '[slug][equals]=a'
    expect(findWhereProblem(parse(deep, { depth: 40 }).where)).toMatch(/nested too deeply/)
  })
})
