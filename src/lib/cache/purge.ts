/**
 * The one way anything public is purged. Hooks (in whichever Payload instance or module copy
 * runs them) call `purgeTags`; the server registers what gets purged: its response cache, and
 * later a bus to other processes or a proxy. The registry lives on globalThis because Next's
 * bundle and the server's own modules are separate module graphs in one process.
 */
export type PurgeTarget = (tags: string[]) => Promise<void> | void
type PurgeLogger = { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void }

const REGISTRY = Symbol.for('publication.purgeTargets')
type GlobalWithRegistry = typeof globalThis & { [REGISTRY]?: Map<string, PurgeTarget> }

function targets(): Map<string, PurgeTarget> {
  const global = globalThis as GlobalWithRegistry
  global[REGISTRY] ??= new Map()
  return global[REGISTRY]
}

/** Registers (or replaces) a named purge target; returns a function that removes it. */
export function registerPurgeTarget(name: string, target: PurgeTarget): () => void {
  targets().set(name, target)
  return () => {
    if (targets().get(name) === target) targets().delete(name)
  }
}

/** Purges the tags everywhere before resolving, so a publish is visible when the API call returns. */
export async function purgeTags(tags: Iterable<string>, logger: PurgeLogger): Promise<void> {
  const unique = [...new Set(tags)]
  if (unique.length === 0) return
  const results = await Promise.allSettled([...targets()].map(async ([name, target]) => ({ name, result: await target(unique) })))
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected') logger.error({ err: result.reason, target: [...targets().keys()][index], tags: unique }, 'purge failed')
  }
  logger.info({ tags: unique }, 'purged')
}
