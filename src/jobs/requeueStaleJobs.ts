import type { Payload } from 'payload'

/**
 * Payload claims a job by setting its `processing` flag and clears it when the job ends. A
 * process that dies in between (kill -9, out of memory, a power cut) leaves the flag set, and
 * Payload never runs that job again (payloadcms/payload#17645): an upload's files would never be
 * written. A job whose flag has stood, untouched, longer than a job run may last (the runner
 * abandons a longer run, and the cluster's job lock expires after it) belongs to no run still
 * going: it is handed back to the queue, to run again from the start (every job here can).
 * Returns the ids handed back.
 */
export async function requeueStaleJobs(payload: Pick<Payload, 'db' | 'logger'>, { staleAfterMs, now = new Date() }: { staleAfterMs: number; now?: Date }): Promise<Array<number | string>> {
  const claimedBefore = new Date(now.getTime() - staleAfterMs).toISOString()
  const requeued =
    (await payload.db.updateJobs({
      where: { and: [{ processing: { equals: true } }, { updatedAt: { less_than: claimedBefore } }] },
      data: { processing: false },
      returning: true,
    })) ?? []
  const ids = requeued.map((job) => job.id)
  if (ids.length > 0) payload.logger.warn({ jobs: ids, tasks: requeued.map((job) => job.taskSlug) }, 'requeued jobs left running by a process that stopped')
  return ids
}
