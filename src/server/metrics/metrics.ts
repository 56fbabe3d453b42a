import type { IncomingMessage, ServerResponse } from 'node:http'

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

import type { PassOutcome } from '../responseCache'
import type { CacheStats } from '../responseCache/store'
import { routeClassOf, type RouteClass } from './routeClass'

export type CacheOutcome = 'hit' | PassOutcome

/** Seconds: a cache hit takes well under a millisecond, a render tens to hundreds, an upload seconds. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
const JOB_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300]
const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/** What `payload.jobs.run` reports per job it ran. */
type JobsRunResult = { jobStatus?: Record<string, { status: 'success' | 'error' | 'error-reached-max-retries' }> } | undefined

type MetricsArgs = {
  cacheStats: () => CacheStats
  /** Jobs waiting or running (read at scrape time). */
  jobQueueDepth: () => Promise<number>
}

type Observer = { observe: (value: number) => void }

const NS_PER_SECOND = 1e9
const secondsSince = (started: bigint) => Number(process.hrtime.bigint() - started) / NS_PER_SECOND

/** Whether a request sends an image to the media collection (not a read of a file, not a metadata edit). */
function isUpload(req: IncomingMessage): boolean {
  const url = req.url ?? ''
  return (
    (req.method === 'POST' || req.method === 'PATCH') &&
    url.startsWith('/api/media') &&
    !url.startsWith('/api/media/file/') &&
    (req.headers['content-type'] ?? '').startsWith('multipart/form-data')
  )
}

/**
 * The server's Prometheus metrics (prom-client): requests, the response cache, purges across
 * processes, jobs, uploads, and Node's own (memory, event-loop lag). Values that something else
 * already counts (the cache's counters, the job queue) are read when scraped, so the hot path pays
 * only for the request histogram: a label lookup in two maps and one observe.
 */
