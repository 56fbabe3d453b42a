import type { ChildProcess } from 'node:child_process'

import { describe, expect, it } from '@jest/globals'

import { useOwnServers } from '../support/ownServers'

const own = useOwnServers()
const { env } = own.throwaway('access-log')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const SLUG = 'xi-putin-beijing-no-limits-partnership'
/** URLs only this test asks for (the marker keeps the start-up health polls out of the count): cache hits, Express, a cached 404, a route handler. */
const urls = (marker: string) => [`/articles/${SLUG}?${marker}`, `/?${marker}`, `/healthz?${marker}`, `/no-such-page?${marker}`, `/feed.xml?${marker}`]

/** Sends requests over a few keep-alive connections until `keepGoing` says stop; counts answers per URL in `answered`. */
async function traffic(baseUrl: string, paths: string[], keepGoing: () => boolean, answered = new Map<string, number>()): Promise<Map<string, number>> {
  await Promise.all(
    Array.from({ length: 6 }, async (_, worker) => {
      for (let index = worker; keepGoing(); index += 1) {
        const path = paths[index % paths.length]!
        const response = await fetch(`${baseUrl}${path}`).catch(() => undefined)
        if (!response) return
        await response.arrayBuffer()
        answered.set(path, (answered.get(path) ?? 0) + 1)
      }
    }),
  )
  return answered
}

/** Access-log lines per URL, from the server's stdout ("request completed", or "request errored" for the 503s of the drain). */
function loggedPerUrl(output: string, paths: string[]): Map<string, number> {
  const logged = new Map<string, number>()
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue
    const entry = JSON.parse(line) as { req?: { url?: string }; res?: { statusCode?: number } }
    const url = entry.req?.url
    if (url && paths.includes(url) && entry.res?.statusCode) logged.set(url, (logged.get(url) ?? 0) + 1)
  }
  return logged
}

const closed = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))

describe('the access log', () => {
  it('has one line for every request answered, none lost on SIGTERM, however busy', async () => {
    const server = await own.start({ ...env, LOG_LEVEL: 'info', SHUTDOWN_DRAIN_SECONDS: '1' })
    const paths = urls('sigterm')
    let sending = true
    const answered = new Map<string, number>()
    const total = () => [...answered.values()].reduce((sum, count) => sum + count, 0)
    const sent = traffic(server.baseUrl, paths, () => sending, answered)
    while (total() < 400) await sleep(50)
    const exited = closed(server.child)
    server.child.kill('SIGTERM')
    // Requests go on during the drain, until the port closes.
    await sleep(800)
    sending = false
    await sent
    expect(await exited).toBe(0)
    expect(loggedPerUrl(server.output(), paths)).toEqual(answered)
    // Nothing but the access log: no leak warnings from a feed's render among the lines.
    expect(server.output()).not.toContain('MaxListenersExceededWarning')
  }, 120_000)

  it('loses nothing older than a second when the process is killed outright', async () => {
    const server = await own.start({ ...env, LOG_LEVEL: 'info' })
    const paths = urls('kill-9')
    let count = 0
    const answered = await traffic(server.baseUrl, paths, () => (count += 1) <= 60)
    await sleep(1600)
    const exited = closed(server.child)
    server.child.kill('SIGKILL')
    await exited
    expect(loggedPerUrl(server.output(), paths)).toEqual(answered)
  }, 120_000)
})
