import { parseQuery } from './query'

/** Results per page unless asked otherwise, on the site and in the API. */
export const DEFAULT_SEARCH_LIMIT = 10
/**
 * How deep into the results anyone may page: each further page makes the engine rank and skip
 * more matches, and nobody reads result 10,001 of a query; a narrower query finds it.
 */
export const MAX_SEARCH_OFFSET = 10_000

export type SearchParamBounds = { maxLimit: number; maxDepth: number; defaultDepth: number }
export type SearchParams = { q: string; page: number; limit: number; depth: number }
export type SearchParamsResult = ({ ok: true } & SearchParams) | { ok: false; message: string }

type Raw = string | null | undefined

function wholeNumber(raw: Raw, name: string, fallback: number, min: number, max: number): number | string {
  if (raw === null || raw === undefined || raw === '') return fallback
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) return `${name} must be a whole number from ${min} to ${max}.`
  return Number(raw)
}

/** Reads `q`, `page`, `limit` and `depth` of a search request (site or API), each bounded, or says what is wrong. */
export function readSearchParams(raw: { q?: Raw; page?: Raw; limit?: Raw; depth?: Raw }, bounds: SearchParamBounds): SearchParamsResult {
  const limit = wholeNumber(raw.limit, 'limit', DEFAULT_SEARCH_LIMIT, 1, bounds.maxLimit)
  if (typeof limit === 'string') return { ok: false, message: limit }
  const page = wholeNumber(raw.page, 'page', 1, 1, Math.floor(MAX_SEARCH_OFFSET / limit))
  if (typeof page === 'string') return { ok: false, message: `${page} Search shows the first ${MAX_SEARCH_OFFSET} results; a narrower query finds the rest.` }
  const depth = wholeNumber(raw.depth, 'depth', bounds.defaultDepth, 0, bounds.maxDepth)
  if (typeof depth === 'string') return { ok: false, message: depth }
  return { ok: true, q: raw.q ?? '', page, limit, depth }
}

/** The reader's search page shows titles and excerpts only: documents are read at depth 0. */
export const SEARCH_PAGE_BOUNDS = (maxLimit: number): SearchParamBounds => ({ maxLimit, maxDepth: 0, defaultDepth: 0 })

/**
 * What is wrong with a search request that cannot be answered (a 400): a page out of range, a
 * query too long or with too many words. No query at all is not wrong: the page shows the form.
 */
export function findSearchRequestProblem(raw: { q?: Raw; page?: Raw; limit?: Raw; depth?: Raw }, bounds: SearchParamBounds): string | null {
  const params = readSearchParams(raw, bounds)
  if (!params.ok) return params.message
  const parsed = parseQuery(params.q)
  return parsed.ok || parsed.reason === 'empty' ? null : parsed.message
}
