/**
 * The cluster as `npm run cluster` starts it (PostgreSQL, Redis, two app processes, Varnish):
 * a publish through one process is served by the other, the proxy and the API within a second;
 * a process killed under load costs no reader a failed request; a scheduled publish runs once.
 * Needs a production build (`npm run build`).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { startCluster, type RunningCluster } from '../../scripts/lib/cluster'
import { GENEROUS_RATE_LIMITS } from '../../scripts/lib/serverProcess'
import { paragraphsToLexical } from '../../src/lib/richText'
import type { Article, User } from '../../src/payload-types'
import { importPayloadAndConfig } from '../support/payloadConfig'

type Doc = Record<string, unknown> & { id: Article['id'] }

let cluster: RunningCluster
let token: string
let a: string
let b: string
let proxy: string

const admin = { email: 'cluster-admin@example.com', password: 'a long cluster password' }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function send(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; doc: Doc }> {
  const response = await fetch(`${base}${path}`, { method, headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
  const json = (await response.json()) as { doc: Doc }
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return { status: response.status, doc: json.doc }
}

/** Resolves with the milliseconds until `read` sees `expected`, or fails after `timeoutMs`. */
async function timeUntil(read: () => Promise<string>, expected: string, timeoutMs: number, label: string): Promise<number> {
  const started = Date.now()
  let last = ''
  while (Date.now() - started < timeoutMs) {
    last = await read()
    if (last.includes(expected)) return Date.now() - started
    await sleep(25)
  }
  throw new Error(`${label} did not show "${expected}" within ${timeoutMs} ms; it showed: ${last.slice(0, 300)}`)
}

/** Whether Varnish answers the path from its cache within a few requests. */
async function proxyHit(path: string): Promise<boolean> {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const response = await fetch(`${proxy}${path}`)
    await response.arrayBuffer()
    if (response.headers.get('x-cache') === 'HIT') return true
  }
  return false
}

const pageText = (base: string, slug: string) => async () => (await fetch(`${base}/articles/${slug}`)).text()
const apiText = (base: string, slug: string) => async () => (await fetch(`${base}/api/articles?where[slug][equals]=${slug}&depth=0`)).text()

