import type { Payload } from 'payload'

import { REWRITE_MEDIA_FILES } from './rewriteMediaFiles'

/**
 * Image files are written one image at a time, at most this many per run: a burst of camera
 * uploads then takes one core at most (sharp runs one libvips thread, see
 * src/collections/Media/files/embedCredit.ts), holds one decoded photo at a time, and never
 * makes a scheduled publish wait behind it for long.
 */
export const IMAGE_JOBS_PER_RUN = 2

type RunResult = Awaited<ReturnType<Payload['jobs']['run']>>

/**
 * Runs the due jobs once: scheduled publishing and the like side by side, then a few image jobs
 * in turn. Returns both runs' results and how many image jobs ran (as many as allowed: more may be waiting).
 */
export async function runDueJobs(payload: Payload): Promise<{ ran: RunResult[]; imageJobs: number }> {
  const others = await payload.jobs.run({ allQueues: true, where: { taskSlug: { not_equals: REWRITE_MEDIA_FILES } } })
  const images = await payload.jobs.run({ allQueues: true, where: { taskSlug: { equals: REWRITE_MEDIA_FILES } }, limit: IMAGE_JOBS_PER_RUN, sequential: true })
  return { ran: [others, images], imageJobs: Object.keys(images.jobStatus ?? {}).length }
}

/** Writes the files of every image still waiting for them (a batch import, a test), one image at a time, until none is left. */
export async function writePendingImageFiles(payload: Payload): Promise<void> {
  for (;;) {
    const { jobStatus } = await payload.jobs.run({ allQueues: true, where: { taskSlug: { equals: REWRITE_MEDIA_FILES } }, limit: IMAGE_JOBS_PER_RUN, sequential: true })
    if (Object.keys(jobStatus ?? {}).length === 0) return
  }
}
