import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Logger } from 'pino'

import { logServed } from '../servedLog'
import { captureBody } from './capture'
import { buildEntry, isShareable, markShareable, responseTags } from './entry'
import { bypassReason, cacheKey, isStorableStatus, routeTags } from './policy'
import { serveEntry } from './serve'
import { ResponseStore, type CachedResponse, type CacheStats } from './store'

export type ResponseCacheOptions = {
  maxBytes: number
  /** Optional `s-maxage` for a shared proxy that purges (Varnish); browsers always revalidate. */
  sMaxAgeSeconds?: number
  /** How long requests wait for another request's render of the same URL before rendering themselves. */
  coalesceTimeoutMs?: number
  logger: Pick<Logger, 'info' | 'warn'>
  /** Told of every answer from the cache (the metrics), after it is sent. */
  onHit?: (req: IncomingMessage, status: number, started: bigint) => void
}

/** Why a request went on to the app: nothing stored yet (or it waited in vain), or never cacheable. */
export type PassOutcome = 'miss' | 'bypass'

export type ResponseCache = {
  /** Answers from the cache, or waits for a render of the same URL already under way, or calls `next`. */
  handle: (req: IncomingMessage, res: ServerResponse, next: (outcome: PassOutcome) => void) => void
  purge: (tags: string[]) => number
  stats: () => CacheStats
}

type Waiter = (entry: CachedResponse | undefined) => void

/**
 * Finished anonymous responses, served before Express and Next. A hit costs a map lookup and a
 * write; it is still logged. A miss goes on to the app, and what it sends is stored if shareable.
 * Concurrent misses for one URL wait for the first one's render instead of each rendering (after
 * a purge under load, every connection would otherwise render the same page at once).
 */
export function createResponseCache({ maxBytes, sMaxAgeSeconds, coalesceTimeoutMs = 10_000, logger, onHit }: ResponseCacheOptions): ResponseCache {
  const store = new ResponseStore(maxBytes)
  const maxEntryBytes = Math.max(1, Math.floor(maxBytes / 8))
  const rendering = new Map<string, Waiter[]>()

  const serve = (req: IncomingMessage, res: ServerResponse, entry: CachedResponse) => {
    const started = process.hrtime.bigint()
    store.counters.hits += 1
    const status = serveEntry(req, res, entry)
    logServed(logger, req, status, started, 'hit')
    onHit?.(req, status, started)
  }

  /** Lets the waiters for `key` go: served from the new entry, or on to the app if there is none. */
  const release = (key: string, entry: CachedResponse | undefined) => {
    const waiters = rendering.get(key)
    rendering.delete(key)
    for (const waiter of waiters ?? []) waiter(entry)
  }

  const render = (req: IncomingMessage, res: ServerResponse, key: string, next: (outcome: PassOutcome) => void) => {
    rendering.set(key, [])
    // Says the cache looked and will keep the answer if it is shareable (a hit says HIT; a bypass nothing).
    res.setHeader('x-cache', 'MISS')
    // The stored copy is compressed once by the cache; the app must send it plain.
    delete req.headers['accept-encoding']
    const generation = store.currentGeneration()
    const knownTags = routeTags(req.url!)
    const ownCacheControl = knownTags.length > 0 ? markShareable(res, knownTags, sMaxAgeSeconds) : undefined
    let finished = false
    res.once('close', () => {
      if (!finished) release(key, undefined)
    })
    captureBody(res, maxEntryBytes, (body) => {
      finished = true
      const headers = res.getHeaders()
      const tags = responseTags(headers, knownTags)
      if (!isStorableStatus(res.statusCode) || !isShareable(headers, knownTags.length > 0, tags)) return release(key, undefined)
      buildEntry({ status: res.statusCode, headers, body, tags, sMaxAgeSeconds, ...(ownCacheControl ? { ownCacheControl: ownCacheControl() } : {}) })
        .then((built) => release(key, store.set(key, built, generation) ? built : undefined))
        .catch((error: unknown) => {
          logger.warn({ err: error, url: req.url }, 'could not store response')
          release(key, undefined)
        })
    })
    next('miss')
  }

  const handle = (req: IncomingMessage, res: ServerResponse, next: (outcome: PassOutcome) => void): void => {
    if (bypassReason(req) !== null) {
      store.counters.bypasses += 1
      return next('bypass')
    }
    const key = cacheKey(req.url!)
    const entry = store.get(key)
    if (entry) return serve(req, res, entry)
    const waiters = rendering.get(key)
    if (waiters) {
      const timer = setTimeout(() => settle(undefined), coalesceTimeoutMs)
      let settled = false
      const settle: Waiter = (built) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (built) serve(req, res, built)
        else {
          store.counters.misses += 1
          next('miss')
        }
      }
      waiters.push(settle)
      return
    }
    store.counters.misses += 1
    if (req.method === 'GET') render(req, res, key, next)
    else next('miss')
  }

  return { handle, purge: (tags) => store.purge(tags), stats: () => store.stats() }
}
