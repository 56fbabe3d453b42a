import type { RequestHandler } from 'express'

import { findSearchRequestProblem, SEARCH_PAGE_BOUNDS } from '@/lib/search/params'

const single = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined)

/**
 * A search page that cannot be answered (a query too long, a page out of range) is still
 * rendered, with the reason and the form, but as a 400: Next's pages cannot set a status.
 */
export function searchPageStatus(maxLimit: number): RequestHandler {
  const bounds = SEARCH_PAGE_BOUNDS(maxLimit)
  return (req, res, next) => {
    if (findSearchRequestProblem({ q: single(req.query.q), page: single(req.query.page) }, bounds)) res.status(400)
    next()
  }
}
