import { sql } from 'drizzle-orm'
import type { Payload } from 'payload'

import { createVersionedCache, type VersionedCache, type VersionedCacheBounds } from '@/lib/search/versionedCache'
import { sqlRunnerOf } from './sqlRunner'

/**
 * The search's version counter: a one-row table the database's own triggers move, in the same
 * statement or transaction, on any write to an article that is or was published, its
 * relationships and its corrections (migrations …_search_index_version and
 * …_search_results_version). It may move more often than search results change; never less.
 */
async function readIndexVersion(payload: Payload): Promise<string> {
  const runner = sqlRunnerOf(payload)!
  const [row] = await runner.rows<{ version: number | string }>(sql`SELECT version FROM article_search_version WHERE id = 1`)
  return String(row?.version)
}

/**
 * A cache per Payload instance (so per database), each value valid while the version counter
 * holds. Null on MongoDB, which has no counter: nothing is kept there.
 */
export function cacheAgainstIndexVersion<Value extends object>(bounds: VersionedCacheBounds<Value>): (payload: Payload) => VersionedCache<Value> | null {
  const caches = new WeakMap<Payload, VersionedCache<Value>>()
  return (payload) => {
    if (!sqlRunnerOf(payload)) return null
    let cache = caches.get(payload)
    if (!cache) {
      cache = createVersionedCache<Value>(() => readIndexVersion(payload), bounds)
      caches.set(payload, cache)
    }
    return cache
  }
}
