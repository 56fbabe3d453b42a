import { describe, expect, it } from '@jest/globals'

import { prepareNewsroom, runNewsroom, verifyWrites } from '../../src/ops/soak/runSoak'
import { useOwnServers } from '../support/ownServers'

const own = useOwnServers()
const { env } = own.throwaway('shutdown')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls /healthz as a load balancer would, until it answers 503 or cannot connect. */
async function balancer(baseUrl: string, pollMs: number): Promise<{ status: number | 'unreachable'; body?: Record<string, unknown> }> {
  for (;;) {
    const response = await fetch(`${baseUrl}/healthz`).catch(() => undefined)
    if (!response) return { status: 'unreachable' }
    const body = (await response.json()) as Record<string, unknown>
    if (response.status === 503) return { status: response.status, body }
    await sleep(pollMs)
  }
}

describe('SIGTERM under load', () => {
  it('turns health 503, drains, and no request a balancer sends in the meantime fails; nothing acknowledged is lost', async () => {
    const server = await own.start({ ...env, SHUTDOWN_DRAIN_SECONDS: '2' })
    const newsroom = await prepareNewsroom(server.baseUrl, { email: 'shutdown-admin@example.com', password: 'a long shutdown password' }, 4)

    // Clients keep sending on their keep-alive connections until the balancer sees the 503.
    let inRotation = true
    const load = runNewsroom(newsroom, 8, () => inRotation)
    await sleep(2000)
    const sentBeforeSignal = newsroom.recorder.outcomes().length
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve))
    server.child.kill('SIGTERM')
    const drained = await balancer(server.baseUrl, 100)
    inRotation = false
    await load

    const summary = newsroom.recorder.summary()
    expect({ networkErrors: summary.networkErrors, serverErrors: summary.serverErrors }).toEqual({ networkErrors: 0, serverErrors: 0 })
    expect(drained).toMatchObject({ status: 503, body: { status: 'shutting-down' } })
    // Requests were still being answered after the signal, so the test watched a shutdown under load.
    expect(summary.requests).toBeGreaterThan(sentBeforeSignal)
    expect(await exited).toBe(0)

    const restarted = await own.start(env)
    expect(newsroom.ledger.counts().acknowledgedWrites).toBeGreaterThan(5)
    expect(await verifyWrites(newsroom, restarted.baseUrl)).toEqual([])
  }, 180_000)
})
