import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { getSettings } from '../config/settings'
import { answerSearchRequest, type SearchAnswer } from '../domain/search/answer'
import { findPageLimitProblem } from './api/pageLimits'
import { findQueryParamProblem } from './api/queryParams'
import { isPlainAnonymousRequest, searchParamsOf, sendForThisRequestOnly } from './beforeNext'

/** The search's own parameters: a request with any other goes through Payload, which checks them all. */
export const SEARCH_API_PARAMS: ReadonlySet<string> = new Set(['q', 'page', 'limit', 'depth'])

/** The public API's own checks (src/server/api/withRequestChecks.ts) first, so a bad page or limit gets the same 400 either way. */
async function answer(payload: Payload, search: URLSearchParams): Promise<SearchAnswer> {
  const query = Object.fromEntries(search)
  const problem = findQueryParamProblem(query) ?? findPageLimitProblem(query, getSettings().apiLimits)
  if (problem) return { status: 400, body: { errors: [{ message: problem }] } }
  return answerSearchRequest(payload, search, null)
}

/**
 * `GET /api/articles/search` for anonymous callers, answered here instead of through Next and
 * Payload's REST handler (see ./beforeNext.ts). The answer is the same function's
 * (answerSearchRequest) with the same headers as Payload's endpoint and the public API's CORS
 * (src/server/api/withPublicCors.ts); everything else (signed-in callers, other parameters,
 * trusted origins) goes on to Payload. Rate limits apply before this route, as to the API.
 */
export function createSearchApi(payload: Payload, trustedOrigins: readonly string[]): RequestHandler {
  return async (req, res, next) => {
    const search = searchParamsOf(req)
    if (!isPlainAnonymousRequest({ headers: req.headers, search }, trustedOrigins, SEARCH_API_PARAMS)) return next()
    const { status, body } = await answer(payload, search)
    await sendForThisRequestOnly(req, res, { status, type: 'application/json', body: JSON.stringify(body), headers: { 'Access-Control-Allow-Origin': '*' } })
  }
}
