import type { PayloadRequest } from 'payload'

import type { Id } from '@/lib/id'
import type { Article, PayloadJob } from '@/payload-types'

type ScheduleJob = Pick<PayloadJob, 'input' | 'error' | 'log' | 'waitUntil' | 'hasError'>

function messageOf(error: unknown): string | null {
  if (typeof error === 'string') return error
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message
  return null
}

/** Why a scheduled publish failed, in words for the editor; null when the job did not fail. */
export function describeScheduleFailure(job: ScheduleJob | null | undefined): string | null {
  if (!job?.hasError) return null
  const input = job.input as { type?: string } | null | undefined
  if (input?.type === 'unpublish') return null
  const failed = [...(job.log ?? [])].reverse().find((entry) => entry.state === 'failed')
  const reason = messageOf(failed?.error) ?? messageOf(job.error) ?? 'the job stopped with an error'
  const when = job.waitUntil ? ` for ${job.waitUntil.slice(0, 16).replace('T', ' ')} UTC` : ''
  return `The publish scheduled${when} did not happen, and the article is still a draft: ${reason}`
}

/**
 * The newest failed scheduled publish of this article since its published row last changed (a
 * publish or unpublish since then makes the failure history). Payload deletes jobs that succeed.
 */
export async function findScheduleFailure(articleId: Id, req: PayloadRequest): Promise<string | null> {
  const row = await req.payload.db.findOne<Article>({ collection: 'articles', where: { id: { equals: articleId } }, req })
  if (!row) return null
  const { docs } = await req.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { hasError: { equals: true } },
        { updatedAt: { greater_than: row.updatedAt } },
        { 'input.doc.relationTo': { equals: 'articles' } },
        // Queued by the admin as a string, by code as the id itself.
        { or: [{ 'input.doc.value': { equals: articleId } }, { 'input.doc.value': { equals: String(articleId) } }] },
      ],
    },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return describeScheduleFailure(docs[0])
}
