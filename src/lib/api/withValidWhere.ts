import { parse } from 'qs-esm'

import { findWhereProblem } from './whereProblems'

type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/** Wraps a Payload REST handler: a malformed `where` gets a 400 in Payload's error format. */
export function withValidWhere(handler: Handler): Handler {
  return async (request, context) => {
    const search = new URL(request.url).search
    if (search.includes('where')) {
      // Parsed as Payload parses it (createPayloadRequest), so both see the same structure.
      const query = parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true })
      const problem = findWhereProblem(query.where)
      if (problem) return Response.json({ errors: [{ message: problem }] }, { status: 400 })
    }
    return handler(request, context)
  }
}
