import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import { integrityCheck } from '../../src/ops/sqlite'
import { prepareNewsroom, runNewsroom, verifyWrites } from '../../src/ops/soak/runSoak'
import { useOwnServers } from '../support/ownServers'

const own = useOwnServers()
const { dir, env: throwawayEnv } = own.throwaway('crash')
// A job the kill left claimed is handed back once claimed longer than a run may last: here 20 s, so the restarted server does it soon.
const env = { ...throwawayEnv, JOBS_TIMEOUT_SECONDS: '20' }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('kill -9 during concurrent writes', () => {
  it('leaves a sound database holding every acknowledged write after a restart', async () => {
    const first = await own.start(env)
    const newsroom = await prepareNewsroom(first.baseUrl, { email: 'crash-admin@example.com', password: 'a long crash password' }, 8)
    let writing = true
    const load = runNewsroom(newsroom, 2, () => writing)

    await sleep(3000)
    const exited = new Promise((resolve) => first.child.once('exit', resolve))
    first.child.kill('SIGKILL')
    await exited
    writing = false
    await load

    const { acknowledgedWrites, uncertain } = newsroom.ledger.counts()
    expect(acknowledgedWrites).toBeGreaterThan(10)
    // The kill cut requests in flight: the test only counts if it struck mid-write.
    expect(newsroom.recorder.summary().networkErrors).toBeGreaterThan(0)
    expect(await integrityCheck(path.join(dir, 'test.db'))).toEqual(['ok'])

    const second = await own.start(env)
    expect(await verifyWrites(newsroom, second.baseUrl)).toEqual([])
    expect(newsroom.ledger.entries().length).toBeGreaterThan(5)
    // At most two per editor: the one cut by the kill, and one sent before the editor saw the load stop.
    expect(uncertain).toBeLessThanOrEqual(2 * newsroom.editors.length)
  }, 180_000)
})
