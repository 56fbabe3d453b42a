import { describe, expect, it } from '@jest/globals'

import { isPlainAnonymousRequest } from '../../src/server/beforeNext'
import { SEARCH_API_PARAMS } from '../../src/server/searchApi'

const TRUSTED = ['https://news.example']
const plain = (query: string, headers: Record<string, string> = {}) => isPlainAnonymousRequest({ headers, search: new URLSearchParams(query) }, TRUSTED, SEARCH_API_PARAMS)

describe('isPlainAnonymousRequest, for the search API', () => {
  it('takes an anonymous search with its own parameters, from anywhere but a trusted origin', () => {
    expect(plain('q=putin')).toBe(true)
    expect(plain('q=putin&page=2&limit=5&depth=0')).toBe(true)
    expect(plain('q=putin', { origin: 'https://elsewhere.example' })).toBe(true)
    expect(plain('q=putin', { cookie: 'theme=dark' })).toBe(true)
  })

  it('leaves to Payload whoever may be signed in, a trusted origin, and any other or repeated parameter', () => {
    expect(plain('q=putin', { cookie: 'payload-token=abc' })).toBe(false)
    expect(plain('q=putin', { authorization: 'users API-Key abc' })).toBe(false)
    expect(plain('q=putin', { origin: 'https://news.example' })).toBe(false)
    expect(plain('q=putin&draft=true')).toBe(false)
    expect(plain('q=putin&where[id][equals]=1')).toBe(false)
    expect(plain('q=putin&q=xi')).toBe(false)
  })
})
