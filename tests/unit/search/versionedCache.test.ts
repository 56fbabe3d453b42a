import { describe, expect, it } from '@jest/globals'

import { createVersionedCache } from '../../../src/lib/search/versionedCache'

function counter() {
  let calls = 0
  return { compute: async () => ({ call: ++calls }), calls: () => calls }
}

describe('createVersionedCache', () => {
  it('takes a version the caller just read instead of reading it again, and hands compute the version it keeps under', async () => {
    let reads = 0
    const cache = createVersionedCache<{ version: string }>(async () => String(++reads), { maxEntries: 10 })
    expect(await cache.get('putin', async (version) => ({ version }), '7')).toEqual({ version: '7' })
    expect(await cache.get('putin', async (version) => ({ version: `new ${version}` }), '7')).toEqual({ version: '7' })
    expect(reads).toBe(0)
    expect(await cache.get('putin', async (version) => ({ version }))).toEqual({ version: '1' })
  })

  it('serves a value again while the version holds, and computes anew once it moves', async () => {
    let version = 1
    const cache = createVersionedCache<{ call: number }>(async () => String(version), { maxEntries: 10 })
    const work = counter()
    expect(await cache.get('putin', work.compute)).toEqual({ call: 1 })
    expect(await cache.get('putin', work.compute)).toEqual({ call: 1 })
    version = 2
    expect(await cache.get('putin', work.compute)).toEqual({ call: 2 })
    expect(work.calls()).toBe(2)
  })

  it('computes a key once for callers that ask while it is being computed under the same version, not under another', async () => {
    let version = 1
    const cache = createVersionedCache<{ call: number }>(async () => String(version), { maxEntries: 10 })
    let calls = 0
    let finish: () => void = () => undefined
    const slow = () =>
      new Promise<{ call: number }>((resolve) => {
        calls += 1
        const call = calls
        finish = () => resolve({ call })
      })
    const first = cache.get('putin', slow)
    const second = cache.get('putin', slow)
    await new Promise((resolve) => setImmediate(resolve))
    expect(calls).toBe(1)
    finish()
    expect(await Promise.all([first, second])).toEqual([{ call: 1 }, { call: 1 }])
    // A caller that read a newer version does not take a computation under the older one.
    const older = cache.get('sanctions', slow)
    await new Promise((resolve) => setImmediate(resolve))
    const finishOlder = finish
    version = 2
    const newer = cache.get('sanctions', slow)
    await new Promise((resolve) => setImmediate(resolve))
    expect(calls).toBe(3)
    finish()
    finishOlder()
    expect(await Promise.all([older, newer])).toEqual([{ call: 2 }, { call: 3 }])
  })

  it('lets every waiting caller see a failed computation fail, and computes again on the next ask', async () => {
    const cache = createVersionedCache<{ call: number }>(async () => '1', { maxEntries: 10 })
    let calls = 0
    const failing = async () => {
      calls += 1
      throw new Error('database gone')
    }
    await expect(Promise.all([cache.get('putin', failing), cache.get('putin', failing)])).rejects.toThrow('database gone')
    expect(calls).toBe(1)
    expect(await cache.get('putin', async () => ({ call: 9 }))).toEqual({ call: 9 })
  })

  it('keeps a value computed during a change under the version read before it, so it is not served after', async () => {
    let version = 1
    const cache = createVersionedCache<{ call: number }>(async () => String(version), { maxEntries: 10 })
    let calls = 0
    const changingWhileComputing = async () => {
      calls += 1
      version += 1
      return { call: calls }
    }
    await cache.get('putin', changingWhileComputing)
    expect(await cache.get('putin', changingWhileComputing)).toEqual({ call: 2 })
  })

  it('keys values apart and holds at most the given number of entries', async () => {
    const cache = createVersionedCache<{ call: number }>(async () => '1', { maxEntries: 2 })
    const work = counter()
    await cache.get('a', work.compute)
    await cache.get('b', work.compute)
    await cache.get('c', work.compute)
    expect(work.calls()).toBe(3)
    await cache.get('c', work.compute)
    await cache.get('b', work.compute)
    expect(work.calls()).toBe(3)
    await cache.get('a', work.compute)
    expect(work.calls()).toBe(4)
  })

  it('gives several keys at once, computing only the missing ones in one call, under the version given', async () => {
    const cache = createVersionedCache<{ of: string }>(null, { maxEntries: 10 })
    const asked: string[][] = []
    const computeMissing = async (missing: string[]) => {
      asked.push(missing)
      return new Map(missing.map((key) => [key, { of: key }]))
    }
    expect(await cache.getMany(['a'], computeMissing, '1')).toEqual(new Map([['a', { of: 'a' }]]))
    expect(await cache.getMany(['a', 'b'], computeMissing, '1')).toEqual(new Map([['a', { of: 'a' }], ['b', { of: 'b' }]]))
    expect(await cache.getMany(['a', 'b'], computeMissing, '2')).toEqual(new Map([['a', { of: 'a' }], ['b', { of: 'b' }]]))
    expect(asked).toEqual([['a'], ['b'], ['a', 'b']])
    await expect(cache.get('a', async () => ({ of: 'a' }))).rejects.toThrow(/given the version/)
  })

  it('with sizes, holds values up to the given total size, dropping the least recently used', async () => {
    const cache = createVersionedCache<{ size: number }>(async () => '1', { maxEntries: 10, maxSize: 10, sizeOf: (value) => value.size })
    let calls = 0
    const sized = (size: number) => async () => {
      calls += 1
      return { size }
    }
    await cache.get('a', sized(4))
    await cache.get('b', sized(4))
    await cache.get('a', sized(4))
    expect(calls).toBe(2)
    await cache.get('c', sized(4))
    await cache.get('a', sized(4))
    expect(calls).toBe(3)
    await cache.get('b', sized(4))
    expect(calls).toBe(4)
  })
})
