import { cacheTags } from '../../lib/cache/tags'
import { MEDIA_FILE_PATH } from '../../lib/images/fileUrls'

/** What the response cache needs to know about a request: a plain shape, so the rules are unit-tested. */
export type RequestFacts = {
  method?: string | undefined
  url?: string | undefined
  headers: Record<string, string | string[] | undefined>
}

/**
 * Paths the cache never reads or stores: editors' tools, operators' endpoints, Next internals, files
 * (served elsewhere), and search, whose answers are per query: random queries would evict the pages
 * readers need.
 */
const PASS_THROUGH_PREFIXES = ['/admin', '/next/', '/preview/', '/_next/', '/healthz', '/metrics', '/api/users', '/api/payload-', '/api/graphql', MEDIA_FILE_PATH, '/search/', '/api/articles/search/']

/** The prefixes' own paths (`/admin`, `/next`): passed through too. */
const PASS_THROUGH_PATHS = new Set(PASS_THROUGH_PREFIXES.map((prefix) => prefix.replace(/\/$/, '')))

/** Headers Next answers differently for (client navigation, prefetch, server actions): never mixed up with the HTML page. */
const NEXT_VARIANT_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action']

/** Cookies that make a response personal: a Payload session, Next's draft mode. */
const PERSONAL_COOKIE = /(?:^|;\s*)(?:payload-[^=]*|__prerender_bypass|__next_preview_data)=/

/** Why a request's answer is for one person only (a session, draft mode), or null. */
export function personalReason(headers: RequestFacts['headers']): 'authorization' | 'session cookie' | null {
  if (headers.authorization) return 'authorization'
  const cookie = headers.cookie
  if (cookie && PERSONAL_COOKIE.test(Array.isArray(cookie) ? cookie.join('; ') : cookie)) return 'session cookie'
  return null
}

/**
 * Why this request must neither read nor write the cache, or null when it may. Anything carrying a
 * session, draft mode or a draft query is personal; anything Next varies by header is passed through.
 */
export function bypassReason({ method, url, headers }: RequestFacts): string | null {
  if (method !== 'GET' && method !== 'HEAD') return 'method'
  if (!url || !url.startsWith('/')) return 'url'
  const personal = personalReason(headers)
  if (personal) return personal
  if (headers.range) return 'range'
  // Cross-origin answers differ by Origin (CORS headers, credentials for trusted sites): Express decides.
  if (headers.origin) return 'origin'
  if (NEXT_VARIANT_HEADERS.some((name) => headers[name] !== undefined)) return 'next variant'
  const queryStart = url.indexOf('?')
  const path = queryStart === -1 ? url : url.slice(0, queryStart)
  if (PASS_THROUGH_PREFIXES.some((prefix) => path.startsWith(prefix)) || PASS_THROUGH_PATHS.has(path)) return 'path'
  if (queryStart !== -1) {
    const query = new URLSearchParams(url.slice(queryStart + 1))
    if (query.has('draft') || query.has('_rsc') || query.has('preview')) return 'draft or variant query'
  }
  return null
}

/**
 * Query parameters that say only where a reader came from (campaigns, ad clicks, newsletters):
 * never part of a key. The same list is in deploy/varnish/default.vcl.
 */
const TRACKING_PARAMETER = /^(?:utm_[a-z0-9_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl)$/i

/**
 * The key of a request: HEAD is answered from the GET entry. Pages and public documents read no
 * query (search, which does, is never kept), so their key is the path alone: a random query
 * cannot make a render of its own. The REST API reads its query (where, limit, depth): there
 * only tracking parameters are left out.
 */
export function cacheKey(url: string): string {
  const queryStart = url.indexOf('?')
  if (queryStart === -1) return url
  const path = url.slice(0, queryStart)
  if (!path.startsWith('/api/')) return path
  const kept = url
    .slice(queryStart + 1)
    .split('&')
    .filter((part) => part !== '' && !TRACKING_PARAMETER.test(part.split('=', 1)[0]!))
  return kept.length > 0 ? `${path}?${kept.join('&')}` : path
}

function pathOf(url: string): string {
  const queryStart = url.indexOf('?')
  return queryStart === -1 ? url : url.slice(0, queryStart)
}

const API_COLLECTIONS = ['articles', 'media', 'licenses', 'sections', 'authors'] as const

/**
 * Tags of the pages and API reads the app renders without setting them itself (Next pages and
 * Payload's REST routes). An empty list means "not a known public route": such a response is
 * stored only if it carries its own Surrogate-Key and a public Cache-Control.
 */
export function routeTags(url: string): string[] {
  const path = pathOf(url)
  if (path === '/') return [cacheTags.articleList, cacheTags.site]
  if (path === '/credits') return [cacheTags.credits, cacheTags.site]
  const article = /^\/articles\/([^/]+)$/.exec(path)
  if (article) {
    let slug: string
    try {
      slug = decodeURIComponent(article[1]!)
    } catch {
      return []
    }
    // Tags travel in a header: only slugs as the site makes them (ASCII, no spaces) name a page.
    return /^[\x21-\x7e]+$/.test(slug) ? [cacheTags.article(slug), cacheTags.site] : []
  }
  const api = /^\/api\/([a-z-]+)(?:\/[^/]+)?$/.exec(path)
  const collection = API_COLLECTIONS.find((name) => name === api?.[1])
  if (collection) return [cacheTags.api(collection)]
  if (path === '/api/globals/site-settings') return [cacheTags.site]
  return []
}

/** Statuses worth keeping: a page, or a definite "not here" (purged by the same tags when it appears). */
export function isStorableStatus(status: number): boolean {
  return status === 200 || status === 404
}

/** Picks the encoding to send: brotli, then gzip, then none; `q=0` refuses one. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): 'br' | 'gzip' | 'identity' {
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding ?? ''
  const accepted = new Set<string>()
  for (const part of value.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim())
    const quality = params.find((param) => param.startsWith('q='))
    if (name && !(quality && Number(quality.slice(2)) === 0)) accepted.add(name)
  }
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip'
  return 'identity'
}

/** True when an If-None-Match header names one of the entry's tags (weak or strong, or `*`). */
export function matchesETag(ifNoneMatch: string | string[] | undefined, etags: readonly string[]): boolean {
  if (!ifNoneMatch) return false
  const value = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch
  if (value.trim() === '*') return true
  return value.split(',').some((candidate) => etags.includes(candidate.trim().replace(/^W\//, '')))
}
