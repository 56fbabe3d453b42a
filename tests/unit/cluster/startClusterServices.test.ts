import { afterEach, describe, expect, it } from '@jest/globals'

import { purgeTags } from '../../../src/lib/cache/purge'
import { startClusterServices } from '../../../src/server/cluster/startClusterServices'
import { freePort } from '../../../scripts/lib/serverProcess'

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

describe('startClusterServices', () => {
  it('changes nothing for a single process: jobs run directly, nothing extra is purged', async () => {
    const services = await startClusterServices({ logger })
    closers.push(...services.resources.map((resource) => resource.close))
    let ran = false
    expect(await services.runJobsExclusive(async () => void (ran = true))).toBe(true)
    expect(ran).toBe(true)
    expect(services.redis).toBeUndefined()
    expect(services.resources).toEqual([])
  })

  it('purges the proxy when PROXY_PURGE_URL is set, and stops when closed', async () => {
    const port = await freePort()
    const services = await startClusterServices({ proxyPurgeUrl: `http://127.0.0.1:${port}/`, logger })
    const errors: object[] = []
    await purgeTags(['site'], { info: () => undefined, warn: () => undefined, error: (obj) => void errors.push(obj) })
    expect(errors).toEqual([expect.objectContaining({ target: 'proxy' })])
    for (const resource of services.resources) await resource.close()
    errors.length = 0
    await purgeTags(['site'], { info: () => undefined, warn: () => undefined, error: (obj) => void errors.push(obj) })
    expect(errors).toEqual([])
  })

  it('says what to do when Redis does not answer, without echoing its password', async () => {
    const port = await freePort()
    await expect(startClusterServices({ redisUrl: `redis://:hunter2@127.0.0.1:${port}`, logger })).rejects.toThrow(
      /Could not connect to Redis at REDIS_URL \(redis:\/\/\*\*\*@127\.0\.0\.1:\d+\): start it, or unset REDIS_URL/,
    )
    await expect(startClusterServices({ redisUrl: `redis://:hunter2@127.0.0.1:${port}`, logger })).rejects.not.toThrow(/hunter2/)
  })
})
