import { afterEach, describe, expect, it, jest } from '@jest/globals'

import { purgeTags, registerPurgeTarget, withPurgeLog } from '../../src/lib/cache/purge'

const logger = () => ({ info: jest.fn(), error: jest.fn() })
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

describe('withPurgeLog', () => {
  it('records what the work purged, across awaits, and nothing outside it', async () => {
    const log = new Set<string>()
    await withPurgeLog(log, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      await purgeTags(['article:a'], logger())
      await Promise.resolve().then(() => purgeTags(['articles'], logger()))
    })
    await purgeTags(['outside'], logger())
    expect([...log]).toEqual(['article:a', 'articles'])
  })
})
