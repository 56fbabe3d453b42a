import type { Payload } from 'payload'

type CachedInstance = { payload: Payload | null }

/**
 * Payload caches each instance on `global._payload` (a Map by key). The server holds its own
 * instance; Next's bundle holds another. Shutting down closes every database connection there is.
 */
export async function closeAllPayloadInstances(): Promise<void> {
  const cache = (globalThis as { _payload?: Map<string, CachedInstance> })._payload
  for (const cached of cache?.values() ?? []) {
    await cached.payload?.destroy()
  }
}
