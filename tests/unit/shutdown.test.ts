import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it, jest } from '@jest/globals'
import { pino } from 'pino'

import { createShutdown } from '../../src/server/shutdown'

const silent = pino({ level: 'silent' })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

type Answer = { status: number; body: string; connection: string | undefined; socketClosed: Promise<void> }

/** A GET through the given agent, reporting the Connection header and when the socket closes. */
function get(port: number, agent: http.Agent, path = '/'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get({ port, host: '127.0.0.1', path, agent }, (res) => {
      const socketClosed = new Promise<void>((closed) => res.socket.once('close', () => closed()))
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection, socketClosed }))
    })
    request.on('error', reject)
  })
}

/** A server whose `/slow` takes 300 ms and everything else answers at once; `slowArrived` says when /slow is in progress. */
function testServer() {
  let arrived: () => void = () => {}
  const slowArrived = new Promise<void>((resolve) => (arrived = resolve))
  const server = http.createServer((req, res) => {
    if (req.url === '/slow') {
      arrived()
      setTimeout(() => res.end('finished'), 300)
    } else res.end('quick')
  })
  return Object.assign(server, { slowArrived })
}

async function untilClosed(server: http.Server): Promise<void> {
  while (server.listening) await sleep(5)
}

describe('createShutdown', () => {
  it('finishes in-flight requests, refuses new connections, closes resources in order, exits 0', async () => {
    const server = testServer()
    const port = await listen(server)
    const closed: string[] = []
    const exit = jest.fn<(code: number) => void>()
    const shutdown = createShutdown({
      server,
      logger: silent,
      exit,
      resources: [
        { name: 'next', close: async () => void closed.push('next') },
        { name: 'database', close: async () => void closed.push('database') },
      ],
    })

    const agent = new http.Agent({ keepAlive: true })
    const inFlight = get(port, agent, '/slow')
    await server.slowArrived
    const done = shutdown('SIGTERM')
    expect(shutdown('SIGINT')).toBe(done)
    await untilClosed(server)
    await expect(get(port, new http.Agent())).rejects.toThrow()
    await expect(inFlight).resolves.toMatchObject({ body: 'finished', connection: 'close' })
    await done
    expect(closed).toEqual(['next', 'database'])
    expect(exit).toHaveBeenCalledWith(0)
  })

  it('turns health to 503 first, keeps serving while draining, and closes keep-alive connections only after a response', async () => {
    const server = testServer()
    const port = await listen(server)
    const exit = jest.fn<(code: number) => void>()
    const events: string[] = []
    const shutdown = createShutdown({ server, logger: silent, exit, drainMs: 400, resources: [], onDrainStart: () => void events.push('health 503') })

    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const before = await get(port, agent)
    expect(before.connection).toBe('keep-alive')
    const slow = get(port, new http.Agent({ keepAlive: true }), '/slow')
    await server.slowArrived

    const done = shutdown('SIGTERM')
    expect(events).toEqual(['health 503'])
    // The idle keep-alive connection is still usable during the drain: its next answer closes it.
    const during = await get(port, agent)
    expect(during).toMatchObject({ status: 200, body: 'quick', connection: 'close' })
    await during.socketClosed
    // New connections are still accepted while the load balancer catches up.
    await expect(get(port, new http.Agent())).resolves.toMatchObject({ status: 200, connection: 'close' })
    // A request in flight when shutdown began completes, and is told the connection ends.
    await expect(slow).resolves.toMatchObject({ body: 'finished', connection: 'close' })

    await done
    expect(exit).toHaveBeenCalledWith(0)
    await expect(get(port, new http.Agent())).rejects.toThrow()
  })

  it('keeps track only of responses left unsent by the handler: an answer sent at once (a cache hit) gets no listener', async () => {
    // How many 'close' listeners each response has when it has finished (before it closes).
    const closeListeners: number[] = []
    const server = http.createServer((_req, res) => {
      res.once('finish', () => closeListeners.push(res.listenerCount('close')))
      res.end('at once')
    })
    const port = await listen(server)
    try {
      await get(port, new http.Agent())
      createShutdown({ server, logger: silent, exit: () => {}, resources: [] })
      await expect(get(port, new http.Agent())).resolves.toMatchObject({ status: 200, body: 'at once' })
      expect(closeListeners).toHaveLength(2)
      expect(closeListeners[1]).toBe(closeListeners[0])
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('does not close the port before the drain has passed', async () => {
    const server = testServer()
    const port = await listen(server)
    const done = createShutdown({ server, logger: silent, exit: () => {}, drainMs: 1000, resources: [] })('SIGTERM')
    await sleep(200)
    expect(server.listening).toBe(true)
    await expect(get(port, new http.Agent())).resolves.toMatchObject({ status: 200 })
    await done
    expect(server.listening).toBe(false)
  })

  it('exits 1 when a resource fails to close', async () => {
    const server = http.createServer()
    await listen(server)
    const exit = jest.fn<(code: number) => void>()
    await createShutdown({ server, logger: silent, exit, resources: [{ name: 'database', close: async () => Promise.reject(new Error('busy')) }] })('SIGTERM')
    expect(exit).toHaveBeenCalledWith(1)
  })

  it('writes out the buffered log after the last resource closed and before exiting', async () => {
    const server = http.createServer()
    await listen(server)
    const events: string[] = []
    await createShutdown({
      server,
      logger: silent,
      exit: (code) => void events.push(`exit ${code}`),
      resources: [{ name: 'database', close: async () => void events.push('database closed') }],
      flushLog: async () => {
        await sleep(50)
        events.push('log flushed')
      },
    })('SIGTERM')
    expect(events).toEqual(['database closed', 'log flushed', 'exit 0'])
  })
})
