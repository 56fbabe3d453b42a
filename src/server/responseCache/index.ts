import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Logger } from 'pino'

import { logServed } from '../servedLog'
import { ByteBudget, holdResponse } from './capture'
import { buildEntry, isShareable, markShared, responseTags } from './entry'
import { bypassReason, cacheKey, isStorableStatus, routeTags } from './policy'
import { relayResponse, type Relay } from './relay'
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
  logger: Logger
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

/** The most HTML a public page may have. */
export const MAX_PAGE_BYTES = 1024 * 1024

/**
 * What a render hands the requests that waited for it: the entry it built (stored or not), or
 * its answer as it streams when too large to keep; nothing when the answer was personal or failed
 * (they render for themselves). `generation`: the purge generation the render started in.
 */
type Handed = { entry: CachedResponse; generation: number } | { relay: Relay; generation: number } | undefined
type Waiter = (handed: Handed) => void

/**
 * Finished anonymous responses, served before Express and Next. A hit costs a map lookup and a
 * write; it is still logged. A miss goes on to the app; what it sends is held back, and when it
 * is shareable the reader is answered from the entry built from it (compressed, with an ETag,
 * `x-cache: MISS`) and the entry is stored. Concurrent misses for one URL wait for the first
 * one's render instead of each rendering (after a purge under load, every connection would
 * otherwise render the same page at once). Renders hold at most `maxBytes / 8` each and
 * `maxInFlightBytes` together; a larger answer streams through as written and is not stored,
 * but when it is shareable it streams to the waiting requests too: one render either way.
 */
export function createResponseCache({ maxBytes, sMaxAgeSeconds, coalesceTimeoutMs = 10_000, maxInFlightBytes = Math.floor(maxBytes / 4), logger, onHit }: ResponseCacheOptions): ResponseCache {
  const store = new ResponseStore(maxBytes)
  const maxEntryBytes = Math.max(1, Math.floor(maxBytes / 8))
  const budget = new ByteBudget(maxInFlightBytes)
  const rendering = new Map<string, Waiter[]>()

  const answered = (req: IncomingMessage, status: number, started: bigint, cache: 'hit' | 'shared') => {
    logServed(logger, req, status, started, cache)
    onHit?.(req, status, started)
  }

  const serve = (req: IncomingMessage, res: ServerResponse, entry: CachedResponse, cache: 'hit' | 'shared' = 'hit') => {
    const started = process.hrtime.bigint()
    store.counters[cache === 'hit' ? 'hits' : 'handedOn'] += 1
    answered(req, serveEntry(req, res, entry), started, cache)
  }

  /** Lets the waiters for `key` go with what the render hands them. */
  const release = (key: string, handed: Handed) => {
    const waiters = rendering.get(key)
    rendering.delete(key)
    for (const waiter of waiters ?? []) waiter(handed)
  }

  /** The tags of an answer every anonymous reader may get (public, no cookie, a page or a 404, complete), or null. */
  const shareableTags = (res: ServerResponse, knownTags: string[]): string[] | null => {
    const headers = res.getHeaders()
    const tags = responseTags(headers, knownTags)
    return !isUnstorable(res) && isStorableStatus(res.statusCode) && isShareable(headers, knownTags.length > 0, tags) ? tags : null
  }

  /**
   * No public page may pass 1 MB of HTML (lists paginate instead): one that does is still served
   * (a reader is better off with it than with an error), and logged as the error it is.
   */
  const checkPageSize = (req: IncomingMessage, res: ServerResponse, bytes: number) => {
    if (bytes > MAX_PAGE_BYTES && String(res.getHeader('content-type') ?? '').startsWith('text/html')) {
      logger.error({ url: req.url, bytes, limit: MAX_PAGE_BYTES }, 'public page over 1 MB of HTML: paginate it')
    }
  }

  const render = (req: IncomingMessage, res: ServerResponse, key: string, next: (outcome: PassOutcome) => void) => {
    rendering.set(key, [])
    // The stored copy is compressed once by the cache; the app must send it plain.
    const acceptEncoding = req.headers['accept-encoding']
    delete req.headers['accept-encoding']
    const generation = store.currentGeneration()
    const knownTags = routeTags(req.url!)
    let released = false
    const settle = (handed: Handed) => {
      if (released) return
      released = true
      release(key, handed)
    }
    res.once('close', () => settle(undefined))
    const held = holdResponse(res, {
      maxBytes: maxEntryBytes,
      budget,
      onLetGo: () => {
        const tags = shareableTags(res, knownTags)
        if (!tags) return settle(undefined)
        // Too large to keep here, but a proxy in front may still keep a known public route.
        if (knownTags.length > 0) markShared(res, tags, sMaxAgeSeconds)
        settle({ relay: relayResponse(res, (bytes) => checkPageSize(req, res, bytes)), generation })
      },
      onEnd: (body) => {
        const tags = shareableTags(res, knownTags)
        if (!tags) {
          settle(undefined)
          return held.sendAsWritten()
        }
        checkPageSize(req, res, body.length)
        buildEntry({ status: res.statusCode, headers: res.getHeaders(), body, tags, sMaxAgeSeconds })
          .then((entry) => {
            store.set(key, entry, generation)
            held.restore()
            clearForEntry(res)
            if (acceptEncoding !== undefined) req.headers['accept-encoding'] = acceptEncoding
            serveEntry(req, res, entry, 'MISS')
            settle({ entry, generation })
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

  /** Waits for the render of `key` under way: its answer, or a render of its own when none is handed on. */
  const wait = (req: IncomingMessage, res: ServerResponse, waiters: Waiter[], next: (outcome: PassOutcome) => void) => {
    const joinedIn = store.currentGeneration()
    const started = process.hrtime.bigint()
    const timer = setTimeout(() => settle(undefined), coalesceTimeoutMs)
    let settled = false
    const settle: Waiter = (handed) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (!handed) {
        store.counters.misses += 1
        return next('miss')
      }
      // Purged after the render began and before this request came: the answer may show what was purged.
      if (handed.generation !== joinedIn) return handle(req, res, next)
      if ('entry' in handed) return serve(req, res, handed.entry, store.get(cacheKey(req.url!)) === handed.entry ? 'hit' : 'shared')
      store.counters.handedOn += 1
      handed.relay.follow(res, req.method === 'HEAD')
      res.once('finish', () => answered(req, res.statusCode, started, 'shared'))
    }
    waiters.push(settle)
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
    if (waiters) return wait(req, res, waiters, next)
    store.counters.misses += 1
    if (req.method === 'GET') render(req, res, key, next)
    else next('miss')
  }

  return { handle, purge: (tags) => store.purge(tags), stats: () => ({ ...store.stats(), inFlightBytes: budget.inUse() }) }
}
