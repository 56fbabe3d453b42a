import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'

import { describe, expect, it, jest } from '@jest/globals'
import { pino } from 'pino'

import { createApp } from '../../src/server/createApp'
import { createHealthCheck, DATABASE_UNREACHABLE_MESSAGE } from '../../src/server/health'

const RAW_ERROR = 'SQLITE_CANTOPEN: unable to open database file /srv/secret-path/publication.db'

/** A pino logger whose lines land in an array, to see what reached the log. */
function capturingLogger() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  return { logger: pino({ level: 'info' }, stream), lines }
}

const answering = async () => ({ totalDocs: 8 })
const failing = async () => Promise.reject(new Error(RAW_ERROR))

async function getHealthz(check: () => ReturnType<ReturnType<typeof createHealthCheck>['check']>) {
  const app = createApp({ logger: pino({ level: 'silent' }), isProduction: true, checkHealth: check, handleWithNext: async (_req, res) => void res.end() })
  const server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`)
    return { status: response.status, text: await response.text() }
  } finally {
    server.close()
  }
}

describe('health check', () => {
  it('reports a database that answers', async () => {
    const { logger } = capturingLogger()
    const report = await createHealthCheck({ ping: answering, engine: 'sqlite', logger }).check()
    expect(report).toMatchObject({ status: 'ok', database: { status: 'ok', engine: 'sqlite' } })
  })

  it('answers a failing database with a generic message publicly and logs the cause', async () => {
    const { logger, lines } = capturingLogger()
    const health = createHealthCheck({ ping: failing, engine: 'sqlite', logger })
    const { status, text } = await getHealthz(health.check)
    expect(status).toBe(503)
    expect(JSON.parse(text)).toMatchObject({ status: 'degraded', database: { status: 'unreachable', error: DATABASE_UNREACHABLE_MESSAGE } })
    expect(text).not.toContain('SQLITE')
    expect(text).not.toContain('secret-path')
    expect(lines.join('')).toContain(RAW_ERROR)
  })

  it('reports a database that hangs, within the timeout, without the timeout text', async () => {
    jest.useFakeTimers()
    const { logger, lines } = capturingLogger()
    const pending = createHealthCheck({ ping: () => new Promise(() => {}), engine: 'mongodb', logger }).check()
    jest.advanceTimersByTime(2500)
    await expect(pending).resolves.toEqual(expect.objectContaining({ status: 'degraded', database: { status: 'unreachable', engine: 'mongodb', error: DATABASE_UNREACHABLE_MESSAGE } }))
    jest.useRealTimers()
    expect(lines.join('')).toContain('no answer within 2000 ms')
  })

  it('answers 503 "shutting-down" once shutdown starts, without asking the database', async () => {
    const count = jest.fn(answering)
    const health = createHealthCheck({ ping: count, engine: 'sqlite', logger: capturingLogger().logger })
    expect((await getHealthz(health.check)).status).toBe(200)
    health.startShutdown()
    const { status, text } = await getHealthz(health.check)
    expect(status).toBe(503)
    expect(JSON.parse(text)).toMatchObject({ status: 'shutting-down' })
    expect(count).toHaveBeenCalledTimes(1)
  })
})
