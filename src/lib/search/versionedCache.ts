import { LRUCache } from 'lru-cache'

/**
 * A bounded cache of values that hold only while a version holds: each get reads the current
 * version first, and a value computed after that read is stored under that version. A change
 * that lands while a value is being computed therefore moves the version past it, so that
 * value is never served again; a value is never stored under a version newer than its data.
 */
export type VersionedCache<Value> = {
  /**
   * `version`: one the caller read just before (an outer cache over the same counter), so it is
   * not read twice for one request; `compute` gets the version its value is kept under.
   */
  get: (key: string, compute: (version: string) => Promise<Value>, version?: string) => Promise<Value>
}

/**
 * `maxEntries` bounds how many values are kept; with `sizeOf`, `maxSize` also bounds their sum
 * (values of very different sizes, such as result pages of 1 or 100 articles).
 */
export type VersionedCacheBounds<Value> = { maxEntries: number } | { maxEntries: number; maxSize: number; sizeOf: (value: Value) => number }

export function createVersionedCache<Value extends object>(readVersion: () => Promise<string>, bounds: VersionedCacheBounds<Value>): VersionedCache<Value> {
  type Entry = { version: string; value: Value }
  const entries = new LRUCache<string, Entry>(
    'sizeOf' in bounds
      ? { max: bounds.maxEntries, maxSize: bounds.maxSize, sizeCalculation: (entry: Entry) => Math.max(1, bounds.sizeOf(entry.value)) }
      : { max: bounds.maxEntries },
  )
  return {
    async get(key, compute, known) {
      const version = known ?? (await readVersion())
      const hit = entries.get(key)
      if (hit && hit.version === version) return hit.value
      const value = await compute(version)
      entries.set(key, { version, value })
      return value
    },
  }
}
