/**
 * `npm run payload -- jobs:run` beside running servers: with REDIS_URL it takes the servers' job
 * lock, so it never runs due jobs while a server does (two runs claim the same job).
 */
import { spawn } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Redis } from 'ioredis'
import type { Payload } from 'payload'

import { startThrowawayRedis, type ThrowawayRedis } from '../../scripts/lib/redis'
import { paragraphsToLexical } from '../../src/lib/richText'
import { makeThrowawayEnv, removeDir } from '../support/env'
import { importPayloadAndConfig } from '../support/payloadConfig'

const LOCK_KEY = 'publication:jobs-lock'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let redis: ThrowawayRedis
let connection: Redis
let dir: string
let env: Record<string, string>
let payload: Payload

beforeAll(async () => {
  redis = await startThrowawayRedis()
  connection = new Redis(redis.url)
  const throwaway = makeThrowawayEnv('jobs-command')
  dir = throwaway.dir
  env = { ...throwaway.env, SEED_ON_START: 'false', REDIS_URL: redis.url }
  Object.assign(process.env, env)
  const { getPayload, config } = await importPayloadAndConfig()
  payload = await getPayload({ config })
}, 120_000)

afterAll(async () => {
  await payload?.destroy()
  await connection?.quit()
  await redis?.stop()
  if (dir) removeDir(dir)
})

function runJobsCommand(): { output: () => string; exited: Promise<number | null> } {
  let output = ''
  const child = spawn('npm', ['run', '--silent', 'payload', '--', 'jobs:run'], { cwd: process.cwd(), env: { ...process.env, ...env, NODE_OPTIONS: '', LOG_LEVEL: 'info' } })
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return { output: () => stripVTControlCharacters(output), exited: new Promise((resolve) => child.once('exit', resolve)) }
}

describe('jobs:run with REDIS_URL', () => {
  it('waits while a server holds the job lock, then runs the due jobs under it', async () => {
    const editor = await payload.create({ collection: 'users', data: { email: 'cli-lock@example.com', password: 'a long password here', role: 'editor' } })
    const article = await payload.create({
      collection: 'articles',
      data: { headline: 'Due from the command', slug: 'due-from-the-command', body: paragraphsToLexical(['x']), _status: 'draft' },
      draft: true,
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
      input: { type: 'publish', doc: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: editor.id } },
    })
    // A server in the middle of its run.
    await connection.set(LOCK_KEY, 'a-server', 'PX', 60_000)

    const command = runJobsCommand()
    let finished = false
    void command.exited.then(() => (finished = true))
    const deadline = Date.now() + 60_000
    while (!command.output().includes('waiting for it to finish')) {
      if (finished || Date.now() > deadline) throw new Error(`jobs:run did not wait for the lock:\n${command.output()}`)
      await sleep(100)
    }
    await sleep(1000)
    expect((await payload.findByID({ collection: 'articles', id: article.id }))._status).toBe('draft')

    await connection.del(LOCK_KEY)
    const status = await command.exited
    if (status !== 0) throw new Error(`jobs:run exited with ${status}:\n${command.output()}`)
    expect((await payload.findByID({ collection: 'articles', id: article.id }))._status).toBe('published')
    // Released when done, so the servers' next run is not kept waiting.
    expect(await connection.exists(LOCK_KEY)).toBe(0)
  }, 150_000)
})
