import { describe, expect, it } from '@jest/globals'

import { toFts5Match, toFts5TierMatches, toMongoTextSearch, toTsquery, toTsqueryAnyItem } from '../../../src/lib/search/engines'
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, parseQuery, splitPhrases } from '../../../src/lib/search/query'
import { bigramsOf, foldFully, foldText, toIndexText } from '../../../src/lib/search/text'
import { parsedQuery } from '../../support/parsedQuery'

describe('foldText', () => {
  it('folds case and Latin and Cyrillic diacritics, and NFKC forms', () => {
    expect(foldText('Émile Zoë SÃO Paulo')).toBe('emile zoe sao paulo')
    expect(foldText('Ёлка Путин')).toBe('елка путин')
    expect(foldText('ＰＵＴＩＮ ﬁnal')).toBe('putin final')
    expect(foldText('Łódź Straße')).toBe('lodz strasse')
  })

  it('leaves Chinese characters alone', () => {
    expect(foldText('习近平')).toBe('习近平')
  })

  it('folds every character as the whole folding does, the ones it only lower-cases included', () => {
    const differing: string[] = []
    for (let code = 0; code <= 0xffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const char = String.fromCharCode(code)
      if (foldText(char) !== foldFully(char)) differing.push(char)
    }
    expect(differing).toEqual([])
  })

  it('folds mixed text as the whole folding does', () => {
    const alphabet = ['a', 'Z', ' ', '-', 'Д', 'ж', 'Й', 'й', 'ё', 'é', '\u0301', '\u0306', '习', '。', '«', '—', 'ﬁ', 'Ｐ', 'ß', '\u00a0', '…']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let sample = 0; sample < 2000; sample += 1) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('')
      expect(foldText(text)).toBe(foldFully(text))
    }
    expect(foldText('Путин и Си Цзиньпин')).toBe('путин и си цзиньпин')
  })
})

describe('toIndexText', () => {
  it('splits words at punctuation and keeps one space between tokens', () => {
    expect(toIndexText('Putin’s  summit—in Beijing!')).toBe('putin s summit in beijing')
  })

  it('cuts Chinese runs into overlapping bigrams, ending on the lone last character', () => {
    expect(bigramsOf('习近平')).toEqual(['习近', '近平'])
    expect(toIndexText('习近平会见普京')).toBe('习近 近平 平会 会见 见普 普京 京')
    expect(toIndexText('京')).toBe('京')
  })

  it('separates Chinese from Latin inside one word', () => {
    expect(toIndexText('iPhone手机')).toBe('iphone 手机 机')
  })

  it('gives nothing for empty text', () => {
    expect(toIndexText(null)).toBe('')
    expect(toIndexText('  ...  ')).toBe('')
  })
})

describe('splitPhrases', () => {
  it('keeps quoted phrases together, in straight, curly and guillemet quotes', () => {
    expect(splitPhrases('summit "no limits" «Си Цзиньпин» “Red Square”')).toEqual([
      { text: 'summit ', phrase: false },
      { text: 'no limits', phrase: true },
      { text: ' ', phrase: false },
      { text: 'Си Цзиньпин', phrase: true },
      { text: ' ', phrase: false },
      { text: 'Red Square', phrase: true },
    ].filter((part) => part.text.trim() !== ''))
  })

  it('reads an unclosed quote as loose words', () => {
    expect(splitPhrases('"no limits')).toEqual([{ text: ' no limits', phrase: false }])
  })
})

describe('parseQuery', () => {
  it('makes each loose word a prefix, so inflected forms match', () => {
    expect(parsedQuery('Путин Summit').items).toEqual([
      { tokens: ['путин'], prefix: true },
      { tokens: ['summit'], prefix: true },
    ])
  })

  it('matches a quoted phrase exactly, tokens side by side', () => {
    expect(parsedQuery('"Владимир Путин"').items).toEqual([{ tokens: ['владимир', 'путин'], prefix: false }])
  })

  it('turns a Chinese word into its bigrams, and one character into a prefix', () => {
    expect(parsedQuery('普京').items).toEqual([{ tokens: ['普京'], prefix: false }])
    expect(parsedQuery('习近平').items).toEqual([{ tokens: ['习近', '近平'], prefix: false }])
    expect(parsedQuery('京').items).toEqual([{ tokens: ['京'], prefix: true }])
  })

  it('matches a Chinese phrase as stored, leaving out the end-of-run token it may continue past', () => {
    expect(parsedQuery('"普京 访华"').items).toEqual([{ tokens: ['普京', '京', '访华'], prefix: false }])
    expect(parsedQuery('"普京 说"').items).toEqual([{ tokens: ['普京', '京', '说'], prefix: true }])
  })

  it('drops repeated words and lists what to highlight', () => {
    const query = parsedQuery('putin PUTIN "red square" 普京')
    expect(query.items).toHaveLength(3)
    expect(query.highlights).toEqual([
      { kind: 'prefix', value: 'putin' },
      { kind: 'prefix', value: 'putin' },
      { kind: 'exact', value: 'red' },
      { kind: 'exact', value: 'square' },
      { kind: 'han', value: '普京' },
    ])
  })

  it('refuses an empty, an over-long and an over-crowded query with a message', () => {
    expect(parseQuery('  !!  ')).toMatchObject({ ok: false, reason: 'empty' })
    expect(parseQuery(undefined)).toMatchObject({ ok: false, reason: 'empty' })
    expect(parseQuery('a'.repeat(MAX_QUERY_LENGTH))).toMatchObject({ ok: true })
    expect(parseQuery('a'.repeat(MAX_QUERY_LENGTH + 1))).toMatchObject({ ok: false, reason: 'too-long', message: expect.stringContaining(String(MAX_QUERY_LENGTH)) })
    const words = Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, index) => `word${index}`).join(' ')
    expect(parseQuery(words)).toMatchObject({ ok: false, reason: 'too-many-terms' })
  })
})

