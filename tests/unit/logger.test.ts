import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import type { IncomingMessage } from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from '@jest/globals'

import { createLogDestination, createLogger, flushLog, LOG_BUFFER_BYTES, LOG_FLUSH_INTERVAL_MS } from '../../src/server/logger'
import { logServed } from '../../src/server/servedLog'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logger-test-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let files = 0
const newFile = () => path.join(dir, `log-${(files += 1)}.ndjson`)
const linesOf = (file: string): Array<Record<string, unknown>> =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) : []
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the buffered access log', () => {
  it('does not write each line as it is logged, and writes them all, in order, when flushed', async () => {
    const file = newFile()
    const logger = createLogger('info', createLogDestination(file))
    await sleep(50)
    for (let index = 0; index < 20; index += 1) logger.info({ index }, 'request completed')
    await sleep(50)
    expect(linesOf(file)).toHaveLength(0)
    await flushLog(logger)
    expect(linesOf(file).map((line) => line.index)).toEqual(Array.from({ length: 20 }, (_, index) => index))
  })

  it('writes what is buffered within about a second without being asked', async () => {
    const file = newFile()
    const logger = createLogger('info', createLogDestination(file))
    logger.info('one line')
    await sleep(LOG_FLUSH_INTERVAL_MS + 500)
    expect(linesOf(file)).toHaveLength(1)
  })

  it('writes as soon as a buffer is full', async () => {
    const file = newFile()
    const logger = createLogger('info', createLogDestination(file))
    await sleep(50)
    const padding = 'x'.repeat(200)
    const lines = Math.ceil(LOG_BUFFER_BYTES / 250) + 10
    for (let index = 0; index < lines; index += 1) logger.info({ padding }, 'filler')
    await sleep(100)
    const written = linesOf(file).length
    expect(written).toBeGreaterThan(0)
    expect(written).toBeLessThan(lines)
  })
})

describe('exitOnFatalErrors', () => {
  const script = (failure: string) => `
    import { createLogDestination, createLogger, exitOnFatalErrors } from ${JSON.stringify(path.resolve('src/server/logger.ts'))}
    const destination = createLogDestination(process.argv[2])
    const logger = createLogger('info', destination)
    exitOnFatalErrors(logger, destination)
    setTimeout(() => {
      for (let index = 0; index < 50; index += 1) logger.info({ index }, 'request completed')
      ${failure}
    }, 50)
  `

  it.each([
    ['an uncaught exception', "throw new Error('boom')"],
    ['an unhandled rejection', "void Promise.reject(new Error('boom'))"],
  ])('after %s: exits 1 with every buffered line and the error written', (_name, failure) => {
    const file = newFile()
    const source = path.join(dir, `crash-${files}.mts`)
    fs.writeFileSync(source, script(failure))
    const run = spawnSync(process.execPath, ['--import', 'tsx', source, file], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
    expect(run.status).toBe(1)
    const lines = linesOf(file)
    expect(lines.filter((line) => line.msg === 'request completed')).toHaveLength(50)
    expect(lines.at(-1)).toMatchObject({ level: 60, msg: 'uncaught error; exiting', err: { message: 'boom' } })
  })
})

describe('the access-log line of a request answered before Express', () => {
  it('is the line pino writes for the same fields, URL escaped, and follows the log level', async () => {
    const file = newFile()
    const logger = createLogger('info', createLogDestination(file))
    const req = { method: 'GET', url: '/articles/a?q="quoted"\\' } as IncomingMessage
    const started = process.hrtime.bigint()
    logServed(logger, req, 200, started, 'hit')
    logger.info({ req: { method: req.method, url: req.url }, res: { statusCode: 200 }, responseTime: 0.5, cache: 'hit' }, 'request completed')
    logger.level = 'warn'
    logServed(logger, req, 304, started, 'file')
    await flushLog(logger)
    const [served, fromPino, ...rest] = linesOf(file)
    expect(rest).toEqual([])
    expect(Object.keys(served!)).toEqual(Object.keys(fromPino!))
    expect({ ...served, time: 0, responseTime: 0 }).toEqual({ ...fromPino, time: 0, responseTime: 0 })
    expect(served!.responseTime).toEqual(expect.any(Number))
    expect(served!.time).toEqual(expect.any(Number))
  })
})
