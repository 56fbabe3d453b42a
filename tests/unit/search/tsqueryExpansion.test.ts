import { describe, expect, it } from '@jest/globals'

import { toTsquery } from '../../../src/lib/search/engines'
import { MAX_PREFIX_LEXEMES, prefixTokensOf, toExpandedTsquery } from '../../../src/lib/search/tsqueryExpansion'
import { parsedQuery } from '../../support/parsedQuery'

describe('prefixTokensOf', () => {
  it('lists the last token of each prefix item once; phrases and Chinese pairs are exact', () => {
    expect(prefixTokensOf(parsedQuery('Putin summit putin "trade talks" Путин 普京'))).toEqual(['putin', 'summit', 'путин'])
  })

  it('leaves out what the lexicon does not hold: a Chinese character stays a prefix', () => {
    const query = parsedQuery('京 Ωmega')
    expect(prefixTokensOf(query)).toEqual(['ωmega'])
    expect(toExpandedTsquery(query, new Map([['ωmega', ['ωmega']]]))).toBe("('京':*) & (('ωmega'))")
  })
})

describe('toExpandedTsquery', () => {
  it('writes each prefix as the lexemes it stands for', () => {
    const lexemes = new Map([
      ['putin', ['putin', 'putina']],
      ['summit', ['summit']],
    ])
    expect(toExpandedTsquery(parsedQuery('Putin summit "trade talks"'), lexemes)).toBe("(('putin' | 'putina')) & (('summit')) & ('trade' <-> 'talks')")
  })

  it('expands the prefix that ends a phrase (one Chinese character), in place', () => {
    expect(toExpandedTsquery(parsedQuery('"普京 京"'), new Map([['京', ['京城', '京']]]))).toBe("('普京' <-> '京' <-> ('京城' | '京'))")
  })

  it('keeps a prefix that stands for too many lexemes, or was not looked up, as it was', () => {
    const many = Array.from({ length: MAX_PREFIX_LEXEMES + 1 }, (_, index) => `a${index}`)
    const query = parsedQuery('a summit')
    expect(toExpandedTsquery(query, new Map([['a', many]]))).toBe(toTsquery(query))
    expect(toExpandedTsquery(query, new Map([['a', many.slice(0, MAX_PREFIX_LEXEMES)]]))).toContain("'a63'")
  })

  it('is null when a prefix stands for no lexeme: nothing can match every item', () => {
    expect(
      toExpandedTsquery(
        parsedQuery('putin zzz'),
        new Map([
          ['putin', ['putin']],
          ['zzz', []],
        ]),
      ),
    ).toBeNull()
  })

  it('quotes lexemes as tsquery text', () => {
    expect(toExpandedTsquery(parsedQuery('o'), new Map([['o', ["o'neil", 'o\\x']]]))).toBe("(('o''neil' | 'o\\\\x'))")
  })
})
