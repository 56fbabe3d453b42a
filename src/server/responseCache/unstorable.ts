import type { ServerResponse } from 'node:http'

const unstorable = new WeakSet<ServerResponse>()

/**
 * Marks a response as not for keeping: it was made while something it depends on failed (the
 * site settings could not be read, so it lacks their headers). The reader gets it; the cache and
 * any proxy do not keep it, so the next reader gets a complete one.
 */
export function doNotStore(res: ServerResponse): void {
  unstorable.add(res)
}

export function isUnstorable(res: ServerResponse): boolean {
  return unstorable.has(res)
}
