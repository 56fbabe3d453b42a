import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { getSettings } from '../config/settings'
import { answerSearchRequest, type SearchAnswer } from '../domain/search/answer'
import { findPageLimitProblem } from './api/pageLimits'
import { findQueryParamProblem } from './api/queryParams'
import { compressBody } from './compression'
import { chooseEncoding, personalReason } from './responseCache/policy'

/** The search's own parameters: a request with any other goes through Payload, which checks them all. */
const SEARCH_PARAMS = new Set(['q', 'page', 'limit', 'depth'])

type RequestFacts = { headers: { authorization?: string; cookie?: string | string[]; origin?: string }; search: URLSearchParams }

/**
 * Whether this server may answer a search itself, exactly as Payload's endpoint would: nobody
 * signed in (no session cookie, no Authorization), no trusted origin (Payload answers those with
 * credentials), and only the search's parameters, each once.
 */
export function isPlainAnonymousSearch({ headers, search }: RequestFacts, trustedOrigins: readonly string[]): boolean {
  if (personalReason(headers) !== null) return false
  if (headers.origin && trustedOrigins.includes(headers.origin)) return false
  const names = [...search.keys()]
  return names.every((name) => SEARCH_PARAMS.has(name)) && new Set(names).size === names.length
}

/** The public API's own checks (src/server/api/withRequestChecks.ts) first, so a bad page or limit gets the same 400 either way. */
async function answer(payload: Payload, search: URLSearchParams): Promise<SearchAnswer> {
  const query = Object.fromEntries(search)
  const problem = findQueryParamProblem(query) ?? findPageLimitProblem(query, getSettings().apiLimits)
  if (problem) return { status: 400, body: { errors: [{ message: problem }] } }
  return answerSearchRequest(payload, search, null)
}

/**
 * `GET /api/articles/search` for anonymous callers, answered here instead of through Next and
 * Payload's REST handler: their request set-up alone costs about 6 ms of a core, the whole
 * budget of a search under 8 concurrent clients (issue 15). The answer is the same function's
 * (answerSearchRequest) with the same headers as Payload's endpoint and the public API's CORS
 * (src/server/api/withPublicCors.ts); everything else (signed-in callers, other parameters,
 * trusted origins) goes on to Payload. Rate limits apply before this route, as to the API.
 */
export function createSearchApi(payload: Payload, trustedOrigins: readonly string[]): RequestHandler {
  return async (req, res, next) => {
    const search = new URL(req.originalUrl, 'http://localhost').searchParams
    if (!isPlainAnonymousSearch({ headers: req.headers, search }, trustedOrigins)) return next()
    const { status, body } = await answer(payload, search)
    const encoding = chooseEncoding(req.headers['accept-encoding'])
    const bytes = await compressBody(Buffer.from(JSON.stringify(body)), encoding, { kept: false })
    res.status(status).set({ 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' })
    if (encoding !== 'identity') res.set('Content-Encoding', encoding)
    res.end(bytes)
  }
}
