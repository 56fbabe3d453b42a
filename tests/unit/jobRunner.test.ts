import { describe, expect, it, jest } from '@jest/globals'

import { startJobRunner } from '../../src/server/jobRunner'

const logger = () => ({ debug: jest.fn(), error: jest.fn() })

describe('startJobRunner', () => {
  it('runs due jobs on every interval, one run at a time', async () => {
    let calls = 0
    let release: () => void = () => undefined
    const runner = startJobRunner({
      run: () => {
        calls += 1
        return new Promise<void>((resolve) => (release = resolve))
      },
      intervalMs: 10,
      timeoutMs: 10_000,
      logger: logger(),
    })
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(calls).toBe(1)
    release()
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(calls).toBeGreaterThan(1)
    release()
    await runner.close()
  })

  it('abandons a hung run after its timeout, logs it, keeps scheduling and does not block shutdown', async () => {
    const log = logger()
    let calls = 0
    const runner = startJobRunner({
      run: () => {
        calls += 1
        return new Promise<void>(() => undefined)
      },
      intervalMs: 10,
      timeoutMs: 30,
      logger: log,
    })
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(calls).toBeGreaterThan(1)
    expect(log.error).toHaveBeenCalledWith({ timeoutMs: 30 }, expect.stringContaining('did not finish in time'))
    const closing = Date.now()
    await runner.close()
    expect(Date.now() - closing).toBeLessThan(100)
  })

  it('logs a failed run and tries again on the next interval', async () => {
    const log = logger()
    let calls = 0
    const runner = startJobRunner({
      run: async () => {
        calls += 1
        throw new Error('database is locked')
      },
      intervalMs: 10,
      timeoutMs: 1000,
      logger: log,
    })
    await new Promise((resolve) => setTimeout(resolve, 60))
    await runner.close()
    expect(calls).toBeGreaterThan(1)
    expect(log.error).toHaveBeenCalledWith({ err: expect.objectContaining({ message: 'database is locked' }) }, 'job run failed')
  })
})