beforeAll(async () => {
  cluster = await startCluster({ env: { JOBS_INTERVAL_SECONDS: '1', LOG_LEVEL: 'warn', ...GENEROUS_RATE_LIMITS } })
  ;[a, b] = cluster.apps.map((app) => app.baseUrl) as [string, string]
  proxy = cluster.proxyUrl
  const registered = await fetch(`${a}/api/users/first-register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
  token = ((await registered.json()) as { token: string }).token
}, 300_000)

afterAll(async () => {
  await local?.destroy()
  await cluster?.stop()
}, 60_000)

describe('two processes behind Varnish', () => {
  it('serves a publish made through process A from process B, the proxy and the API within 1 s', async () => {
    const slug = 'cluster-proof'
    const { doc } = await send(a, 'POST', '/api/articles', { headline: 'Cluster headline one', slug, body: paragraphsToLexical(['x']), _status: 'published' })
    // Every reader's copy is cached before the change: B's own cache, the proxy's, the API's.
    for (let round = 0; round < 2; round += 1) {
      for (const read of [pageText(b, slug), pageText(proxy, slug), apiText(proxy, slug), apiText(b, slug)]) expect(await read()).toContain('Cluster headline one')
    }
    // An app process's first render goes out untagged (Varnish stores nothing); the next answer,
    // from that process's response cache, carries its tags and Varnish keeps it.
    expect(await proxyHit(`/articles/${slug}`)).toBe(true)
    expect(await proxyHit(`/api/articles?where[slug][equals]=${slug}&depth=0`)).toBe(true)

    await send(a, 'PATCH', `/api/articles/${doc.id}`, { headline: 'Cluster headline two', _status: 'published' })
    const times = await Promise.all([
      timeUntil(pageText(b, slug), 'Cluster headline two', 1000, 'the page on process B'),
      timeUntil(pageText(proxy, slug), 'Cluster headline two', 1000, 'the page through the proxy'),
      timeUntil(apiText(proxy, slug), 'Cluster headline two', 1000, 'the API through the proxy'),
      timeUntil(apiText(b, slug), 'Cluster headline two', 1000, 'the API on process B'),
    ])
    console.log(`publish on A → visible (ms): page on B ${times[0]}, page via proxy ${times[1]}, API via proxy ${times[2]}, API on B ${times[3]}`)
  })

  it('publishes a scheduled article once, and every process and the proxy show it', async () => {
    const slug = 'cluster-scheduled'
    const { doc } = await send(b, 'POST', '/api/articles?draft=true', { headline: 'Scheduled in the cluster', slug, body: paragraphsToLexical(['x']), _status: 'draft' })
    const me = (await (await fetch(`${a}/api/users/me`, { headers: { authorization: `JWT ${token}` } })).json()) as { user: Pick<User, 'id'> }
    expect((await fetch(`${proxy}/articles/${slug}`)).status).toBe(404)

    const payload = await localApi()
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() + 1500),
      input: { type: 'publish', doc: { relationTo: 'articles', value: doc.id }, user: { relationTo: 'users', value: me.user.id } },
    })
    // The editor's view (signed in, never cached) shows when the job has run.
    const editorView = async () => (await fetch(`${a}/api/articles/${doc.id}?depth=0`, { headers: { authorization: `JWT ${token}` } })).text()
    await timeUntil(editorView, '"_status":"published"', 15_000, 'the article in the database')
    for (const [name, base] of [['process A', a], ['process B', b], ['the proxy', proxy]]) await timeUntil(pageText(base!, slug), 'Scheduled in the cluster', 1000, `the scheduled article's page on ${name}`)
    // Both processes look every second; give a second run the chance it must not take.
    await sleep(3000)
    const versions = (await (await fetch(`${a}/api/articles/versions?where[parent][equals]=${doc.id}&where[version._status][equals]=published&depth=0`, { headers: { authorization: `JWT ${token}` } })).json()) as { totalDocs: number }
    expect(versions.totalDocs).toBe(1)
    // Payload deletes a job that completed; one that failed (a second run colliding) would remain.
    expect((await payload.count({ collection: 'payload-jobs', overrideAccess: true })).totalDocs).toBe(0)
  }, 60_000)

  it('keeps answering through the proxy, without one failed request once its probe notices, when process A is killed under load', async () => {
    let running = true
    let answered = 0
    let failures: string[] = []
    let counter = 0
    const paths = () => [`/articles/cluster-proof`, `/`, `/api/articles?limit=1&depth=0&n=${(counter += 1)}`]
    const read = async (path: string) => {
      try {
        const response = await fetch(`${proxy}${path}`)
        await response.arrayBuffer()
        if (response.status === 200) answered += 1
        else failures.push(`${path}: ${response.status}`)
      } catch (error) {
        failures.push(`${path}: ${(error as Error).message}`)
      }
    }
    const worker = async () => {
      while (running) for (const path of paths()) await read(path)
    }
    const workers = Array.from({ length: 8 }, worker)
    await sleep(1500)
    expect(failures).toEqual([])

    const killedAt = Date.now()
    cluster.apps[0]!.child.kill('SIGKILL')
    while ((await cluster.varnish.backendHealth()).app1 !== 'sick') {
      if (Date.now() - killedAt > 10_000) throw new Error('Varnish did not mark the killed process sick within 10 s')
      await sleep(100)
    }
    const noticedAfterMs = Date.now() - killedAt
    // Requests in flight on A when it died are lost with it (Varnish cannot retry a response it already started to stream).
    const duringTransition = failures
    failures = []
    const answeredBefore = answered
    await sleep(4000)
    running = false
    await Promise.all(workers)
    console.log(
      `SIGKILL of process A under load through the proxy: probe noticed after ${noticedAfterMs} ms; ` +
        `${duringTransition.length} failed requests before that (${duringTransition.slice(0, 3).join('; ')}), ` +
        `${failures.length} failed of ${answered - answeredBefore + failures.length} after`,
    )
    expect(failures).toEqual([])
    expect(answered - answeredBefore).toBeGreaterThan(100)
  }, 30_000)
})

/** The test's own Payload on the cluster's database, to queue a job as the admin's Schedule button does. */
let local: Payload | undefined
async function localApi(): Promise<Payload> {
  if (local) return local
  const { DATABASE_URI, PAYLOAD_SECRET, MEDIA_DIR } = cluster.appEnv
  // Production mode: the schema comes from the migrations the servers applied, never pushed.
  Object.assign(process.env, { DATABASE_URI, PAYLOAD_SECRET, MEDIA_DIR, NODE_ENV: 'production', LOG_LEVEL: 'warn' })
  const { getPayload, config } = await importPayloadAndConfig()
  local = await getPayload({ config, key: 'cluster-test' })
  return local
}
