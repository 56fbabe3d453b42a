import { LRUCache } from 'lru-cache'

/**
 * A bounded cache of values that hold only while a version holds: each get reads the current
 * version first, and a value computed after that read is stored under that version. A change
 * that lands while a value is being computed therefore moves the version past it, so that
 * value is never served again; a value is never stored under a version newer than its data.
 * Callers asking for a key being computed under the same version wait for that computation: a
 * publish moves the version, and every reader of a popular query would otherwise rank it at once.
 */
export type VersionedCache<Value> = {
  /**
   * `version`: one the caller read just before (an outer cache over the same counter), so it is
   * not read twice for one request; `compute` gets the version its value is kept under.
   */
  get: (key: string, compute: (version: string) => Promise<Value>, version?: string) => Promise<Value>
  /**
   * The values of several keys under `version`: those kept under it, and the others from one
   * call of `computeMissing` (one statement for all of them), kept under it too.
   */
  getMany: (keys: readonly string[], computeMissing: (missing: string[]) => Promise<ReadonlyMap<string, Value>>, version: string) => Promise<Map<string, Value>>
  /** How many values are kept. */
  readonly size: number
}

/**
 * `maxEntries` bounds how many values are kept; with `sizeOf`, `maxSize` also bounds their sum
 * (values of very different sizes, such as result pages of 1 or 100 articles).
 */
export type VersionedCacheBounds<Value> = { maxEntries: number } | { maxEntries: number; maxSize: number; sizeOf: (value: Value) => number }

/** `readVersion`: null where every caller passes the version it read (a thread asked by another). */
export function createVersionedCache<Value extends object>(readVersion: (() => Promise<string>) | null, bounds: VersionedCacheBounds<Value>): VersionedCache<Value> {
  type Entry = { version: string; value: Value }
  const entries = new LRUCache<string, Entry>(
    'sizeOf' in bounds
      ? { max: bounds.maxEntries, maxSize: bounds.maxSize, sizeCalculation: (entry: Entry) => Math.max(1, bounds.sizeOf(entry.value)) }
      : { max: bounds.maxEntries },
  )
  const computing = new Map<string, { version: string; value: Promise<Value> }>()
  return {
    async get(key, compute, known) {
      if (known === undefined && !readVersion) throw new Error('this cache is given the version by its callers')
      const version = known ?? (await readVersion!())
      const hit = entries.get(key)
      if (hit && hit.version === version) return hit.value
      const running = computing.get(key)
      if (running && running.version === version) return running.value
      const value = compute(version)
      computing.set(key, { version, value })
      try {
        const computed = await value
        entries.set(key, { version, value: computed })
        return computed
      } finally {
        if (computing.get(key)?.value === value) computing.delete(key)
      }
    },
    async getMany(keys, computeMissing, version) {
      const found = new Map<string, Value>()
      const missing: string[] = []
      for (const key of keys) {
        const hit = entries.get(key)
        if (hit && hit.version === version) found.set(key, hit.value)
        else missing.push(key)
      }
      if (missing.length === 0) return found
      for (const [key, value] of await computeMissing(missing)) {
        entries.set(key, { version, value })
        found.set(key, value)
      }
      return found
    },
    get size() {
      return entries.size
    },
  }
}