describe('engine query strings', () => {
  it('FTS5: quoted tokens, a star for prefixes, AND between items', () => {
    expect(toFts5Match(parsedQuery('Путин "no limits" 习近平 京'))).toBe('"путин"* AND "no limits" AND "习近 近平" AND "京"*')
  })

  it('FTS5: operators and quotes typed by a reader stay text', () => {
    expect(toFts5Match(parsedQuery('NEAR(a b) OR "x'))).toBe('"near"* AND "a"* AND "b"* AND "or"* AND "x"*')
  })

  it('FTS5 tiers: some item in the headline; else in the standfirst; else the body only', () => {
    const all = '("putin"* AND "no limits")'
    const anyIn = (column: string) => `({${column}} : ("putin"* OR "no limits"))`
    expect(toFts5TierMatches(parsedQuery('Putin "no limits"'))).toEqual([
      `${all} AND ${anyIn('headline')}`,
      `(${all} AND ${anyIn('standfirst')}) NOT ${anyIn('headline')}`,
      `${all} NOT (${anyIn('headline')} OR ${anyIn('standfirst')})`,
    ])
  })

  it('PostgreSQL: quoted lexemes, :* for prefixes, <-> for phrases', () => {
    expect(toTsquery(parsedQuery('Путин "no limits" 习近平'))).toBe("('путин':*) & ('no' <-> 'limits') & ('习近' <-> '近平')")
  })

  it('PostgreSQL: the tier query matches any item, applied to one column vector', () => {
    expect(toTsqueryAnyItem(parsedQuery('putin "no limits"'))).toBe("('putin':*) | ('no' <-> 'limits')")
  })

  it('MongoDB: every item quoted so all must match', () => {
    expect(toMongoTextSearch(parsedQuery('Путин 习近平'))).toBe('"путин" "习近 近平"')
  })
})

describe('MongoDB search', () => {
  it('asks the text index for published articles, best text score first, newer on ties', async () => {
    const { toMongoSearch, MONGO_TEXT_INDEX } = await import('../../../src/domain/search/mongo')
    expect(toMongoSearch(parsedQuery('Путин "no limits"'))).toEqual({
      filter: { $text: { $search: '"путин" "no limits"', $language: 'none' }, _status: 'published' },
      projection: { _id: 1, score: { $meta: 'textScore' } },
      sort: { score: { $meta: 'textScore' }, publishedAt: -1, _id: -1 },
    })
    expect(MONGO_TEXT_INDEX.keys).toEqual({ searchHeadline: 'text', searchStandfirst: 'text', searchBody: 'text' })
    expect(MONGO_TEXT_INDEX.options.weights.searchHeadline).toBeGreaterThan(MONGO_TEXT_INDEX.options.weights.searchStandfirst)
    expect(MONGO_TEXT_INDEX.options.weights.searchStandfirst).toBeGreaterThan(MONGO_TEXT_INDEX.options.weights.searchBody)
  })

  it('creates that index through the adapter’s collection', async () => {
    const { ensureMongoSearchIndex, MONGO_TEXT_INDEX } = await import('../../../src/domain/search/mongo')
    const calls: unknown[] = []
    const payload = { db: { collections: { articles: { createIndex: async (...args: unknown[]) => void calls.push(args) } } } }
    await ensureMongoSearchIndex(payload as never)
    expect(calls).toEqual([[MONGO_TEXT_INDEX.keys, MONGO_TEXT_INDEX.options]])
  })
})
