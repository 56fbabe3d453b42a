import { describe, expect, it } from '@jest/globals'

import { distinctQueries, SEARCH_BENCH_QUERIES, syntheticArticle } from '../../../scripts/lib/searchBench'

describe('search bench helpers', () => {
  it('makes distinct queries of the bench queries and words of the archive’s own headlines', () => {
    const queries = distinctQueries(300, 200)
    expect(new Set(queries).size).toBe(300)
    expect(queries.slice(0, SEARCH_BENCH_QUERIES.length).map((query) => query.split(' ')[0])).toEqual(SEARCH_BENCH_QUERIES.map(([, query]) => query.split(' ')[0]))
    const headlines = Array.from({ length: 200 }, (_, n) => syntheticArticle(n).headline.toLowerCase()).join(' ')
    for (const query of queries) expect(headlines).toContain(query.split(' ').at(-1))
  })

  it('makes the same synthetic article for the same number, in three scripts', () => {
    expect(syntheticArticle(7)).toEqual(syntheticArticle(7))
    expect(syntheticArticle(7)).not.toEqual(syntheticArticle(8))
    const text = Array.from({ length: 50 }, (_, n) => syntheticArticle(n).paragraphs.join(' ')).join(' ')
    expect(text).toMatch(/\p{Script=Han}/u)
    expect(text).toMatch(/\p{Script=Cyrillic}/u)
    expect(text).toMatch(/summit/i)
  })
})
