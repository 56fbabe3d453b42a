import { stat } from 'node:fs/promises'
import path from 'node:path'

import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import { parse } from 'qs-esm'

import { getSettings } from '../../config/settings'
import { tokenOf } from './loginToken'
import { findPageLimitProblem } from './pageLimits'
import { findQueryParamProblem } from './queryParams'
import { findPathProblem, matchEndpoint, type Endpoint } from './pathProblems'
import { defaultIdType, idTypeOf, querySchemaFor } from './querySchema'
import { IGNORED_COOKIE_MESSAGE, isSessionCookieIgnored } from './sessionCookie'
import { DEFAULT_MAX_JSON_BYTES, DEFAULT_MAX_JSON_DEPTH, findBodyProblem, type BodyLimits } from './requestBody'
import { findWhereProblem } from './whereProblems'

type Context = { params: Promise<{ slug: string[] }> }
type Handler = (request: Request, context: Context) => Promise<Response>

type Target = {
  endpoints: readonly Endpoint[]
  /** The path below the collection or global. */
  rest: string[]
  entity: string
  collection: string | null
  hasVersions: boolean
  /** Where uploaded files are kept on this server's disk; null when not an upload collection or stored elsewhere. */
  staticDir: string | null
}

const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** The collection (or global) a REST path addresses, its endpoints and the path below it. */
function targetOf(payload: Payload, slug: string[]): Target | null {
  const [first, second, ...below] = slug
  if (first === 'globals' && second) {
    const global = payload.config.globals.find((each) => each.slug === second)
    if (!global || !global.endpoints) return null
    return { endpoints: global.endpoints, rest: below, entity: `globals/${second}`, collection: null, hasVersions: Boolean(global.versions), staticDir: null }
  }
  const collection = first ? payload.collections[first as keyof Payload['collections']]?.config : undefined
  if (!collection || !collection.endpoints) return null
  const upload = collection.upload
  const staticDir = upload && !upload.disableLocalStorage && upload.staticDir ? path.resolve(upload.staticDir) : null
  return { endpoints: collection.endpoints, rest: slug.slice(1), entity: collection.slug, collection: collection.slug, hasVersions: Boolean(collection.versions), staticDir }
}

/** Payload answers a file that is not on disk with a 500; the name has been checked for path characters already. */
async function isStoredFile(staticDir: string, name: string): Promise<boolean> {
  return stat(path.join(staticDir, name)).then((found) => found.isFile(), () => false)
}

async function isSignedIn(payload: Payload, request: Request): Promise<boolean> {
  if (!tokenOf({ authorization: request.headers.get('authorization'), cookie: request.headers.get('cookie') })) return false
  const { user } = await payload.auth({ headers: request.headers })
  return Boolean(user)
}

/** Uploads may be as large as the upload limit, plus room for the form's other fields. */
function bodyLimits(): BodyLimits {
  return { maxJsonBytes: DEFAULT_MAX_JSON_BYTES, maxJsonDepth: DEFAULT_MAX_JSON_DEPTH, maxMultipartBytes: getSettings().uploadMaxBytes + 1024 * 1024 }
}

/** Payload reads a POST with this header as a GET whose query string is the (form-encoded) body; the admin sends long queries so. */
function isGetOverride(request: Request): boolean {
  return request.method === 'POST' && (request.headers.get('x-payload-http-method-override') === 'GET' || request.headers.get('x-http-method-override') === 'GET')
}

/** The method and query string Payload will act on. */
async function effectiveQuery(request: Request): Promise<{ method: string; search: string }> {
  if (!isGetOverride(request)) return { method: request.method, search: new URL(request.url).search }
  const search = request.headers.get('content-type') === 'application/x-www-form-urlencoded' ? new URL(`${request.url}?${await request.clone().text()}`).search : new URL(request.url).search
  return { method: 'GET', search }
}

/**
 * Wraps a Payload REST handler. Before Payload sees the request it refuses, with a 4xx in
 * Payload's error format, what would otherwise fail inside the database or file system (ids
 * of the wrong shape, unsafe file names, malformed `where`, bodies it cannot read: see
 * requestBody.ts), and what asks more of the public API than a reader may (limit, depth, pagination).
 */
export function withRequestChecks(handler: Handler, config: Promise<SanitizedConfig>): Handler {
  return async (request, context) => {
    const payload = await getPayload({ config })
    const { slug } = await context.params
    const override = isGetOverride(request)
    const bodyProblem = await findBodyProblem(request, bodyLimits(), { multipart: !override, urlEncoded: override })
    if (bodyProblem) return refuse(bodyProblem.status, bodyProblem.message)
    const { method, search } = await effectiveQuery(request)
    // Payload serves its own root endpoints (the job runner's /payload-jobs/run) before collection routes.
    const isRootEndpoint = matchEndpoint(payload.config.endpoints, method, slug) !== null
    const target = isRootEndpoint ? null : targetOf(payload, slug)
    if (!target) return handler(request, context)

    const params = matchEndpoint(target.endpoints, method, target.rest)
    if (target.rest[0] === 'versions' && !target.hasVersions) return refuse(404, `${target.entity} keeps no versions.`)
    const pathProblem = params && findPathProblem(params, target.collection ? idTypeOf(payload, target.collection) : defaultIdType(payload), target.entity)
    if (pathProblem) return refuse(pathProblem.status, pathProblem.message)
    if (params?.filename !== undefined && target.staticDir && !(await isStoredFile(target.staticDir, params.filename))) {
      return refuse(404, `${target.entity}: there is no file named ${JSON.stringify(params.filename)}.`)
    }

    // Parsed as Payload parses it (createPayloadRequest), so both see the same structure.
    const query = parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true })
    const paramProblem = findQueryParamProblem(query)
    if (paramProblem) return refuse(400, paramProblem)
    // Served anonymously, a draft read would answer the published row as if it were the draft.
    if (query.draft === 'true' && isSessionCookieIgnored(request.headers, payload.config)) return refuse(401, IGNORED_COOKIE_MESSAGE)

    const schema = target.collection && querySchemaFor(payload, target.collection, target.rest[0] === 'versions')
    const whereProblem = schema ? findWhereProblem(query.where, schema) : null
    if (whereProblem) return refuse(400, whereProblem)

    const limitProblem = findPageLimitProblem(query, getSettings().apiLimits)
    if (limitProblem && !(await isSignedIn(payload, request))) return refuse(400, limitProblem)

    return handler(request, context)
  }
}
