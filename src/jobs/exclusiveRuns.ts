import type { CollectionConfig, PayloadHandler } from 'payload'

import { processSlot } from '@/lib/processSlot'

/** Runs `work` as one of the server's runs of due jobs; resolves to null when another process holds the cluster's job lock. */
export type RunJobsExclusively = <T>(work: () => Promise<T>) => Promise<T | null>

const registered = processSlot<RunJobsExclusively>('exclusiveJobRuns')

/** The server registers how its runs are kept apart (src/server.ts): its job runner, under the cluster's lock. */
export function registerExclusiveJobRuns(run: RunJobsExclusively | null): void {
  registered.set(run)
}

/**
 * Payload's `GET /api/payload-jobs/run`, for those allowed to run jobs, made one of the server's
 * own runs. Beside them, two runs claim the same job (Payload reads, then marks what it claims),
 * both run it, and the one finishing second fails writing the log of the job the first deleted:
 * a 500 (seen on PostgreSQL). Anyone else gets Payload's own refusal at once.
 */
function exclusiveRun(handler: PayloadHandler): PayloadHandler {
  return async (req) => {
    const run = registered.get()
    const mayRun = req.payload.config.jobs.access?.run
    if (!run || !mayRun || !(await mayRun({ req }))) return handler(req)
    const response = await run(() => Promise.resolve(handler(req)))
    return response ?? Response.json({ message: 'Another server is running the due jobs now.', noJobsRemaining: false }, { status: 200 })
  }
}

/** The jobs collection with its run endpoint kept apart from the server's runs (payload.config.ts, jobsCollectionOverrides). */
export function withExclusiveRunEndpoint(collection: CollectionConfig): CollectionConfig {
  return { ...collection, endpoints: (collection.endpoints || []).map((endpoint) => (endpoint.path === '/run' ? { ...endpoint, handler: exclusiveRun(endpoint.handler) } : endpoint)) }
}
