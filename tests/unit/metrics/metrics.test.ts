import { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { describe, expect, it } from '@jest/globals'

import { createMetrics } from '../../../src/server/metrics/metrics'
import type { CacheStats } from '../../../src/server/responseCache/store'

const stats: CacheStats = { entries: 3, bytes: 4096, maxBytes: 65536, hits: 10, misses: 4, bypasses: 2, handedOn: 7, stores: 4, evictions: 1, purges: 5, purgedEntries: 6 }

function setup(queueDepth = 2) {
  const metrics = createMetrics({ cacheStats: () => stats, jobQueueDepth: async () => queueDepth })
  const read = async (name: string, labels: Record<string, string> = {}) => {
    const metric = metrics.registry.getSingleMetric(name.replace(/_(count|sum|bucket)$/, ''))
    const values = (await metric!.get()).values as Array<{ metricName?: string; labels: Record<string, string | number>; value: number }>
    return values
      .filter((value) => (value.metricName ?? name) === name)
      .filter((value) => Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected))
      .reduce((sum, value) => sum + value.value, 0)
  }
  return { metrics, read }
}

const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as unknown as IncomingMessage
/** A response that closes when told, finished or not. */
function response(statusCode: number) {
  const res = Object.assign(new EventEmitter(), { statusCode, writableFinished: false })
  return { res: res as unknown as ServerResponse, finish: (finished = true) => ((res.writableFinished = finished), res.emit('close')) }
}

describe('metrics', () => {
  it('observes a cache hit under its route class, status and outcome', async () => {
    const { metrics, read } = setup()
    metrics.hit(request('GET', '/articles/x'), 200, process.hrtime.bigint())
    metrics.hit(request('GET', '/articles/y'), 200, process.hrtime.bigint())
    metrics.hit(request('GET', '/'), 304, process.hrtime.bigint())
    expect(await read('publication_http_request_duration_seconds_count', { route: 'article', status: '200', cache: 'hit' })).toBe(2)
    expect(await read('publication_http_request_duration_seconds_count', { route: 'front', status: '304', cache: 'hit' })).toBe(1)
    expect(await read('publication_http_request_duration_seconds_bucket', { route: 'article', le: '0.5' })).toBe(2)
  })

  it('observes a request passed to the app when its answer is done, 499 when the client left', async () => {
    const { metrics, read } = setup()
    const done = response(404)
    metrics.pass(request('GET', '/no-such-page'), done.res, 'miss')
    expect(await read('publication_http_request_duration_seconds_count')).toBe(0)
    done.finish()
    const left = response(200)
    metrics.pass(request('GET', '/api/articles', { authorization: 'JWT x' }), left.res, 'bypass')
    left.finish(false)
    expect(await read('publication_http_request_duration_seconds_count', { route: 'page', status: '404', cache: 'miss' })).toBe(1)
    expect(await read('publication_http_request_duration_seconds_count', { route: 'api', status: '499', cache: 'bypass' })).toBe(1)
  })

  it('counts uploads in progress and times them; other media requests are not uploads', async () => {
    const { metrics, read } = setup()
    const upload = response(201)
    metrics.pass(request('POST', '/api/media', { 'content-type': 'multipart/form-data; boundary=x' }), upload.res, 'bypass')
    metrics.pass(request('PATCH', '/api/media/3', { 'content-type': 'application/json' }), response(200).res, 'bypass')
    metrics.pass(request('GET', '/api/media/file/a.jpg'), response(200).res, 'bypass')
    expect(await read('publication_uploads_in_progress')).toBe(1)
    upload.finish()
    expect(await read('publication_uploads_in_progress')).toBe(0)
    expect(await read('publication_upload_duration_seconds_count', { status: '201' })).toBe(1)
  })

  it('reads the cache’s own counters and sizes when scraped', async () => {
    const { metrics } = setup()
    const text = await metrics.registry.metrics()
    expect(text).toContain('publication_response_cache_entries 3')
    expect(text).toContain('publication_response_cache_bytes 4096')
    expect(text).toContain('publication_response_cache_hits_total 10')
    expect(text).toContain('publication_response_cache_evictions_total 1')
    expect(text).toContain('publication_response_cache_purges_total 5')
    expect(text).toContain('publication_response_cache_handed_on_total 7')
    expect(text).toContain('publication_job_queue_depth 2')
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m)
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m)
  })

  it('counts and times job runs, and the jobs they ran by status', async () => {
    const { metrics, read } = setup()
    await metrics.timeJobRun(async () => metrics.jobsRan({ jobStatus: { 1: { status: 'success' }, 2: { status: 'error' } } }))()
    await expect(metrics.timeJobRun(async () => Promise.reject(new Error('database gone')))()).rejects.toThrow('database gone')
    expect(await read('publication_job_runs_total', { outcome: 'ok' })).toBe(1)
    expect(await read('publication_job_runs_total', { outcome: 'failed' })).toBe(1)
    expect(await read('publication_job_run_duration_seconds_count')).toBe(2)
    expect(await read('publication_jobs_total', { status: 'success' })).toBe(1)
    expect(await read('publication_jobs_total', { status: 'error' })).toBe(1)
  })

  it('records purge acknowledgements and the ones that never came', async () => {
    const { metrics, read } = setup()
    metrics.purgeBus.acknowledged(0.004)
    metrics.purgeBus.unacknowledged(2)
    expect(await read('publication_purge_ack_seconds_count')).toBe(1)
    expect(await read('publication_purge_ack_seconds_bucket', { le: '0.005' })).toBe(1)
    expect(await read('publication_purge_unacknowledged_total')).toBe(2)
  })
})
