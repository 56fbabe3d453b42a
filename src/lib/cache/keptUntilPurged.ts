import { randomUUID } from 'node:crypto'

import { registerPurgeTarget } from './purge'

/**
 * A value read once and kept in this process until `tag` is purged: for what every page shows
 * and every reader sees alike (the site settings, the sections), so a page that is never cached
 * whole (search results) does not read it again for each request. Each change to it purges
 * `tag` in the writing process after its commit, and in every other process through the purge
 * bus, as for cached pages. A purge also drops a read still under way (it may predate the
 * change), and a failed read is not kept. Registers its purge target on first use only, so a
 * process that never reads it (the CLI) has none.
 */
export function keptUntilPurged<Value>(tag: string, load: () => Promise<Value>): () => Promise<Value> {
  // One target per copy of this module (Next's bundle and the server's own modules are separate graphs).
  const name = `kept-until-purged:${tag}:${randomUUID()}`
  let registered = false
  let current: Promise<Value> | undefined
  return () => {
    if (!registered) {
      registerPurgeTarget(name, (tags) => {
        if (tags.includes(tag)) current = undefined
      })
      registered = true
    }
    if (current) return current
    const loading = load()
    current = loading
    loading.catch(() => {
      if (current === loading) current = undefined
    })
    return loading
  }
}