export function createMetrics({ cacheStats, jobQueueDepth }: MetricsArgs) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })

  const requestSeconds = new Histogram({
    name: 'publication_http_request_duration_seconds',
    help: 'Requests by route class, status and response-cache outcome (hit, miss, bypass), by time to answer',
    labelNames: ['route', 'status', 'cache'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  })
  // One child per label set, made once: observing through it skips building a labels object.
  const children = new Map<CacheOutcome, Map<RouteClass, Map<number, Observer>>>()
  const requestObserver = (cache: CacheOutcome, route: RouteClass, status: number): Observer => {
    let byRoute = children.get(cache)
    if (!byRoute) children.set(cache, (byRoute = new Map()))
    let byStatus = byRoute.get(route)
    if (!byStatus) byRoute.set(route, (byStatus = new Map()))
    let child = byStatus.get(status)
    if (!child) byStatus.set(status, (child = requestSeconds.labels(route, String(status), cache)))
    return child
  }

  const cacheCounter = (name: string, help: string, read: (stats: CacheStats) => number) =>
    new Counter({
      name: `publication_response_cache_${name}_total`,
      help,
      registers: [registry],
      collect() {
        this.reset()
        this.inc(read(cacheStats()))
      },
    })
  const cacheGauge = (name: string, help: string, read: (stats: CacheStats) => number) =>
    new Gauge({
      name: `publication_response_cache_${name}`,
      help,
      registers: [registry],
      collect() {
        this.set(read(cacheStats()))
      },
    })
  cacheGauge('entries', 'Responses kept in the in-process cache', (stats) => stats.entries)
  cacheGauge('bytes', 'Bytes the kept responses take (every encoding)', (stats) => stats.bytes)
  cacheGauge('max_bytes', 'The cache’s byte bound (RESPONSE_CACHE_MAX_MB)', (stats) => stats.maxBytes)
  cacheCounter('hits', 'Requests answered from the cache', (stats) => stats.hits)
  cacheCounter('misses', 'Cacheable requests the app answered', (stats) => stats.misses)
  cacheCounter('handed_on', 'Requests that waited for the same URL’s render and got its answer (too large to keep, or not kept)', (stats) => stats.handedOn)
  cacheCounter('bypasses', 'Requests never cacheable (sessions, writes, the admin, files)', (stats) => stats.bypasses)
  cacheCounter('stores', 'Responses stored', (stats) => stats.stores)
  cacheCounter('evictions', 'Responses dropped to stay within the byte bound', (stats) => stats.evictions)
  cacheCounter('purges', 'Purges applied to this process’s cache (each names one or more tags)', (stats) => stats.purges)
  cacheCounter('purged_entries', 'Responses removed by purges', (stats) => stats.purgedEntries)

  const purgeAckSeconds = new Histogram({
    name: 'publication_purge_ack_seconds',
    help: 'From sending a purge on the bus to each other process’s acknowledgement',
    buckets: ACK_BUCKETS,
    registers: [registry],
  })
  const purgeUnacknowledged = new Counter({
    name: 'publication_purge_unacknowledged_total',
    help: 'Acknowledgements a purge did not get within its timeout (one per silent process)',
    registers: [registry],
  })

  const jobRuns = new Counter({ name: 'publication_job_runs_total', help: 'Runs of due jobs, by outcome', labelNames: ['outcome'] as const, registers: [registry] })
  const jobRunSeconds = new Histogram({ name: 'publication_job_run_duration_seconds', help: 'How long one run of due jobs took', buckets: JOB_BUCKETS, registers: [registry] })
  const jobs = new Counter({ name: 'publication_jobs_total', help: 'Jobs run, by status (error: to be retried; error-reached-max-retries: given up)', labelNames: ['status'] as const, registers: [registry] })
  new Gauge({
    name: 'publication_job_queue_depth',
    help: 'Jobs waiting or running',
    registers: [registry],
    async collect() {
      this.set(await jobQueueDepth())
    },
  })

  const uploadsInProgress = new Gauge({ name: 'publication_uploads_in_progress', help: 'Image uploads being received and processed', registers: [registry] })
  const uploadSeconds = new Histogram({
    name: 'publication_upload_duration_seconds',
    help: 'Image uploads, from the request to the answer, by status',
    labelNames: ['status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  })

  /** When the app's answer is done (or the client left: 499, as nginx logs it). */
  const onAppAnswer = (req: IncomingMessage, res: ServerResponse, cache: PassOutcome, started: bigint, upload: boolean) => {
    const status = res.writableFinished ? res.statusCode : 499
    const seconds = secondsSince(started)
    requestObserver(cache, routeClassOf(req.url ?? '/'), status).observe(seconds)
    if (upload) {
      uploadsInProgress.dec()
      uploadSeconds.observe({ status: String(status) }, seconds)
    }
  }

  return {
    registry,
    /** An answer from the response cache (its `onHit`). */
    hit(req: IncomingMessage, status: number, started: bigint): void {
      requestObserver('hit', routeClassOf(req.url!), status).observe(secondsSince(started))
    },
    /** A request going on to the app: observed when its answer is done. */
    pass(req: IncomingMessage, res: ServerResponse, cache: PassOutcome): void {
      const started = process.hrtime.bigint()
      const upload = isUpload(req)
      if (upload) uploadsInProgress.inc()
      res.once('close', () => onAppAnswer(req, res, cache, started, upload))
    },
    /** Wraps a run of due jobs: counts it by outcome and times it; passes on what the run returns. */
    timeJobRun<T>(run: () => Promise<T>): () => Promise<T> {
      return async () => {
        const started = process.hrtime.bigint()
        try {
          const result = await run()
          jobRuns.inc({ outcome: 'ok' })
          return result
        } catch (error) {
          jobRuns.inc({ outcome: 'failed' })
          throw error
        } finally {
          jobRunSeconds.observe(secondsSince(started))
        }
      }
    },
    /** Counts the jobs one run ran, by status (a failed job does not fail the run). */
    jobsRan(result: JobsRunResult): void {
      for (const { status } of Object.values(result?.jobStatus ?? {})) jobs.inc({ status })
    },
    /** For the purge bus: one other process acknowledged a purge after `seconds`; `missing` never did in time. */
    purgeBus: {
      acknowledged: (seconds: number) => purgeAckSeconds.observe(seconds),
      unacknowledged: (missing: number) => purgeUnacknowledged.inc(missing),
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
