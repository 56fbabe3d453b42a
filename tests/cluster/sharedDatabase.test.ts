/**
 * Two Payload instances on one PostgreSQL database, as two server processes are. Due jobs run
 * under a Redis lock: Payload claims due jobs with a find and then an update, so two processes
 * running jobs at the same moment could both claim one scheduled publish.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Redis } from 'ioredis'
import pg from 'pg'
import type { Payload } from 'payload'

import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/lib/postgres'
import { startThrowawayRedis, type ThrowawayRedis } from '../../scripts/lib/redis'
import { paragraphsToLexical } from '../../src/lib/richText'
import { createRedisLock } from '../../src/server/cluster/redisLock'
import { makeThrowawayEnv, removeDir } from '../support/env'
import { importPayloadAndConfig } from '../support/payloadConfig'

let postgres: ThrowawayPostgres
let redis: ThrowawayRedis
let dir: string
const instances: Payload[] = []
const connections: Redis[] = []

beforeAll(async () => {
  ;[postgres, redis] = await Promise.all([startThrowawayPostgres(), startThrowawayRedis()])
  process.env.TEST_POSTGRES_URL = postgres.url
  const throwaway = makeThrowawayEnv('jobs')
  dir = throwaway.dir
  Object.assign(process.env, throwaway.env, { SEED_ON_START: 'false' })
  const { getPayload, config } = await importPayloadAndConfig()
  // One after the other: the first creates the schema.
  for (const key of ['process-a', 'process-b']) instances.push(await getPayload({ config, key }))
}, 120_000)

afterAll(async () => {
  for (const payload of instances) await payload.destroy()
  await Promise.all(connections.map((connection) => connection.quit()))
  await Promise.all([postgres?.stop(), redis?.stop()])
  if (dir) removeDir(dir)
})

describe('scheduled publishing with two processes', () => {
  it('publishes once when both run due jobs at the same moment', async () => {
    const [a, b] = instances as [Payload, Payload]
    const editor = await a.create({ collection: 'users', data: { email: 'jobs-once@example.com', password: 'a long password here', role: 'editor' } })
    const locks = [a, b].map(() => {
      const connection = new Redis(redis.url)
      connections.push(connection)
      return createRedisLock({ redis: connection, key: 'publication:jobs-lock', logger: { warn: () => undefined } })
    })

    let published = 0
    for (let round = 0; round < 5; round += 1) {
      const article = await a.create({
        collection: 'articles',
        data: { headline: `Due now ${round}`, slug: `due-now-${round}`, body: paragraphsToLexical(['x']), _status: 'draft' },
        draft: true,
      })
      await a.jobs.queue({
        task: 'schedulePublish',
        waitUntil: new Date(Date.now() - 1000),
        input: { type: 'publish', doc: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: editor.id } },
      })
      await Promise.all([a, b].map((payload, index) => locks[index]!(() => payload.jobs.run({ allQueues: true }))))
      const versions = await a.findVersions({ collection: 'articles', where: { parent: { equals: article.id }, 'version._status': { equals: 'published' } } })
      published += versions.totalDocs
      expect((await a.findByID({ collection: 'articles', id: article.id }))._status).toBe('published')
    }
    expect(published).toBe(5)
  })
})

describe('PostgreSQL connections', () => {
  it('survives the server dropping every connection (a restart, a failover) and answers the next query', async () => {
    const [a] = instances as [Payload]
    const admin = new pg.Client({ connectionString: `${postgres.url}/postgres` })
    await admin.connect()
    const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname LIKE $1 AND pid <> pg_backend_pid()', ['jobs_%'])
    await admin.end()
    expect(rowCount).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await a.count({ collection: 'users' })).toEqual({ totalDocs: 1 })
  })
})
