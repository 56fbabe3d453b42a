import { afterEach, describe, expect, it, jest } from '@jest/globals'

import type { BaseDatabaseAdapter } from 'payload'

import { purgeChange, purgeTags, registerPurgeTarget } from '../../src/lib/cache/purge'

const logger = () => ({ info: jest.fn(), warn: jest.fn(), error: jest.fn() })
const unregister: Array<() => void> = []
afterEach(() => unregister.splice(0).forEach((remove) => remove()))

describe('purgeTags', () => {
  it('hands the unique tags to every registered target before resolving', async () => {
    const seen: Record<string, string[][]> = { a: [], b: [] }
    unregister.push(registerPurgeTarget('a', (tags) => void seen.a!.push(tags)))
    unregister.push(
      registerPurgeTarget('b', async (tags) => {
        await new Promise((resolve) => setTimeout(resolve, 10))
        seen.b!.push(tags)
      }),
    )
    await purgeTags(['article:x', 'articles', 'article:x'], logger())
    expect(seen).toEqual({ a: [['article:x', 'articles']], b: [['article:x', 'articles']] })
  })

  it('logs a failing target by name and still purges the others', async () => {
    const log = logger()
    const seen: string[][] = []
    unregister.push(registerPurgeTarget('broken', () => Promise.reject(new Error('proxy down'))))
    unregister.push(registerPurgeTarget('fine', (tags) => void seen.push(tags)))
    await purgeTags(['site'], log)
    expect(seen).toEqual([['site']])
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ target: 'broken', tags: ['site'] }), 'purge failed')
  })

  it('does nothing for no tags, and forgets an unregistered target', async () => {
    const seen: string[][] = []
    const remove = registerPurgeTarget('once', (tags) => void seen.push(tags))
    await purgeTags([], logger())
    remove()
    await purgeTags(['site'], logger())
    expect(seen).toEqual([])
  })
})

describe('purgeTags with nowhere to purge', () => {
  it('says plainly that nothing was purged, and does not claim it was', async () => {
    const log = logger()
    await purgeTags(['article:a'], log)
    expect(log.info).not.toHaveBeenCalled()
    expect(log.warn).toHaveBeenCalledWith({ tags: ['article:a'] }, expect.stringMatching(/^nothing purged: .*REDIS_URL/))
  })
})

/** An adapter whose transactions end when the test says, as Payload's operations end them. */
function fakeDatabase() {
  const ended: string[] = []
  const db = {
    commitTransaction: async (id: string | number | Promise<string | number>) => void ended.push(`commit ${await id}`),
    rollbackTransaction: async (id: string | number | Promise<string | number>) => void ended.push(`rollback ${await id}`),
  } as Pick<BaseDatabaseAdapter, 'commitTransaction' | 'rollbackTransaction'>
  return { db, ended }
}

describe('purgeChange', () => {
  it('purges at once, and again only when the transaction has committed, once for all of its changes', async () => {
    const purges: string[][] = []
    unregister.push(registerPurgeTarget('cache', (tags) => void purges.push(tags)))
    const { db, ended } = fakeDatabase()
    const req = { transactionID: 'tx1', payload: { db, logger: logger() } }
    await purgeChange(req, ['article:a', 'articles'])
    await purgeChange(req, ['credits'])
    expect(purges).toEqual([['article:a', 'articles'], ['credits']])
    await db.commitTransaction('tx1')
    expect(ended).toEqual(['commit tx1'])
    expect(purges).toEqual([['article:a', 'articles'], ['credits'], ['article:a', 'articles', 'credits']])
    // Another transaction later on the same adapter is followed as well.
    await purgeChange({ ...req, transactionID: 'tx2' }, ['site'])
    await db.commitTransaction('tx2')
    expect(purges.at(-1)).toEqual(['site'])
  })

  it('waits for a transaction id that is still a promise, and purges nothing more after a rollback', async () => {
    const purges: string[][] = []
    unregister.push(registerPurgeTarget('cache', (tags) => void purges.push(tags)))
    const { db } = fakeDatabase()
    await purgeChange({ transactionID: Promise.resolve('tx3'), payload: { db, logger: logger() } }, ['article:b'])
    await db.rollbackTransaction('tx3')
    await db.commitTransaction('tx3')
    expect(purges).toEqual([['article:b']])
  })

  it('purges once when the write was made outside a transaction (already committed)', async () => {
    const purges: string[][] = []
    unregister.push(registerPurgeTarget('cache', (tags) => void purges.push(tags)))
    const { db } = fakeDatabase()
    // Payload leaves a resolved promise of null on the request when the adapter has no transactions (SQLite).
    await purgeChange({ transactionID: Promise.resolve(null), payload: { db, logger: logger() } }, ['article:c'])
    await purgeChange({ payload: { db, logger: logger() } }, ['article:d'])
    expect(purges).toEqual([['article:c'], ['article:d']])
  })
})
