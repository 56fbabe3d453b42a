/**
 * The second purge follows the commit of the change's transaction, whoever made the change,
 * and the CLI's `jobs:run` says plainly where its purges go.
 */
import { stripVTControlCharacters } from 'node:util'
import { spawnSync } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { commitTransaction, createLocalReq, initTransaction } from 'payload'
import sharp from 'sharp'

import { REWRITE_MEDIA_FILES } from '../../src/jobs/rewriteMediaFiles'
import { registerPurgeTarget } from '../../src/lib/cache/purge'
import { paragraphsToLexical } from '../../src/lib/richText'
import type { License } from '../../src/payload-types'
import { createLicense, upload } from '../support/images'
import { testDatabaseEngine } from '../support/env'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let license: License
const purges: string[][] = []
let unregister: () => void

beforeAll(async () => {
  unregister = registerPurgeTarget('test', (tags) => void purges.push(tags))
  license = await createLicense(payload())
})
afterAll(() => unregister())

describe('the second purge', () => {
  it('comes when the transaction commits, not when the hook runs', async () => {
    const req = await createLocalReq({}, payload())
    const inTransaction = await initTransaction(req)
    // SQLite runs without transactions (Payload's default for it): each write commits when made.
    expect(inTransaction).toBe(testDatabaseEngine() === 'postgres')
    purges.length = 0
    const article = await payload().create({
      collection: 'articles',
      data: { headline: 'Committed later', slug: 'committed-later', body: paragraphsToLexical(['x']), _status: 'published' },
      req,
    })
    const tags = ['article:committed-later', 'articles', 'api:articles']
    expect(purges).toEqual([expect.arrayContaining(tags)])
    await commitTransaction(req)
    if (inTransaction) expect(purges).toEqual([expect.arrayContaining(tags), expect.arrayContaining(tags)])
    else expect(purges).toHaveLength(1)
    await payload().delete({ collection: 'articles', id: article.id })
  })
})

describe('npm run payload -- jobs:run', () => {
  it('runs due jobs and, without REDIS_URL, says that its purges reach no server instead of logging "purged"', async () => {
    const image = await upload(payload(), license, 'cli.jpg', await sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } }).jpeg().toBuffer())
    await payload().update({ collection: 'media', id: image.id, data: { creator: 'Someone Else' } })
    const pending = () => payload().count({ collection: 'payload-jobs', where: { taskSlug: { equals: REWRITE_MEDIA_FILES }, completedAt: { exists: false } } })
    expect((await pending()).totalDocs).toBe(1)

    const { REDIS_URL: _redis, PROXY_PURGE_URL: _proxy, ...env } = process.env
    const run = spawnSync('npm', ['run', '--silent', 'payload', '--', 'jobs:run'], {
      cwd: process.cwd(),
      env: { ...env, NODE_OPTIONS: '', LOG_LEVEL: 'info' },
      encoding: 'utf8',
      timeout: 120_000,
    })
    // Without colours, as an operator reads it in a log file.
    const output = stripVTControlCharacters(`${run.stdout}${run.stderr}`)
    if (run.status !== 0) throw new Error(`jobs:run exited with ${run.status}:\n${output}`)
    expect((await pending()).totalDocs).toBe(0)
    expect(output).toContain('jobs:run without REDIS_URL')
    expect(output).toContain('nothing purged')
    expect(output).not.toMatch(/"msg":"purged"|INFO: purged/)
  }, 150_000)
})
