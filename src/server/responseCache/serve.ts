import type { IncomingMessage, ServerResponse } from 'node:http'

import { chooseEncoding, matchesETag } from './policy'
import type { CachedResponse } from './store'

/** Headers of the connection, not of the answer: kept when a render's own headers make way for its entry's. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive'])

/** Removes what the app set on a held response, so it is answered with exactly the entry's headers. */
export function clearForEntry(res: ServerResponse): void {
  for (const name of res.getHeaderNames()) if (!CONNECTION_HEADERS.has(name)) res.removeHeader(name)
}

/**
 * Answers from an entry: 304 when the client has it, the best encoding otherwise, no body for
 * HEAD. `x-cache` says HIT for a stored entry, MISS for the answer of the render that made it.
 */
export function serveEntry(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, cacheStatus: 'HIT' | 'MISS' = 'HIT'): number {
  const encoding = chooseEncoding(req.headers['accept-encoding'])
  const etag = entry.etags[encoding]
  for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value)
  res.setHeader('etag', etag)
  res.setHeader('x-cache', cacheStatus)
  res.setHeader('age', String(Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000))))
  if (entry.status === 200 && matchesETag(req.headers['if-none-match'], Object.values(entry.etags))) {
    res.removeHeader('content-type')
    res.writeHead(304)
    res.end()
    return 304
  }
  const body = entry.bodies[encoding]
  if (encoding !== 'identity') res.setHeader('content-encoding', encoding)
  res.setHeader('content-length', body.length)
  res.writeHead(entry.status)
  res.end(req.method === 'HEAD' ? undefined : body)
  return entry.status
}
