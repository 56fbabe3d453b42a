import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it } from '@jest/globals'

import { startJobRunner } from '../../../src/server/jobRunner'

const logger = { debug: () => undefined, warn: () => undefined }

async function countingServer() {
  let calls = 0
  const server = http.createServer((_req, res) => {
    calls += 1
    res.end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls: () => calls, close: () => server.close() }
}

describe('job runner with a lock', () => {
  it('runs due jobs only when it gets the lock', async () => {
    for (const [locked, expectCalls] of [[true, false], [false, true]] as const) {
      const server = await countingServer()
      let attempts = 0
      const runner = startJobRunner({
        baseUrl: server.baseUrl,
        token: 't',
        intervalMs: 20,
        logger,
        runExclusive: async (task) => {
          attempts += 1
          if (locked) return false
          await task()
          return true
        },
      })
      await new Promise((resolve) => setTimeout(resolve, 150))
      await runner.close()
      server.close()
      expect(attempts).toBeGreaterThan(1)
      expect(server.calls() > 0).toBe(expectCalls)
    }
  })
})
