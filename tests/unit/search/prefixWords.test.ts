import { describe, expect, it } from '@jest/globals'

import { createPrefixWordsCache, wordsOfPrefixes, type PrefixWords } from '../../../src/domain/search/prefixWords'

/** A lookup that records what it was asked, answering from `index`. */
function recordingLookup(index: Record<string, string[]>) {
  const asked: string[][] = []
  const lookup = async (prefixes: string[]): Promise<PrefixWords> => {
    asked.push(prefixes)
    return new Map(prefixes.map((prefix) => [prefix, index[prefix] ?? []]))
  }
  return { asked, lookup }
}

describe('wordsOfPrefixes', () => {
  it('looks a prefix up once while the index version holds, and only the prefixes not kept', async () => {
    const { asked, lookup } = recordingLookup({ summit: ['summit', 'summits'], putin: ['putin', 'putina'] })
    const cache = createPrefixWordsCache()
    expect(await wordsOfPrefixes(['summit'], lookup, { cache, version: '7' })).toEqual(new Map([['summit', ['summit', 'summits']]]))
    expect(await wordsOfPrefixes(['summit', 'putin'], lookup, { cache, version: '7' })).toEqual(
      new Map([
        ['summit', ['summit', 'summits']],
        ['putin', ['putin', 'putina']],
      ]),
    )
    expect(await wordsOfPrefixes(['putin', 'summit'], lookup, { cache, version: '7' })).toEqual(
      new Map([
        ['putin', ['putin', 'putina']],
        ['summit', ['summit', 'summits']],
      ]),
    )
    expect(asked).toEqual([['summit'], ['putin']])
  })

  it('looks up again once the index has moved on, and keeps the new words', async () => {
    const index: Record<string, string[]> = { summit: ['summit'] }
    const { asked, lookup } = recordingLookup(index)
    const cache = createPrefixWordsCache()
    await wordsOfPrefixes(['summit'], lookup, { cache, version: '7' })
    index.summit = ['summit', 'summiteer']
    expect(await wordsOfPrefixes(['summit'], lookup, { cache, version: '8' })).toEqual(new Map([['summit', ['summit', 'summiteer']]]))
    expect(await wordsOfPrefixes(['summit'], lookup, { cache, version: '8' })).toEqual(new Map([['summit', ['summit', 'summiteer']]]))
    expect(asked).toEqual([['summit'], ['summit']])
  })

  it('keeps nothing without a cache: every ranking looks up', async () => {
    const { asked, lookup } = recordingLookup({ summit: ['summit'] })
    await wordsOfPrefixes(['summit'], lookup)
    await wordsOfPrefixes(['summit'], lookup)
    expect(asked).toEqual([['summit'], ['summit']])
  })

  it('keeps a bounded number of prefixes', async () => {
    const { asked, lookup } = recordingLookup({})
    const cache = createPrefixWordsCache(2)
    for (const prefix of ['aa', 'bb', 'cc', 'aa']) await wordsOfPrefixes([prefix], lookup, { cache, version: '1' })
    expect(asked).toEqual([['aa'], ['bb'], ['cc'], ['aa']])
    expect(cache.size).toBe(2)
  })
})
