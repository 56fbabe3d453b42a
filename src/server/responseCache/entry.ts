import { createHash } from 'node:crypto'
import type { OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from 'node:http'

import { publicCacheControl, SURROGATE_KEY_HEADER } from '../../lib/cache/headers'
import { compressBody } from '../compression'
import type { CachedResponse } from './store'

/** Headers that belong to one connection or one transfer, or that the cache sets itself. */
const NOT_REPLAYED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
  'etag',
  'set-cookie',
  'cache-control',
  'vary',
  'x-cache',
  'x-nextjs-cache',
  'x-nextjs-prerender',
  'x-nextjs-stale-time',
])

function headerList(value: OutgoingHttpHeader | undefined): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [String(value)]).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean)
}

/** Tags the response carries itself (route handlers set them) plus the route's own. */
export function responseTags(headers: OutgoingHttpHeaders, routeTags: readonly string[]): string[] {
  const own = String(headers[SURROGATE_KEY_HEADER.toLowerCase()] ?? '').split(/\s+/).filter(Boolean)
  return [...new Set([...routeTags, ...own])]
}

/**
 * Whether a finished response may be shared with every anonymous reader: no cookie set, not
 * marked private, not already encoded, and either a known public route or marked public itself.
 */
export function isShareable(headers: OutgoingHttpHeaders, isKnownRoute: boolean, tags: readonly string[]): boolean {
  if (headers['set-cookie'] !== undefined) return false
  if (headers['content-encoding'] !== undefined && headers['content-encoding'] !== 'identity') return false
  if (tags.length === 0) return false
  if (isKnownRoute) return true
  const cacheControl = headerList(headers['cache-control']).map((item) => item.toLowerCase())
  return cacheControl.includes('public') && !cacheControl.includes('private') && !cacheControl.includes('no-store')
}

/**
 * Gives a known public route's answer that is too large to keep here the headers a stored copy
 * would have, so a proxy in front can keep it. Called while its headers are still unsent.
 */
export function markShared(res: ServerResponse, tags: readonly string[], sMaxAgeSeconds: number | undefined): void {
  res.setHeader('cache-control', sharedCacheControl(res.getHeaders(), sMaxAgeSeconds))
  res.setHeader(SURROGATE_KEY_HEADER.toLowerCase(), tags.join(' '))
}

/** Cache-Control to replay: the response's own when it is public, otherwise the site's default. */
export function sharedCacheControl(headers: OutgoingHttpHeaders, sMaxAgeSeconds: number | undefined): string {
  const own = headerList(headers['cache-control'])
  if (!own.some((item) => item.toLowerCase() === 'public')) return publicCacheControl(sMaxAgeSeconds)
  const base = own.join(', ')
  return sMaxAgeSeconds && !/s-maxage/i.test(base) ? `${base}, s-maxage=${sMaxAgeSeconds}` : base
}

/** The response's own `s-maxage`, in ms, when its Cache-Control sets one (a document that changes with the clock). */
export function sharedMaxAgeMs(cacheControl: OutgoingHttpHeader | undefined): number | undefined {
  const match = /(?:^|,)\s*s-maxage=(\d+)/i.exec(headerList(cacheControl).join(','))
  return match ? Number(match[1]) * 1000 : undefined
}

function etag(body: Buffer, suffix: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}${suffix}"`
}

/**
 * Builds the entry: replayable headers, brotli and gzip made once, one strong ETag per encoding.
 * `headers` are the app's own: how long the entry is kept comes from the response's own
 * `s-maxage` (a document that changes with the clock) and never from `sMaxAgeSeconds`, which
 * only tells a proxy in front (it purges) how long it may keep it.
 */
export async function buildEntry(args: { status: number; headers: OutgoingHttpHeaders; body: Buffer; tags: string[]; sMaxAgeSeconds?: number }): Promise<CachedResponse> {
  const { status, headers, body, tags, sMaxAgeSeconds } = args
  const replayed: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_REPLAYED.has(name)) continue
    replayed[name] = Array.isArray(value) ? value : String(value)
  }
  replayed['cache-control'] = sharedCacheControl(headers, sMaxAgeSeconds)
  replayed[SURROGATE_KEY_HEADER.toLowerCase()] = tags.join(' ')
  replayed.vary = [...new Set([...headerList(headers.vary), 'Accept-Encoding'])].join(', ')
  const [br, gz] = await Promise.all([compressBody(body, 'br', { kept: true }), compressBody(body, 'gzip', { kept: true })])
  const identityTag = etag(body, '')
  return {
    status,
    headers: replayed,
    bodies: { identity: body, gzip: gz, br },
    etags: { identity: identityTag, gzip: identityTag.replace(/"$/, '-gzip"'), br: identityTag.replace(/"$/, '-br"') },
    tags,
    storedAt: Date.now(),
    maxAgeMs: sharedMaxAgeMs(headers['cache-control']),
  }
}
