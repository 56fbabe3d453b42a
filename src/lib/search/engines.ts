import type { QueryItem, SearchQuery } from './query'

/**
 * The query in each engine's own syntax. Tokens are already folded and split exactly as the
 * index was (src/lib/search/text.ts), so each engine only matches tokens; everything a reader
 * types is quoted, never read as operators.
 */

const fts5String = (token: string) => `"${token.replaceAll('"', '""')}"`

/**
 * The words of the index that start with a prefix token, as the index holds them (fts5Terms.ts
 * says which prefixes are looked up, and how many words at most are written out).
 */
export type PrefixTerms = ReadonlyMap<string, readonly string[]>

/**
 * One item; a prefix that `terms` lists (and that stands for at least one word) is written as
 * those words, `("putin" OR "putina")`, a phrase's earlier tokens kept before each.
 */
function fts5Item(item: QueryItem, terms: PrefixTerms): string {
  const words = item.prefix ? terms.get(item.tokens[item.tokens.length - 1]!) : undefined
  if (!words?.length) return `${fts5String(item.tokens.join(' '))}${item.prefix ? '*' : ''}`
  const phrases = words.map((word) => fts5String([...item.tokens.slice(0, -1), word].join(' ')))
  return phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`
}

const fts5Items = (query: SearchQuery, terms: PrefixTerms) => query.items.map((item) => fts5Item(item, terms))

const NO_TERMS: PrefixTerms = new Map()

/**
 * SQLite FTS5 MATCH expression: every item (a word, or tokens side by side) must match. With
 * `terms`, the prefixes it lists match those words: the same articles when it lists every word
 * the index holds with that prefix.
 */
export function toFts5Match(query: SearchQuery, terms: PrefixTerms = NO_TERMS): string {
  return fts5Items(query, terms).join(' AND ')
}

/**
 * The query's matches split into the ranking tiers, as FTS5 MATCH expressions: some item in the
 * headline; else some item in the standfirst; else (the body only). Together exactly the matches
 * of toFts5Match, each in one tier.
 */
export function toFts5TierMatches(query: SearchQuery, terms: PrefixTerms = NO_TERMS): [string, string, string] {
  const all = `(${toFts5Match(query, terms)})`
  const anyIn = (column: 'headline' | 'standfirst') => `({${column}} : (${fts5Items(query, terms).join(' OR ')}))`
  return [`${all} AND ${anyIn('headline')}`, `(${all} AND ${anyIn('standfirst')}) NOT ${anyIn('headline')}`, `${all} NOT (${anyIn('headline')} OR ${anyIn('standfirst')})`]
}

/** One lexeme, quoted for tsquery text. */
export const tsLexeme = (token: string) => `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`

function tsItem(item: QueryItem): string {
  return item.tokens.map((token, index) => `${tsLexeme(token)}${item.prefix && index === item.tokens.length - 1 ? ':*' : ''}`).join(' <-> ')
}

/** PostgreSQL tsquery text for `to_tsquery('simple', …)`: all items, `<->` keeping tokens side by side. */
export function toTsquery(query: SearchQuery): string {
  return query.items.map((item) => `(${tsItem(item)})`).join(' & ')
}

/**
 * Matches when any item occurs: applied to the headline's or the standfirst's own vector, it
 * picks the ranking tier from that column's index.
 */
export function toTsqueryAnyItem(query: SearchQuery): string {
  return query.items.map((item) => `(${tsItem(item)})`).join(' | ')
}

/**
 * MongoDB `$text` search string. Each item is quoted: quoted phrases must all match (bare words
 * would be OR-ed), and a phrase's tokens stay together in the stored bigram text. MongoDB has
 * no prefix matching; a text index in a stemming language finds inflections instead.
 */
export function toMongoTextSearch(query: SearchQuery): string {
  return query.items.map((item) => `"${item.tokens.join(' ').replaceAll('"', '')}"`).join(' ')
}
