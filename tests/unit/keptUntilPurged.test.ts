import { describe, expect, it, jest } from '@jest/globals'

import { keptUntilPurged } from '../../src/lib/cache/keptUntilPurged'
import { purgeTags } from '../../src/lib/cache/purge'

const logger = () => ({ info: jest.fn(), warn: jest.fn(), error: jest.fn() })

/** A load that hands out 1, 2, 3, … and can be held open. */
function counter() {
  let reads = 0
  let hold: Promise<void> = Promise.resolve()
  const load = async () => {
    reads += 1
    const value = reads
    await hold
    return value
  }
  return { load, reads: () => reads, holdWith: (promise: Promise<void>) => (hold = promise) }
}

describe('keptUntilPurged', () => {
  it('reads once, and again only after its tag is purged', async () => {
    const source = counter()
    const get = keptUntilPurged('site-test-a', source.load)
    expect(await get()).toBe(1)
    expect(await get()).toBe(1)
    await purgeTags(['articles', 'api:articles'], logger())
    expect(await get()).toBe(1)
    await purgeTags(['site-test-a'], logger())
    expect(await get()).toBe(2)
    expect(source.reads()).toBe(2)
  })

  it('drops a read that a purge overtook: the next caller reads again', async () => {
    const source = counter()
    const get = keptUntilPurged('site-test-b', source.load)
    let release = () => {}
    source.holdWith(new Promise<void>((resolve) => (release = resolve)))
    const early = get()
    await purgeTags(['site-test-b'], logger())
    source.holdWith(Promise.resolve())
    const late = get()
    release()
    expect([await early, await late]).toEqual([1, 2])
    expect(await get()).toBe(2)
  })

  it('does not keep a failed read', async () => {
    let fail = true
    const get = keptUntilPurged('site-test-c', async () => {
      if (fail) throw new Error('database down')
      return 'settings'
    })
    await expect(get()).rejects.toThrow('database down')
    fail = false
    expect(await get()).toBe('settings')
  })
})
