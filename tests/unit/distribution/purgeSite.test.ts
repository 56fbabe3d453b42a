import { afterEach, describe, expect, it } from '@jest/globals'

import { purgeSiteAfterChange } from '../../../src/globals/hooks/purgeSiteAfterChange'
import { registerPurgeTarget } from '../../../src/lib/cache/purge'

type HookArgs = Parameters<typeof purgeSiteAfterChange>[0]

describe('Site settings changes', () => {
  let unregister: () => void = () => {}
  afterEach(() => unregister())

  it('purge everything tagged `site` (every feed, robots.txt, tdmrep.json, the API document)', async () => {
    const purged: string[][] = []
    unregister = registerPurgeTarget('test', (tags) => {
      purged.push(tags)
    })
    const logger = { info: () => {}, error: () => {} }
    const doc = { tdm: 'allowed' }
    const returned = await purgeSiteAfterChange({ doc, req: { payload: { logger } } } as unknown as HookArgs)
    expect(returned).toBe(doc)
    expect(purged).toEqual([['site']])
  })
})
