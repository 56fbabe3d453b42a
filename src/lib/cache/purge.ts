/**
 * The one way anything public is purged. Hooks (in whichever Payload instance or module copy
 * runs them) call `purgeTags`; the server registers what gets purged: its response cache, and
 * later a bus to other processes or a proxy. The registry lives on globalThis because Next's
 * bundle and the server's own modules are separate module graphs in one process.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export type PurgeTarget = (tags: string[]) => Promise<void> | void
type PurgeLogger = { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void }

const REGISTRY = Symbol.for('publication.purgeTargets')
const PURGE_LOG = Symbol.for('publication.purgeLog')
type GlobalWithRegistry = typeof globalThis & { [REGISTRY]?: Map<string, PurgeTarget>; [PURGE_LOG]?: AsyncLocalStorage<Set<string>> }

function purgeLog(): AsyncLocalStorage<Set<string>> {
  const global = globalThis as GlobalWithRegistry
  global[PURGE_LOG] ??= new AsyncLocalStorage()
  return global[PURGE_LOG]
}

/**
 * Runs work (a request, a job run) noting every tag it purges in `log`. Hooks purge inside the
 * database transaction; a reader arriving before the commit renders the old state and may cache
 * it again. The caller purges the logged tags once more after the work has committed.
 */
export function withPurgeLog<T>(log: Set<string>, work: () => T): T {
  return purgeLog().run(log, work)
}

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
  const log = purgeLog().getStore()
  for (const tag of unique) log?.add(tag)
  const results = await Promise.allSettled([...targets()].map(async ([name, target]) => ({ name, result: await target(unique) })))
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected') logger.error({ err: result.reason, target: [...targets().keys()][index], tags: unique }, 'purge failed')
  }
  logger.info({ tags: unique }, 'purged')
}
