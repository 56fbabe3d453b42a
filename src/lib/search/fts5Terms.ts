import type { PrefixTerms } from './engines'
import type { SearchQuery } from './query'
import { prefixTokensOf } from './tsqueryExpansion'

/** The prefix lengths, in characters, that the FTS5 index keeps lists of (`prefix='2 3 4'`, migration …_search_prefixes). */
export const FTS5_PREFIX_INDEX_LENGTHS: readonly number[] = [2, 3, 4]

/**
 * A prefix that stands for more words than this stays a prefix. Measured on the 100,000-article
 * archive: `bamed*` (5 words) matched as its words took half the time of the prefix, `bame*`
 * (48 words) a third more.
 */
export const MAX_FTS5_PREFIX_TERMS = 8

/**
 * The prefixes worth writing as the words they stand for. FTS5 matches any other prefix by first
 * merging the lists of every word it starts into one, each time, even to count: `putin*` costs
 * the whole list of Putin's 25,000 articles in every statement. A word's own list is read only
 * where needed. Left alone: prefixes of the lengths FTS5 keeps lists of, and Chinese ones (as
 * PostgreSQL's; one character starts hundreds of pairs).
 */
export function fts5PrefixTokensOf(query: SearchQuery): string[] {
  return prefixTokensOf(query).filter((token) => !FTS5_PREFIX_INDEX_LENGTHS.includes([...token].length))
}

/** Only the prefixes that stand for few enough words: the others stay prefixes in the match. */
export function writableTerms(found: PrefixTerms): PrefixTerms {
  return new Map([...found].filter(([, words]) => words.length <= MAX_FTS5_PREFIX_TERMS))
}
