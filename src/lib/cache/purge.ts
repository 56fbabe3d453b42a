/**
 * The one way anything public is purged. Hooks (in whichever Payload instance or module copy
 * runs them) call `purgeTags`; the server registers what gets purged: its response cache, a bus
 * to the other processes, a proxy. The registry lives on globalThis because Next's bundle and the
 * server's own modules are separate module graphs in one process.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export type PurgeTarget = (tags: string[]) => Promise<void> | void
type PurgeLogger = { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void }

/**
 * Where a target purges. 'process': a cache inside this process (the response cache).
 * 'cluster': a forwarder to the other processes (the Redis bus). 'edge': a cache shared by all
 * processes, in front of them (Varnish). Edge targets run last, so a proxy refetching right after
 * its purge cannot get a stale copy from a process that has not purged yet.
 */
export type PurgeLayer = 'process' | 'cluster' | 'edge'
type Registered = { target: PurgeTarget; layer: PurgeLayer }

const REGISTRY = Symbol.for('publication.purgeTargets')
const PURGE_LOG = Symbol.for('publication.purgeLog')
type GlobalWithRegistry = typeof globalThis & { [REGISTRY]?: Map<string, Registered>; [PURGE_LOG]?: AsyncLocalStorage<Set<string>> }

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

function targets(): Map<string, Registered> {
  const global = globalThis as GlobalWithRegistry
  global[REGISTRY] ??= new Map()
  return global[REGISTRY]
}

/** Registers (or replaces) a named purge target; returns a function that removes it. */
export function registerPurgeTarget(name: string, target: PurgeTarget, layer: PurgeLayer = 'process'): () => void {
  const registered = { target, layer }
  targets().set(name, registered)
  return () => {
    if (targets().get(name) === registered) targets().delete(name)
  }
}

type PurgeOptions = {
  /**
   * Only this process's own caches: for a purge that arrived from another process over the bus,
   * which that process has already sent to the bus and the proxy (never send it round again).
   */
  localOnly?: boolean
}

/** Purges the tags everywhere before resolving, so a publish is visible when the API call returns. */
export async function purgeTags(tags: Iterable<string>, logger: PurgeLogger, { localOnly = false }: PurgeOptions = {}): Promise<void> {
  const unique = [...new Set(tags)]
  if (unique.length === 0) return
  const log = purgeLog().getStore()
  for (const tag of unique) log?.add(tag)
  const all = [...targets()]
  const inner = all.filter(([, { layer }]) => layer === 'process' || (!localOnly && layer === 'cluster'))
  const edge = localOnly ? [] : all.filter(([, { layer }]) => layer === 'edge')
  await runTargets(inner, unique, logger)
  await runTargets(edge, unique, logger)
  logger.info({ tags: unique, ...(localOnly && { localOnly }) }, 'purged')
}

async function runTargets(entries: Array<[string, Registered]>, tags: string[], logger: PurgeLogger): Promise<void> {
  const results = await Promise.allSettled(entries.map(([, { target }]) => target(tags)))
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected') logger.error({ err: result.reason, target: entries[index]![0], tags }, 'purge failed')
  }
}
