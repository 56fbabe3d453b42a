import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Logger } from 'pino'

import { logServed } from '../servedLog'
import { ByteBudget, holdResponse } from './capture'
import { buildEntry, isShareable, markShareable, responseTags } from './entry'
import { bypassReason, cacheKey, isStorableStatus, routeTags } from './policy'
import { clearForEntry, serveEntry } from './serve'
import { ResponseStore, type CachedResponse, type CacheStats } from './store'
import { isUnstorable } from './unstorable'

export { doNotStore } from './unstorable'

export type ResponseCacheOptions = {
  maxBytes: number
  /** Optional `s-maxage` for a shared proxy that purges (Varnish); browsers always revalidate. */
  sMaxAgeSeconds?: number
  /** How long requests wait for another request's render of the same URL before rendering themselves. */
  coalesceTimeoutMs?: number
  /** Bytes all renders under way may hold at once (default: a quarter of `maxBytes`). */
  maxInFlightBytes?: number
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
  stats: () => CacheStats & { inFlightBytes: number }
}

type Waiter = (entry: CachedResponse | undefined) => void

/**
 * Finished anonymous responses, served before Express and Next. A hit costs a map lookup and a
 * write; it is still logged. A miss goes on to the app; what it sends is held back, and when it
 * is shareable the reader is answered from the entry built from it (compressed, with an ETag,
 * `x-cache: MISS`) and the entry is stored. Concurrent misses for one URL wait for the first
 * one's render instead of each rendering (after a purge under load, every connection would
 * otherwise render the same page at once). Renders hold at most `maxBytes / 8` each and
 * `maxInFlightBytes` together; a larger answer streams through as written and is not stored.
 */
export function createResponseCache({ maxBytes, sMaxAgeSeconds, coalesceTimeoutMs = 10_000, maxInFlightBytes = Math.floor(maxBytes / 4), logger, onHit }: ResponseCacheOptions): ResponseCache {
  const store = new ResponseStore(maxBytes)
  const maxEntryBytes = Math.max(1, Math.floor(maxBytes / 8))
  const budget = new ByteBudget(maxInFlightBytes)
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
    // The stored copy is compressed once by the cache; the app must send it plain.
    const acceptEncoding = req.headers['accept-encoding']
    delete req.headers['accept-encoding']
    const generation = store.currentGeneration()
    const knownTags = routeTags(req.url!)
    let released = false
    const settle = (entry: CachedResponse | undefined) => {
      if (released) return
      released = true
      release(key, entry)
    }
    res.once('close', () => settle(undefined))
    const held = holdResponse(res, {
      maxBytes: maxEntryBytes,
      budget,
      onLetGo: () => {
        settle(undefined)
        // Too large to keep here, but a proxy in front may still keep a known public route.
        if (knownTags.length > 0 && !isUnstorable(res)) markShareable(res, knownTags, sMaxAgeSeconds)
      },
      onEnd: (body) => {
        const headers = res.getHeaders()
        const tags = responseTags(headers, knownTags)
        if (isUnstorable(res) || !isStorableStatus(res.statusCode) || !isShareable(headers, knownTags.length > 0, tags)) {
          settle(undefined)
          return held.sendAsWritten()
        }
        buildEntry({ status: res.statusCode, headers, body, tags, sMaxAgeSeconds })
          .then((entry) => {
            const kept = store.set(key, entry, generation)
            held.restore()
            clearForEntry(res)
            if (acceptEncoding !== undefined) req.headers['accept-encoding'] = acceptEncoding
            serveEntry(req, res, entry, 'MISS')
            settle(kept ? entry : undefined)
          })
          .catch((error: unknown) => {
            logger.warn({ err: error, url: req.url }, 'could not store response')
            settle(undefined)
            held.sendAsWritten()
          })
      },
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

  return { handle, purge: (tags) => store.purge(tags), stats: () => ({ ...store.stats(), inFlightBytes: budget.inUse() }) }
}
