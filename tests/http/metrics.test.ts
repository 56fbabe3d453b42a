/**
 * /metrics on a server of its own (METRICS_TOKEN set): who may scrape it, and that its counters
 * move with what the server does: cache hits, purges, job runs, uploads. The shared server has
 * no metrics settings: there, /metrics does not exist.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'

import { baseUrl as sharedBaseUrl, FIRST_SLUG, pngBlob, uploadForm } from '../support/http'
import { useOwnServers } from '../support/ownServers'
import { GENEROUS_RATE_LIMITS, type RunningServer } from '../../scripts/lib/serverProcess'

const TOKEN = 'metrics-token-for-the-test'
const ADMIN = { email: 'metrics-admin@example.com', password: 'a long test password' }
const json = { 'content-type': 'application/json' }

const servers = useOwnServers()
let server: RunningServer
let adminHeaders: Record<string, string>

async function scrape(): Promise<string> {
  const response = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
  expect(response.status).toBe(200)
  return response.text()
}

/** The sum of a metric's samples whose labels include `labels` (Prometheus text format). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]))
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) sum += Number(match[3])
  }
  return sum
}

/** Scrapes until `read` has grown past `before` (job runs and stores happen just after the answer). */
async function grown(read: (text: string) => number, before: number): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const value = read(await scrape())
    if (value > before) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`metric stayed at ${before}`)
}

beforeAll(async () => {
  const { env } = servers.throwaway('metrics')
  server = await servers.start({ ...env, ...GENEROUS_RATE_LIMITS, METRICS_TOKEN: TOKEN, JOBS_INTERVAL_SECONDS: '1', SEED_ON_START: 'true' })
  const registered = await fetch(`${server.baseUrl}/api/users/first-register`, { method: 'POST', headers: json, body: JSON.stringify(ADMIN) })
  adminHeaders = { Authorization: `JWT ${((await registered.json()) as { token: string }).token}` }
}, 240_000)

describe('who may scrape', () => {
  it('refuses a scrape without the token, or with another one, with 401', async () => {
    for (const headers of [{}, { authorization: 'Bearer not the token at all' }, { authorization: TOKEN }] as Array<Record<string, string>>) {
      const response = await fetch(`${server.baseUrl}/metrics`, { headers })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"')
      expect(await response.text()).not.toContain('publication_')
    }
  })

  it('serves the Prometheus text format with the token, never cached', async () => {
    const response = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const text = await response.text()
    for (const name of ['process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'publication_response_cache_entries', 'publication_job_queue_depth', 'publication_uploads_in_progress']) {
      expect(text).toMatch(new RegExp(`^${name} `, 'm'))
    }
  })

  it('does not exist on a server without METRICS_TOKEN or METRICS_ADDRESS', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Array<Record<string, string>>) expect((await fetch(`${sharedBaseUrl()}/metrics`, { headers })).status).toBe(404)
  })
})

describe('counters that move', () => {
  it('counts a cache hit by route class, status and outcome, with its latency', async () => {
    const hits = (text: string) => sample(text, 'publication_http_request_duration_seconds_count', { route: 'article', status: '200', cache: 'hit' })
    const before = hits(await scrape())
    const path = `/articles/${FIRST_SLUG}`
    let response = await fetch(`${server.baseUrl}${path}`)
    for (let attempt = 0; attempt < 40 && response.headers.get('x-cache') !== 'HIT'; attempt += 1) {
      await response.arrayBuffer()
      await new Promise((resolve) => setTimeout(resolve, 50))
      response = await fetch(`${server.baseUrl}${path}`)
    }
    expect(response.headers.get('x-cache')).toBe('HIT')
    await response.arrayBuffer()
    const text = await scrape()
    expect(hits(text)).toBe(before + 1)
    expect(sample(text, 'publication_http_request_duration_seconds_bucket', { route: 'article', status: '200', cache: 'hit', le: '+Inf' })).toBe(before + 1)
    expect(sample(text, 'publication_http_request_duration_seconds_count', { route: 'article', status: '200', cache: 'miss' })).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'publication_response_cache_hits_total')).toBeGreaterThanOrEqual(before + 1)
    expect(sample(text, 'publication_response_cache_entries')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'publication_response_cache_bytes')).toBeGreaterThan(0)
  })

  it('counts an upload (in progress, then its duration), the purges it causes, and the job it queues', async () => {
    const before = await scrape()
    const { docs } = (await (await fetch(`${server.baseUrl}/api/licenses?where[spdxId][equals]=CC-BY-4.0`)).json()) as { docs: Array<{ id: number }> }
    const upload = await fetch(`${server.baseUrl}/api/media`, {
      method: 'POST',
      headers: adminHeaders,
      body: uploadForm(await pngBlob(320, 200), 'metrics.png', { alt: 'Counted', creator: 'First Name', license: docs[0]!.id }),
    })
    expect(upload.status).toBe(201)
    const { doc } = (await upload.json()) as { doc: { id: number } }

    const after = await scrape()
    expect(sample(after, 'publication_upload_duration_seconds_count', { status: '201' })).toBe(sample(before, 'publication_upload_duration_seconds_count', { status: '201' }) + 1)
    expect(sample(after, 'publication_uploads_in_progress')).toBe(0)
    expect(sample(after, 'publication_http_request_duration_seconds_count', { route: 'api', status: '201', cache: 'bypass' })).toBeGreaterThanOrEqual(1)
    expect(sample(after, 'publication_response_cache_purges_total')).toBeGreaterThan(sample(before, 'publication_response_cache_purges_total'))

    // A new credit queues a rewrite of the image's files; the job runner (every second) runs it.
    const successes = (text: string) => sample(text, 'publication_jobs_total', { status: 'success' })
    const jobsBefore = successes(await scrape())
    const edit = await fetch(`${server.baseUrl}/api/media/${doc.id}`, { method: 'PATCH', headers: { ...adminHeaders, ...json }, body: JSON.stringify({ creator: 'Second Name' }) })
    expect(edit.status).toBe(200)
    await grown(successes, jobsBefore)
    const done = await scrape()
    expect(sample(done, 'publication_job_runs_total', { outcome: 'ok' })).toBeGreaterThan(sample(before, 'publication_job_runs_total', { outcome: 'ok' }))
    expect(sample(done, 'publication_job_run_duration_seconds_count')).toBeGreaterThan(sample(before, 'publication_job_run_duration_seconds_count'))
    // The upload's own job (its sizes) may still be queued behind the rewrite; the queue drains to 0.
    const depth = (text: string) => sample(text, 'publication_job_queue_depth')
    expect(depth(done) === 0 || (await grown((text) => -depth(text), -1)) === 0).toBe(true)
  })
})
