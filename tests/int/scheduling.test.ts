import { describe, expect, it } from '@jest/globals'

import { paragraphsToLexical } from '../../src/lib/richText'
import { usePayload } from '../support/usePayload'

const payload = usePayload()

async function runDueJobs(): Promise<void> {
  await payload().jobs.run({ allQueues: true })
}

async function jobRecord(id: number | string) {
  return payload().findByID({ collection: 'payload-jobs', id })
}

/** Payload deletes a job that completed; one that failed stays, with its error. */
async function expectCompleted(id: number | string): Promise<void> {
  await expect(jobRecord(id)).rejects.toMatchObject({ status: 404 })
  expect((await payload().count({ collection: 'payload-jobs', where: { hasError: { equals: true } } })).totalDocs).toBe(0)
}

describe('scheduled publishing', () => {
  it('publishes and later unpublishes an article when its jobs fall due, not before', async () => {
    const editor = await payload().create({ collection: 'users', data: { email: 'scheduler@example.com', password: 'a long password here', role: 'editor' } })
    const article = await payload().create({
      collection: 'articles',
      data: { headline: 'Embargoed until noon', slug: 'embargoed-until-noon', body: paragraphsToLexical(['x']), _status: 'draft' },
      draft: true,
    })
    const schedule = (type: 'publish' | 'unpublish', waitUntil: Date) =>
      payload().jobs.queue({
        task: 'schedulePublish',
        waitUntil,
        input: { type, doc: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: editor.id } },
      })
    const status = async () => (await payload().findByID({ collection: 'articles', id: article.id, depth: 0 }))._status

    const later = await schedule('publish', new Date(Date.now() + 60 * 60 * 1000))
    await runDueJobs()
    expect(await status()).toBe('draft')
    expect(await jobRecord(later.id)).toMatchObject({ completedAt: null, totalTried: 0 })

    const due = await schedule('publish', new Date(Date.now() - 1000))
    await runDueJobs()
    expect(await status()).toBe('published')
    await expectCompleted(due.id)

    const unpublish = await schedule('unpublish', new Date(Date.now() - 1000))
    await runDueJobs()
    expect(await status()).toBe('draft')
    await expectCompleted(unpublish.id)
  })

  it('refuses a publish scheduled by a contributor when it falls due', async () => {
    const contributor = await payload().create({ collection: 'users', data: { email: 'eager@example.com', password: 'a long password here', role: 'contributor' } })
    const article = await payload().create({
      collection: 'articles',
      data: { headline: 'Not yet', slug: 'not-yet', body: paragraphsToLexical(['x']), _status: 'draft', author: contributor.id },
      draft: true,
    })
    const job = await payload().jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
      input: { type: 'publish', doc: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: contributor.id } },
    })
    await runDueJobs()
    expect((await payload().findByID({ collection: 'articles', id: article.id, depth: 0 }))._status).toBe('draft')
    // Refused for the right reason, not because the job crashed on something else.
    const ran = await jobRecord(job.id)
    expect(ran.hasError).toBe(true)
    expect(JSON.stringify(ran.log)).toMatch(/not allowed to perform this action|an editor or admin publishes them/)
  })
})
