import { describe, expect, it } from '@jest/globals'

import { landingPages, pageCount, pageOfPosition, pagesFrom, parsePageNumber } from '../../src/lib/pagination'

describe('stable pages', () => {
  it('numbers pages from the oldest article', () => {
    expect(pageCount(0, 10)).toBe(1)
    expect(pageCount(10, 10)).toBe(1)
    expect(pageCount(11, 10)).toBe(2)
    expect(pageOfPosition(0, 10)).toBe(1)
    expect(pageOfPosition(9, 10)).toBe(1)
    expect(pageOfPosition(10, 10)).toBe(2)
  })

  it('shows the two newest pages on the landing page and leads to the one below', () => {
    expect(landingPages(0, 10)).toEqual({ pages: [1], older: null })
    expect(landingPages(10, 10)).toEqual({ pages: [1], older: null })
    expect(landingPages(11, 10)).toEqual({ pages: [2, 1], older: null })
    expect(landingPages(21, 10)).toEqual({ pages: [3, 2], older: 1 })
    expect(landingPages(100_000, 12)).toEqual({ pages: [8334, 8333], older: 8332 })
  })

  it('makes only the newest page stale when a new article arrives', () => {
    // 95 articles, a 96th is published: it sits at position 95, on page 10 of 10.
    expect(pagesFrom(95, 96, 10)).toEqual({ first: 10, last: 10 })
    // A 101st opens page 11; nothing below it moves.
    expect(pagesFrom(100, 101, 10)).toEqual({ first: 11, last: 11 })
    // An old article unpublished moves every page after it.
    expect(pagesFrom(5, 100, 10)).toEqual({ first: 1, last: 10 })
  })

  it('reads page numbers from path segments strictly', () => {
    expect(parsePageNumber('1')).toBe(1)
    expect(parsePageNumber('42')).toBe(42)
    for (const bad of [undefined, '', '0', '01', '-1', '1.5', '1e3', 'two', '99999999']) expect(parsePageNumber(bad)).toBeNull()
  })
})
