import { describe, expect, it } from '@jest/globals'

import { parseWrk, syntheticArticle } from '../../../scripts/lib/searchBench'

describe('search bench helpers', () => {
  it('reads p50, p99, req/s and non-2xx answers from wrk --latency', () => {
    const output = `Running 10s test @ http://127.0.0.1:3000/api/articles/search?q=x
  2 threads and 8 connections
  Latency Distribution
     50%  812.00us
     75%    1.20ms
     90%    2.00ms
     99%   15.31ms
  1234 requests in 10.00s, 1.00MB read
  Non-2xx or 3xx responses: 3
Requests/sec:    123.45
`
    expect(parseWrk(output)).toEqual({ p50: 0.812, p99: 15.31, rps: 123.45, non2xx: 3 })
    expect(() => parseWrk('nothing')).toThrow(/50%/)
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
