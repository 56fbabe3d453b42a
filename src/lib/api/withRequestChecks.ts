import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import { parse } from 'qs-esm'

import { getSettings } from '@/config/settings'
import { findPageLimitProblem } from './pageLimits'
import { findPathProblem, matchEndpoint, type Endpoint } from './pathProblems'
import { defaultIdType, idTypeOf, querySchemaFor } from './querySchema'
import { findWhereProblem } from './whereProblems'

type Context = { params: Promise<{ slug: string[] }> }
type Handler = (request: Request, context: Context) => Promise<Response>

type Target = { endpoints: readonly Endpoint[]; rest: string[]; entity: string; collection: string | null }

const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** The collection (or global) a REST path addresses, its endpoints and the path below it. */
function targetOf(payload: Payload, slug: string[]): Target | null {
  const [first, second, ...below] = slug
  if (first === 'globals' && second) {
    const global = payload.config.globals.find((each) => each.slug === second)
    return global && global.endpoints ? { endpoints: global.endpoints, rest: below, entity: `globals/${second}`, collection: null } : null
  }
  const collection = first ? payload.collections[first as keyof Payload['collections']]?.config : undefined
  if (!collection || !collection.endpoints) return null
  return { endpoints: collection.endpoints, rest: slug.slice(1), entity: collection.slug, collection: collection.slug }
}

function hasCredentials(request: Request): boolean {
  return /^(JWT|Bearer) /.test(request.headers.get('authorization') ?? '') || /(^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')
}

async function isSignedIn(payload: Payload, request: Request): Promise<boolean> {
  if (!hasCredentials(request)) return false
  const { user } = await payload.auth({ headers: request.headers })
  return Boolean(user)
}

/**
 * Wraps a Payload REST handler. Before Payload sees the request it refuses, with a 4xx in
 * Payload's error format, what would otherwise fail inside the database or file system (ids
 * of the wrong shape, unsafe file names, malformed `where`), and what asks more of the public
 * API than a reader may (limit, depth, pagination).
 */
export function withRequestChecks(handler: Handler, config: Promise<SanitizedConfig>): Handler {
  return async (request, context) => {
    const payload = await getPayload({ config })
    const { slug } = await context.params
    // Payload serves its own root endpoints (the job runner's /payload-jobs/run) before collection routes.
    const isRootEndpoint = matchEndpoint(payload.config.endpoints, request.method, slug) !== null
    const target = isRootEndpoint ? null : targetOf(payload, slug)
    if (!target) return handler(request, context)

    const params = matchEndpoint(target.endpoints, request.method, target.rest)
    const pathProblem = params && findPathProblem(params, target.collection ? idTypeOf(payload, target.collection) : defaultIdType(payload), target.entity)
    if (pathProblem) return refuse(pathProblem.status, pathProblem.message)

    const search = new URL(request.url).search
    // Parsed as Payload parses it (createPayloadRequest), so both see the same structure.
    const query = parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true })
    const schema = target.collection && querySchemaFor(payload, target.collection, target.rest[0] === 'versions')
    const whereProblem = schema ? findWhereProblem(query.where, schema) : null
    if (whereProblem) return refuse(400, whereProblem)

    const limitProblem = findPageLimitProblem(query, getSettings().apiLimits)
    if (limitProblem && !(await isSignedIn(payload, request))) return refuse(400, limitProblem)

    return handler(request, context)
  }
}
