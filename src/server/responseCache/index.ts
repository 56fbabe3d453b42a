import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Logger } from 'pino'

import { captureBody } from './capture'
import { buildEntry, isShareable, responseTags } from './entry'
import { bypassReason, cacheKey, isStorableStatus, routeTags } from './policy'
import { serveEntry } from './serve'
import { ResponseStore, type CacheStats } from './store'

export type ResponseCacheOptions = {
  maxBytes: number
  /** Optional `s-maxage` for a shared proxy that purges (Varnish); browsers always revalidate. */
  sMaxAgeSeconds?: number
  logger: Pick<Logger, 'info' | 'warn'>
}

export type ResponseCache = {
  /** Answers from the cache when it can (true), or prepares the response to be stored (false). */
  handle: (req: IncomingMessage, res: ServerResponse) => boolean
  purge: (tags: string[]) => number
  stats: () => CacheStats
}

/**
 * Finished anonymous responses, served before Express and Next. A hit costs a map lookup and a
 * write; it is still logged. A miss goes on to the app, and what it sends is stored if shareable.
 */
export function createResponseCache({ maxBytes, sMaxAgeSeconds, logger }: ResponseCacheOptions): ResponseCache {
  const store = new ResponseStore(maxBytes)
  const maxEntryBytes = Math.max(1, Math.floor(maxBytes / 8))

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (bypassReason(req) !== null) {
      store.counters.bypasses += 1
      return false
    }
    const url = req.url!
    const key = cacheKey(url)
    const entry = store.get(key)
    if (entry) {
      const started = process.hrtime.bigint()
      store.counters.hits += 1
      const status = serveEntry(req, res, entry)
      logger.info({ req: { method: req.method, url }, res: { statusCode: status }, responseTime: Number(process.hrtime.bigint() - started) / 1e6, cache: 'hit' }, 'request completed')
      return true
    }
    store.counters.misses += 1
    if (req.method !== 'GET') return false
    // The stored copy is compressed once by the cache; the app must send it plain.
    delete req.headers['accept-encoding']
    const generation = store.currentGeneration()
    const knownTags = routeTags(url)
    captureBody(res, maxEntryBytes, (body) => {
      const headers = res.getHeaders()
      const tags = responseTags(headers, knownTags)
      if (!isStorableStatus(res.statusCode) || !isShareable(headers, knownTags.length > 0, tags)) return
      buildEntry({ status: res.statusCode, headers, body, tags, sMaxAgeSeconds })
        .then((built) => store.set(key, built, generation))
        .catch((error: unknown) => logger.warn({ err: error, url }, 'could not store response'))
    })
    return false
  }

  return { handle, purge: (tags) => store.purge(tags), stats: () => store.stats() }
}
