import type { QueryItem, SearchQuery } from './query'

/**
 * The query in each engine's own syntax. Tokens are already folded and split exactly as the
 * index was (src/lib/search/text.ts), so each engine only matches tokens; everything a reader
 * types is quoted, never read as operators.
 */

const fts5String = (token: string) => `"${token.replaceAll('"', '""')}"`

function fts5Item(item: QueryItem): string {
  return `${fts5String(item.tokens.join(' '))}${item.prefix ? '*' : ''}`
}

/** SQLite FTS5 MATCH expression: every item (a word, or tokens side by side) must match. */
export function toFts5Match(query: SearchQuery): string {
  return query.items.map(fts5Item).join(' AND ')
}

/**
 * The query's matches split into the ranking tiers, as FTS5 MATCH expressions: some item in the
 * headline; else some item in the standfirst; else (the body only). Together exactly the matches
 * of toFts5Match, each in one tier.
 */
export function toFts5TierMatches(query: SearchQuery): [string, string, string] {
  const all = `(${toFts5Match(query)})`
  const anyIn = (column: 'headline' | 'standfirst') => `({${column}} : (${query.items.map(fts5Item).join(' OR ')}))`
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
