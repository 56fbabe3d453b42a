import { beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { hasAllFiles } from '../../src/collections/Media/files/rewriteMediaFiles'
import { requeueStaleJobs } from '../../src/jobs/requeueStaleJobs'
import { REWRITE_MEDIA_FILES } from '../../src/jobs/rewriteMediaFiles'
import type { License, Media } from '../../src/payload-types'
import { createLicense, uploadOnly, writeQueuedImageFiles } from '../support/images'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let license: License

beforeAll(async () => {
  license = await createLicense(payload())
})

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

/** An upload whose files job a process claimed (`processing`) at `claimedAt` and never finished. */
async function uploadClaimedAt(name: string, claimedAt: string): Promise<{ media: Media; job: number | string }> {
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#446688' } }).jpeg().toBuffer()
  const media = await uploadOnly(payload(), license, name, photo)
  const { docs } = await payload().find({ collection: 'payload-jobs', where: { taskSlug: { equals: REWRITE_MEDIA_FILES }, completedAt: { exists: false } }, sort: '-createdAt', limit: 1 })
  const job = docs[0]!.id
  await payload().db.updateJobs({ id: job, data: { processing: true, updatedAt: claimedAt } })
  return { media, job }
}

describe('jobs left running by a process that stopped', () => {
  it('are never run again by Payload alone: the image stays without its files', async () => {
    const { media } = await uploadClaimedAt('stranded.jpg', minutesAgo(10))
    await writeQueuedImageFiles(payload())
    expect(hasAllFiles(await payload().findByID({ collection: 'media', id: media.id }))).toBe(false)
  })

  it('are handed back to the queue once claimed longer ago than a run may last, and then run', async () => {
    const stale = await uploadClaimedAt('crashed.jpg', minutesAgo(10))
    const running = await uploadClaimedAt('running.jpg', minutesAgo(0.5))

    const requeued = await requeueStaleJobs(payload(), { staleAfterMs: 2 * 60_000 })
    expect(requeued).toContain(stale.job)
    expect(requeued).not.toContain(running.job)

    await writeQueuedImageFiles(payload())
    expect(hasAllFiles(await payload().findByID({ collection: 'media', id: stale.media.id }))).toBe(true)
    // A job claimed within a run's time may still be running elsewhere: it is left alone.
    expect(hasAllFiles(await payload().findByID({ collection: 'media', id: running.media.id }))).toBe(false)
    expect(await payload().findByID({ collection: 'payload-jobs', id: running.job })).toMatchObject({ processing: true })
  }, 60_000)
})
