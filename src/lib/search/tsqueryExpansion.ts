import { tsLexeme } from './engines'
import type { SearchQuery } from './query'

/**
 * A prefix that stands for more lexemes than this stays a prefix (`京:*`, `a:*`): GIN then reads
 * one range of its entries, which beats that many separate lookups.
 */
export const MAX_PREFIX_LEXEMES = 64

/** The lexemes each prefix token stands for, as found in the index's lexicon (up to one past the limit). */
export type PrefixLexemes = ReadonlyMap<string, readonly string[]>

/**
 * The lexicon holds lexemes that start below U+2E80 only (Latin, Cyrillic, Greek, …): from there
 * on are the Chinese characters, whose pairs would make it millions of rows, and a one-character
 * Chinese prefix stands for more than MAX_PREFIX_LEXEMES pairs anyway. Such a prefix stays one.
 * The migration …_search_prefix_lexemes filters with the same bound.
 */
export const LEXICON_BELOW = 0x2e80

/** The tokens of a query to match as the lexemes they stand for: the last of each prefix item, once each, if the lexicon holds them. */
export function prefixTokensOf(query: SearchQuery): string[] {
  const prefixes = query.items.flatMap((item) => (item.prefix ? [item.tokens[item.tokens.length - 1]!] : []))
  return [...new Set(prefixes.filter((token) => token.codePointAt(0)! < LEXICON_BELOW))]
}

/**
 * toTsquery's match, with each prefix written as the lexemes it stands for: `putin:*` as
 * `('putin' | 'putina')`, in a phrase too (`'trade' <-> ('talk' | 'talks')`). It matches the same
 * articles when `lexemes` lists every lexeme the index holds that starts with the prefix. Null
 * when a prefix stands for none: nothing matches every item. Only for matching: ts_rank scores a
 * prefix as one item, so ranking keeps toTsquery.
 */
export function toExpandedTsquery(query: SearchQuery, lexemes: PrefixLexemes): string | null {
  const items: string[] = []
  for (const item of query.items) {
    const last = item.tokens.length - 1
    const parts: string[] = []
    for (const [index, token] of item.tokens.entries()) {
      const found = item.prefix && index === last ? lexemes.get(token) : undefined
      if (found === undefined || found.length > MAX_PREFIX_LEXEMES) parts.push(`${tsLexeme(token)}${item.prefix && index === last ? ':*' : ''}`)
      else if (found.length === 0) return null
      else parts.push(`(${found.map(tsLexeme).join(' | ')})`)
    }
    items.push(`(${parts.join(' <-> ')})`)
  }
  return items.join(' & ')
}
