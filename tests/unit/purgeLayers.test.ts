import { afterEach, describe, expect, it } from '@jest/globals'

import { purgeTags, registerPurgeTarget, type PurgeLayer } from '../../src/lib/cache/purge'

const errors: unknown[] = []
const logger = { info: () => undefined, warn: () => undefined, error: (obj: object) => void errors.push(obj) }
const unregisters: Array<() => void> = []
const events: string[] = []

/** A target that records when it starts and finishes; `ms` makes it slow. */
function track(name: string, layer: PurgeLayer, ms = 0): void {
  unregisters.push(
    registerPurgeTarget(
      name,
      async (tags) => {
        events.push(`${name} start ${tags.join(',')}`)
        await new Promise((resolve) => setTimeout(resolve, ms))
        events.push(`${name} done`)
      },
      layer,
    ),
  )
}

afterEach(() => {
  for (const unregister of unregisters.splice(0)) unregister()
  events.length = 0
  errors.length = 0
})

describe('purgeTags', () => {
  it('purges every layer, each tag once, and the proxy only after the processes have purged', async () => {
    track('response-cache', 'process', 30)
    track('bus', 'cluster', 20)
    track('proxy', 'edge')
    await purgeTags(['article:a', 'articles', 'article:a'], logger)
    expect(events.slice(0, 2).sort()).toEqual(['bus start article:a,articles', 'response-cache start article:a,articles'])
    expect(events.indexOf('proxy start article:a,articles')).toBeGreaterThan(Math.max(events.indexOf('response-cache done'), events.indexOf('bus done')))
  })

  it('applies a purge from another process to local caches only: no second broadcast, no second proxy purge', async () => {
    track('response-cache', 'process')
    track('bus', 'cluster')
    track('proxy', 'edge')
    await purgeTags(['articles'], logger, { localOnly: true })
    expect(events).toEqual(['response-cache start articles', 'response-cache done'])
  })

  it('logs a failing target by name and still purges the others', async () => {
    unregisters.push(registerPurgeTarget('broken', () => Promise.reject(new Error('down')), 'edge'))
    track('response-cache', 'process')
    await purgeTags(['site'], logger)
    expect(events).toContain('response-cache done')
    expect(errors).toEqual([expect.objectContaining({ target: 'broken', tags: ['site'] })])
  })

  it('stops purging a target once it is unregistered, and treats an unnamed layer as in-process', async () => {
    track('response-cache', 'process')
    unregisters.push(registerPurgeTarget('default-layer', () => void events.push('default-layer')))
    unregisters.shift()?.()
    await purgeTags(['site'], logger, { localOnly: true })
    expect(events).toEqual(['default-layer'])
  })
})
