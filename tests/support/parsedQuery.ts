import { parseQuery, type SearchQuery } from '../../src/lib/search/query'

/** The query a reader's text makes; throws when the text makes none (a test's own mistake). */
export function parsedQuery(text: string): SearchQuery {
  const result = parseQuery(text)
  if (!result.ok) throw new Error(`expected a query, got: ${result.message}`)
  return result.query
}
