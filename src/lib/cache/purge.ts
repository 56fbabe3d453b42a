/**
 * The one way anything public is purged. Hooks (in whichever Payload instance or module copy
 * runs them) call `purgeChange`; the server registers what gets purged: its response cache, a bus
 * to the other processes, a proxy. The registry lives on globalThis because Next's bundle and the
 * server's own modules are separate module graphs in one process.
 */
import { onTransactionEnd, type TransactionHolder } from './afterCommit'

export type PurgeTarget = (tags: string[]) => Promise<void> | void
type PurgeLogger = { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void }

/**
 * Where a target purges. 'process': a cache inside this process (the response cache).
 * 'cluster': a forwarder to the other processes (the Redis bus). 'edge': a cache shared by all
 * processes, in front of them (Varnish). Edge targets run last, so a proxy refetching right after
 * its purge cannot get a stale copy from a process that has not purged yet.
 */
export type PurgeLayer = 'process' | 'cluster' | 'edge'
type Registered = { target: PurgeTarget; layer: PurgeLayer }

const REGISTRY = Symbol.for('publication.purgeTargets')
const AWAITING_COMMIT = Symbol.for('publication.tagsAwaitingCommit')
type TransactionId = number | string
type GlobalWithRegistry = typeof globalThis & { [REGISTRY]?: Map<string, Registered>; [AWAITING_COMMIT]?: Map<TransactionId, Set<string>> }

function awaitingCommit(): Map<TransactionId, Set<string>> {
  const global = globalThis as GlobalWithRegistry
  global[AWAITING_COMMIT] ??= new Map()
  return global[AWAITING_COMMIT]
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
  const all = [...targets()]
  const inner = all.filter(([, { layer }]) => layer === 'process' || (!localOnly && layer === 'cluster'))
  const edge = localOnly ? [] : all.filter(([, { layer }]) => layer === 'edge')
  if (inner.length + edge.length === 0) {
    // A process with no cache of its own and no way to the others (the CLI without REDIS_URL).
    logger.warn({ tags: unique }, 'nothing purged: no cache is reachable from this process; servers keep their copies of these until their next purge (set REDIS_URL so purges reach them)')
    return
  }
  await runTargets(inner, unique, logger)
  await runTargets(edge, unique, logger)
  logger.info({ tags: unique, targets: [...inner, ...edge].map(([name]) => name), ...(localOnly && { localOnly }) }, 'purged')
}

type ChangeRequest = TransactionHolder & { payload: TransactionHolder['payload'] & { logger: PurgeLogger } }

/**
 * Purges what a change makes stale: now, so the API call returns with the change visible, and
 * once more when the change's database transaction commits. Hooks run inside the transaction; a
 * reader arriving between the first purge and the commit renders the old rows, and that copy
 * must not outlive the commit. Every purge of one transaction goes out again together, once.
 */
export async function purgeChange(req: ChangeRequest, tags: Iterable<string>): Promise<void> {
  const unique = [...new Set(tags)]
  if (unique.length === 0) return
  const logger = req.payload.logger
  await purgeTags(unique, logger)
  const id = await req.transactionID
  // Outside a transaction each write was committed when made: the purge above came after it.
  if (id === undefined || id === null) return
  const waiting = awaitingCommit().get(id)
  if (waiting) {
    for (const tag of unique) waiting.add(tag)
    return
  }
  const again = new Set(unique)
  awaitingCommit().set(id, again)
  const forget = () => void awaitingCommit().delete(id)
  await onTransactionEnd(req, {
    committed: async () => {
      forget()
      await purgeTags(again, logger)
    },
    rolledBack: forget,
  })
}

async function runTargets(entries: Array<[string, Registered]>, tags: string[], logger: PurgeLogger): Promise<void> {
  const results = await Promise.allSettled(entries.map(([, { target }]) => target(tags)))
  for (const [index, result] of results.entries()) {
    if (result.status === 'rejected') logger.error({ err: result.reason, target: entries[index]![0], tags }, 'purge failed')
  }
}
