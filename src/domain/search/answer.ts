import type { Payload, TypedUser } from 'payload'

import { getSettings } from '@/config/settings'
import { readSearchParams } from '@/lib/search/params'
import { parseQuery } from '@/lib/search/query'
import { searchPublishedArticles, SearchUnavailableError } from './searchArticles'

/** Payload's REST default: relationships two levels deep, as `GET /api/articles` gives them. */
const DEFAULT_DEPTH = 2

export type SearchAnswer = { status: number; body: unknown }

const refuse = (status: number, message: string): SearchAnswer => ({ status, body: { errors: [{ message }] } })

/**
 * The answer to `GET /api/articles/search?q=…&page=…&limit=…&depth=…`, wherever the request
 * arrives: Payload's endpoint, or the server's own route for anonymous callers
 * (src/server/searchApi.ts). Bad input is a 400 with a message, a database without the index a 503.
 */
export async function answerSearchRequest(payload: Payload, search: URLSearchParams, user: TypedUser | null): Promise<SearchAnswer> {
  const { maxLimit, maxDepth } = getSettings().apiLimits
  const params = readSearchParams(
    { q: search.get('q'), page: search.get('page'), limit: search.get('limit'), depth: search.get('depth') },
    { maxLimit, maxDepth, defaultDepth: Math.min(DEFAULT_DEPTH, maxDepth) },
  )
  if (!params.ok) return refuse(400, params.message)
  const parsed = parseQuery(params.q)
  if (!parsed.ok) return refuse(400, parsed.reason === 'empty' ? 'Give the words to search for in q, e.g. ?q=summit.' : parsed.message)
  try {
    return { status: 200, body: await searchPublishedArticles(payload, parsed.query, { ...params, user }) }
  } catch (error) {
    if (error instanceof SearchUnavailableError) return refuse(503, error.message)
    throw error
  }
}
