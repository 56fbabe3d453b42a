import type { BaseDatabaseAdapter } from 'payload'

type Id = number | string
type Outcome = { committed: () => Promise<void>; rolledBack: () => void }
type Listeners = Map<Id, Outcome[]>

const LISTENERS = Symbol.for('publication.transactionListeners')
type TransactionEnds = Pick<BaseDatabaseAdapter, 'commitTransaction' | 'rollbackTransaction'>
type Watched = TransactionEnds & { [LISTENERS]?: Listeners }

/**
 * Payload has no "after commit" hook: its operations end a transaction through the adapter's
 * `commitTransaction` / `rollbackTransaction`. Wrapping those two once per adapter lets work wait
 * for the real end of a transaction, whatever started it (a request, a job, the CLI).
 */
function listenersOf(db: Watched): Listeners {
  const existing = db[LISTENERS]
  if (existing) return existing
  const listeners: Listeners = new Map()
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  const take = async (id: Parameters<typeof commit>[0]) => {
    const key = await id
    const outcomes = listeners.get(key) ?? []
    listeners.delete(key)
    return outcomes
  }
  db.commitTransaction = async (id) => {
    await commit(id)
    for (const outcome of await take(id)) await outcome.committed()
  }
  db.rollbackTransaction = async (id) => {
    for (const outcome of await take(id)) outcome.rolledBack()
    await rollback(id)
  }
  db[LISTENERS] = listeners
  return listeners
}

/** What a Payload request tells about its transaction: an id, a promise of one, or nothing. */
export type TransactionHolder = { transactionID?: Id | Promise<Id | null | undefined> | null; payload: { db: TransactionEnds } }

/**
 * Calls `committed` once the transaction `req` writes in has committed (awaited by the commit,
 * so a CLI run does not exit before it), or `rolledBack` if it is rolled back. Returns false,
 * calling neither, when `req` writes outside a transaction: each write was committed when made.
 */
export async function onTransactionEnd(req: TransactionHolder, outcome: Outcome): Promise<boolean> {
  const id = await req.transactionID
  if (id === undefined || id === null) return false
  const listeners = listenersOf(req.payload.db)
  listeners.set(id, [...(listeners.get(id) ?? []), outcome])
  return true
}
