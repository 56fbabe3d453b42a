import { describe, expect, it } from '@jest/globals'

import { pageAcrossTiers, type TierRanker } from '../../../src/lib/search/tiers'

/** Tiers as ranked lists of ids; records which tiers were counted and ranked. */
function rankerOf(tiers: string[][]) {
  const counted: number[] = []
  const ranked: number[] = []
  const ranker: TierRanker<string> = {
    tiers: tiers.length,
    count: async (tier) => {
      counted.push(tier)
      return tiers[tier]!.length
    },
    rank: async (tier, limit, offset) => {
      ranked.push(tier)
      return tiers[tier]!.slice(offset, offset + limit)
    },
  }
  return { ranker, counted, ranked, total: tiers.flat().length, all: tiers.flat() }
}

describe('pageAcrossTiers', () => {
  const tiers = [['h1', 'h2', 'h3'], ['s1', 's2'], ['b1', 'b2', 'b3', 'b4']]

  it('gives every page as the slice of all tiers in order, at any page size', async () => {
    for (const limit of [1, 2, 3, 4, 10]) {
      for (let offset = 0; offset < 11; offset += limit) {
        const { ranker, total, all } = rankerOf(tiers)
        expect(await pageAcrossTiers(ranker, total, { limit, offset })).toEqual(all.slice(offset, offset + limit))
      }
    }
  })

  it('ranks only the tiers the page reaches, and never counts the last tier', async () => {
    const first = rankerOf(tiers)
    expect(await pageAcrossTiers(first.ranker, first.total, { limit: 2, offset: 0 })).toEqual(['h1', 'h2'])
    expect(first.ranked).toEqual([0])
    expect(first.counted).toEqual([])

    const body = rankerOf(tiers)
    expect(await pageAcrossTiers(body.ranker, body.total, { limit: 2, offset: 6 })).toEqual(['b2', 'b3'])
    expect(body.ranked).toEqual([2])
    expect(body.counted).toEqual([0, 1])
  })

  it('counts no tier a page starts in: a short slice gives its size', async () => {
    const across = rankerOf(tiers)
    expect(await pageAcrossTiers(across.ranker, across.total, { limit: 7, offset: 0 })).toEqual(['h1', 'h2', 'h3', 's1', 's2', 'b1', 'b2'])
    expect(across.ranked).toEqual([0, 1, 2])
    expect(across.counted).toEqual([])

    const fromStandfirst = rankerOf(tiers)
    expect(await pageAcrossTiers(fromStandfirst.ranker, fromStandfirst.total, { limit: 3, offset: 4 })).toEqual(['s2', 'b1', 'b2'])
    expect(fromStandfirst.counted).toEqual([0, 1])
    expect(fromStandfirst.ranked).toEqual([1, 2])
  })

  it('gives nothing past the end, and handles empty tiers', async () => {
    const past = rankerOf(tiers)
    expect(await pageAcrossTiers(past.ranker, past.total, { limit: 5, offset: 9 })).toEqual([])
    expect(past.ranked).toEqual([])
    const gaps = rankerOf([[], ['s1'], ['b1']])
    expect(await pageAcrossTiers(gaps.ranker, gaps.total, { limit: 10, offset: 0 })).toEqual(['s1', 'b1'])
  })
})
