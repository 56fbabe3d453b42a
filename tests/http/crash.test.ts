import path from 'node:path'

import { afterAll, describe, expect, it } from '@jest/globals'

import { integrityCheck } from '../../src/ops/sqlite'
import { prepareNewsroom, runNewsroom, verifyWrites } from '../../src/ops/soak/runSoak'
import { startServer, stopServer, type RunningServer } from '../../scripts/lib/serverProcess'
import { makeThrowawayEnv, removeDir } from '../support/env'

const { dir, env } = makeThrowawayEnv('crash')
const servers: RunningServer[] = []
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

afterAll(async () => {
  for (const server of servers) await stopServer(server.child)
  removeDir(dir)
})

describe('kill -9 during concurrent writes', () => {
  it('leaves a sound database holding every acknowledged write after a restart', async () => {
    const first = await startServer(env)
    servers.push(first)
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

    const second = await startServer(env)
    servers.push(second)
    expect(await verifyWrites(newsroom, second.baseUrl)).toEqual([])
    expect(newsroom.ledger.entries().length).toBeGreaterThan(5)
    expect(uncertain).toBeLessThanOrEqual(newsroom.editors.length)
  }, 180_000)
})
