import { LRUCache } from 'lru-cache'

/**
 * A bounded cache of values that hold only while a version holds: each get reads the current
 * version first, and a value computed after that read is stored under that version. A change
 * that lands while a value is being computed therefore moves the version past it, so that
 * value is never served again; a value is never stored under a version newer than its data.
 */
export type VersionedCache<Value> = {
  get: (key: string, compute: () => Promise<Value>) => Promise<Value>
}

export function createVersionedCache<Value extends object>(readVersion: () => Promise<string>, maxEntries: number): VersionedCache<Value> {
  const entries = new LRUCache<string, { version: string; value: Value }>({ max: maxEntries })
  return {
    async get(key, compute) {
      const version = await readVersion()
      const hit = entries.get(key)
      if (hit && hit.version === version) return hit.value
      const value = await compute()
      entries.set(key, { version, value })
      return value
    },
  }
}
