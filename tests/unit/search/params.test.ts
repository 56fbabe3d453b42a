import { describe, expect, it } from '@jest/globals'

import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_OFFSET, readSearchParams } from '../../../src/lib/search/params'

const bounds = { maxLimit: 100, maxDepth: 3, defaultDepth: 2 }

describe('readSearchParams', () => {
  it('fills defaults', () => {
    expect(readSearchParams({ q: 'putin' }, bounds)).toEqual({ ok: true, q: 'putin', page: 1, limit: DEFAULT_SEARCH_LIMIT, depth: 2 })
    expect(readSearchParams({}, bounds)).toMatchObject({ ok: true, q: '' })
  })

  it('takes whole numbers within bounds', () => {
    expect(readSearchParams({ q: 'x', page: '3', limit: '100', depth: '0' }, bounds)).toEqual({ ok: true, q: 'x', page: 3, limit: 100, depth: 0 })
  })

  it('refuses the rest with a message naming the parameter', () => {
    expect(readSearchParams({ limit: '101' }, bounds)).toEqual({ ok: false, message: 'limit must be a whole number from 1 to 100.' })
    expect(readSearchParams({ limit: '0' }, bounds)).toMatchObject({ ok: false })
    expect(readSearchParams({ depth: '4' }, bounds)).toEqual({ ok: false, message: 'depth must be a whole number from 0 to 3.' })
    expect(readSearchParams({ page: '-1' }, bounds)).toMatchObject({ ok: false, message: expect.stringMatching(/^page must be/) })
    expect(readSearchParams({ page: '1e3' }, bounds)).toMatchObject({ ok: false })
  })

  it('stops paging at the first results the engine ranks', () => {
    expect(readSearchParams({ page: String(MAX_SEARCH_OFFSET / 10), limit: '10' }, bounds)).toMatchObject({ ok: true })
    expect(readSearchParams({ page: String(MAX_SEARCH_OFFSET / 10 + 1), limit: '10' }, bounds)).toMatchObject({ ok: false, message: expect.stringContaining('first 10000 results') })
  })
})
