import type { Endpoint, PayloadRequest } from 'payload'

import { getSettings } from '@/config/settings'
import { searchPublishedArticles, SearchUnavailableError } from '@/domain/search/searchArticles'
import { readSearchParams } from '@/lib/search/params'
import { parseQuery } from '@/lib/search/query'

/** Payload's REST default: relationships two levels deep, as `GET /api/articles` gives them. */
const DEFAULT_DEPTH = 2

const answer = (status: number, body: unknown) =>
  // Per query and per caller: never kept by the response cache or a proxy.
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

const refuse = (status: number, message: string) => answer(status, { errors: [{ message }] })

async function handleSearch(req: PayloadRequest): Promise<Response> {
  const { maxLimit, maxDepth } = getSettings().apiLimits
  const search = req.searchParams
  const params = readSearchParams(
    { q: search.get('q'), page: search.get('page'), limit: search.get('limit'), depth: search.get('depth') },
    { maxLimit, maxDepth, defaultDepth: Math.min(DEFAULT_DEPTH, maxDepth) },
  )
  if (!params.ok) return refuse(400, params.message)
  const parsed = parseQuery(params.q)
  if (!parsed.ok) return refuse(400, parsed.reason === 'empty' ? 'Give the words to search for in q, e.g. ?q=summit.' : parsed.message)
  try {
    return answer(200, await searchPublishedArticles(req.payload, parsed.query, { ...params, user: req.user }))
  } catch (error) {
    if (error instanceof SearchUnavailableError) return refuse(503, error.message)
    throw error
  }
}

/**
 * `GET /api/articles/search?q=…&page=…&limit=…&depth=…`: published articles ranked for the
 * query, in the articles API's list shape, each with `rank` and an HTML `excerpt`.
 */
export const searchArticlesEndpoint: Endpoint = { path: '/search', method: 'get', handler: handleSearch }
