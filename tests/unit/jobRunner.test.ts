import { describe, expect, it, jest } from '@jest/globals'

import { startJobRunner } from '../../src/server/jobRunner'

const logger = () => ({ debug: jest.fn(), error: jest.fn() })

/** Waits until `condition` holds (a busy test machine may run timers late), failing after 5 s. */
async function eventually(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

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
    await eventually(() => calls > 1)
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
    await eventually(() => calls > 1)
    expect(log.error).toHaveBeenCalledWith({ timeoutMs: 30 }, expect.stringContaining('did not finish in time'))
    // The hung run never ends: closing returns anyway.
    await runner.close()
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
    await eventually(() => calls > 1)
    await runner.close()
    expect(log.error).toHaveBeenCalledWith({ err: expect.objectContaining({ message: 'database is locked' }) }, 'job run failed')
  })
})

describe('startJobRunner, when work is waiting', () => {
  it('runs again at once when a run says more is waiting, or when asked during a run', async () => {
    const runs: string[] = []
    let more = 2
    const runner = startJobRunner({
      run: async () => {
        runs.push('run')
        await new Promise((resolve) => setTimeout(resolve, 20))
        more -= 1
        return { more: more > 0 }
      },
      intervalMs: 60_000,
      timeoutMs: 10_000,
      logger: logger(),
    })
    await runner.tick()
    // The first run said more was waiting, the second did not: two runs, long before the interval.
    await eventually(() => runs.length === 2)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(runs).toHaveLength(2)
    const during = runner.tick()
    void runner.tick()
    await during
    await eventually(() => runs.length === 4)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(runs).toHaveLength(4)
    await runner.close()
  })
})

describe('startJobRunner, a run asked for another way', () => {
  it('starts after the run under way and holds the next until it ends, and gives back its answer', async () => {
    const events: string[] = []
    let release: () => void = () => undefined
    const runner = startJobRunner({
      run: async () => {
        events.push('run starts')
        await new Promise<void>((resolve) => (release = resolve))
        events.push('run ends')
      },
      intervalMs: 60_000,
      timeoutMs: 10_000,
      logger: logger(),
    })
    void runner.tick()
    const asked = runner.exclusive(async () => {
      events.push('asked run')
      await new Promise((resolve) => setTimeout(resolve, 20))
      return 'its answer'
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(events).toEqual(['run starts'])
    release()
    await new Promise((resolve) => setTimeout(resolve, 5))
    // A tick asked meanwhile waits for the asked run.
    void runner.tick()
    expect(events).toEqual(['run starts', 'run ends', 'asked run'])
    expect(await asked).toBe('its answer')
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(events).toEqual(['run starts', 'run ends', 'asked run', 'run starts'])
    release()
    await runner.close()
  })
})

