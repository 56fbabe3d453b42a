import type { IncomingMessage, ServerResponse } from 'node:http'

import { chooseEncoding, matchesETag } from './policy'
import { headerLines, setPreparedHead, type HeaderList } from './preparedHead'
import type { CachedResponse } from './store'

/** Headers of the connection, not of the answer: kept when a render's own headers make way for its entry's. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive'])

/** Removes what the app set on a held response, so it is answered with exactly the entry's headers. */
export function clearForEntry(res: ServerResponse): void {
  for (const name of res.getHeaderNames()) if (!CONNECTION_HEADERS.has(name)) res.removeHeader(name)
}

type Encoding = keyof CachedResponse['bodies']

/** Headers of a hit that depend only on the entry, the encoding and the entry's age in whole seconds: as a list, and as the lines of a head. */
type Prepared = { ageSeconds: number; lists: Partial<Record<Encoding, HeaderList>>; lines: Partial<Record<Encoding, string>> }

const prepared = new WeakMap<CachedResponse, Prepared>()

function headerList(entry: CachedResponse, encoding: Encoding, ageSeconds: number): HeaderList {
  const list: HeaderList = []
  for (const [name, value] of Object.entries(entry.headers)) list.push(name, value)
  list.push('etag', entry.etags[encoding], 'x-cache', 'HIT', 'age', String(ageSeconds))
  if (encoding !== 'identity') list.push('content-encoding', encoding)
  list.push('content-length', String(entry.bodies[encoding].length))
  return list
}

/**
 * The headers a hit sends, made once per entry, encoding and second of age rather than set one by
 * one on every request: a hit is then a lookup and its prepared head (preparedHead.ts).
 */
function preparedFor(entry: CachedResponse, now: number): Prepared {
  const ageSeconds = Math.max(0, Math.floor((now - entry.storedAt) / 1000))
  let state = prepared.get(entry)
  if (!state || state.ageSeconds !== ageSeconds) prepared.set(entry, (state = { ageSeconds, lists: {}, lines: {} }))
  return state
}

export function hitHeaders(entry: CachedResponse, encoding: Encoding, now = Date.now()): HeaderList {
  const state = preparedFor(entry, now)
  return (state.lists[encoding] ??= headerList(entry, encoding, state.ageSeconds))
}

/** The same headers as the lines of a head (preparedHead.ts), made as seldom. */
export function hitHeaderLines(entry: CachedResponse, encoding: Encoding, now = Date.now()): string {
  const state = preparedFor(entry, now)
  return (state.lines[encoding] ??= headerLines(hitHeaders(entry, encoding, now)))
}

/** Browsers send a handful of distinct Accept-Encoding values: each is parsed once. */
const encodings = new Map<string, Encoding>()
const MAX_REMEMBERED_ENCODINGS = 256

function encodingFor(acceptEncoding: string | undefined): Encoding {
  if (acceptEncoding === undefined) return 'identity'
  let encoding = encodings.get(acceptEncoding)
  if (encoding === undefined) {
    encoding = chooseEncoding(acceptEncoding)
    if (encodings.size >= MAX_REMEMBERED_ENCODINGS) encodings.clear()
    encodings.set(acceptEncoding, encoding)
  }
  return encoding
}

/** The same headers saying MISS: the answer of the render that made the entry (rare, not prepared). */
function asMiss(list: HeaderList): HeaderList {
  const copy = [...list]
  copy[copy.indexOf('x-cache') + 1] = 'MISS'
  return copy
}

/**
 * Tells Node's HTTP parser to drop whatever body the request has, instead of Node doing so after
 * the answer by resuming the request stream (its default for an unread request): that resume runs
 * the stream to its end and its close, seven `process.nextTick`s per request, each of which runs
 * the async hook of the AsyncLocalStorage React's server renderer enables at its first page.
 * `_dumped` is what Node's parser checks before handing on body bytes (`parserOnBody`) and what
 * makes its own dump a no-op. The request then emits no 'end' or 'close'; nothing listens for
 * them on an answer from the cache.
 */
function dropBody(req: IncomingMessage): void {
  ;(req as IncomingMessage & { _dumped: boolean })._dumped = true
}

/**
 * Answers from an entry: 304 when the client has it, the best encoding otherwise, no body for
 * HEAD. `x-cache` says HIT for a stored entry, MISS for the answer of the render that made it.
 */
export function serveEntry(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, cacheStatus: 'HIT' | 'MISS' = 'HIT'): number {
  dropBody(req)
  const encoding = encodingFor(req.headers['accept-encoding'])
  const now = Date.now()
  // Only a 304, a miss or a connection the prepared head does not fit needs the list.
  const headerListOf = () => (cacheStatus === 'HIT' ? hitHeaders(entry, encoding, now) : asMiss(hitHeaders(entry, encoding, now)))
  if (entry.status === 200 && req.headers['if-none-match'] && matchesETag(req.headers['if-none-match'], Object.values(entry.etags))) {
    const list = headerListOf()
    const notModified: HeaderList = []
    for (let index = 0; index < list.length; index += 2) {
      if (!['content-type', 'content-length', 'content-encoding'].includes(list[index] as string)) notModified.push(list[index]!, list[index + 1]!)
    }
    res.writeHead(304, notModified)
    res.end()
    return 304
  }
  if (cacheStatus === 'MISS' || !setPreparedHead(res, entry.status, hitHeaderLines(entry, encoding, now), now)) res.writeHead(entry.status, headerListOf())
  res.end(req.method === 'HEAD' ? undefined : entry.bodies[encoding])
  return entry.status
}
