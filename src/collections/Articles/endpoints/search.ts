import type { Endpoint, PayloadRequest } from 'payload'

import { answerSearchRequest } from '@/domain/search/answer'

async function handleSearch(req: PayloadRequest): Promise<Response> {
  const { status, body } = await answerSearchRequest(req.payload, req.searchParams, req.user)
  // Per query and per caller: never kept by the response cache or a proxy.
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
}

/**
 * `GET /api/articles/search?q=…&page=…&limit=…&depth=…`: published articles ranked for the
 * query, in the articles API's list shape, each with `rank` and an HTML `excerpt`. Anonymous
 * callers' plain requests are answered before Next by src/server/searchApi.ts, with the same answer.
 */
export const searchArticlesEndpoint: Endpoint = { path: '/search', method: 'get', handler: handleSearch }
