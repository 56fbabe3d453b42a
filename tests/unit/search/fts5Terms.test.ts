import { describe, expect, it } from '@jest/globals'

import { toFts5Match, toFts5TierMatches } from '../../../src/lib/search/engines'
import { fts5PrefixTokensOf, MAX_FTS5_PREFIX_TERMS, writableTerms } from '../../../src/lib/search/fts5Terms'
import type { SearchQuery } from '../../../src/lib/search/query'
import { parsedQuery } from '../../support/parsedQuery'

describe('fts5PrefixTokensOf', () => {
  it('looks up the words of longer prefixes only: FTS5 keeps lists of 2- to 4-character prefixes, and Chinese stays a prefix', () => {
    expect(fts5PrefixTokensOf(parsedQuery('Putin xi sum nato "trade talks" Путин 京 普京 summit'))).toEqual(['putin', 'путин', 'summit'])
  })
})

describe('writableTerms', () => {
  it('keeps prefixes that stand for at most MAX_FTS5_PREFIX_TERMS words, including none', () => {
    const many = Array.from({ length: MAX_FTS5_PREFIX_TERMS + 1 }, (_, index) => `bame${index}`)
    const found = new Map([
      ['putin', ['putin', 'putina']],
      ['bame', many],
      ['edge', many.slice(0, MAX_FTS5_PREFIX_TERMS)],
      ['nowhere', []],
    ])
    expect([...writableTerms(found).keys()]).toEqual(['putin', 'edge', 'nowhere'])
  })
})

describe('toFts5Match with the words prefixes stand for', () => {
  it('writes a listed prefix as its words, one word as a plain word; others stay prefixes', () => {
    const terms = new Map([
      ['путин', ['путин', 'путина']],
      ['summit', ['summit']],
    ])
    expect(toFts5Match(parsedQuery('Путин summit trade "no limits" 京'), terms)).toBe('("путин" OR "путина") AND "summit" AND "trade"* AND "no limits" AND "京"*')
  })

  it('keeps a phrase’s earlier tokens before each word, and stays a prefix when it stands for none', () => {
    const query: SearchQuery = { text: 'x', items: [{ tokens: ['trade', 'talk'], prefix: true }, { tokens: ['zzz'], prefix: true }], highlights: [] }
    expect(toFts5Match(query, new Map([['talk', ['talk', 'talks']], ['zzz', []]]))).toBe('("trade talk" OR "trade talks") AND "zzz"*')
  })

  it('uses the same words in every tier', () => {
    const terms = new Map([['putin', ['putin', 'putina']]])
    const [headline] = toFts5TierMatches(parsedQuery('Putin'), terms)
    expect(headline).toBe('(("putin" OR "putina")) AND ({headline} : (("putin" OR "putina")))')
  })
})
