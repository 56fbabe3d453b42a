import { startBaseline } from './baselineServer'
import { startCluster } from './cluster'
import { GENEROUS_RATE_LIMITS } from './serverProcess'
import { adminSession, line, load, LOAD_TOOL, ms, timed } from './load'

/**
 * `npm run bench -- --cluster`: PostgreSQL, Redis, two app processes and Varnish on this machine
 * (scripts/lib/cluster.ts). Measures, in one run and under the same load, a node:http baseline,
 * each URL through the proxy and from one process alone, and publish → visible on the other
 * process and the proxy.
 */
export async function benchCluster(slug: string): Promise<void> {
  const started = performance.now()
  const cluster = await startCluster({ env: { LOG_LEVEL: 'warn', ...GENEROUS_RATE_LIMITS } })
  console.log(`cluster start (PostgreSQL, Redis, 2 processes, Varnish): ${ms(performance.now() - started)}`)
  console.log(`load: ${LOAD_TOOL}\n`)
  try {
    const a = cluster.apps[0]!
    const b = cluster.apps[1]!
    const articlePath = `/articles/${slug}`
    const article = Buffer.from(await (await fetch(`${a.baseUrl}${articlePath}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
    const baselineServer = await startBaseline(article, { 'content-type': 'text/html; charset=utf-8' })
    const baseline = await load(baselineServer.url)
    baselineServer.child.kill()
    console.log(line('baseline (node:http)', baseline))

    const headers = { 'accept-encoding': 'br, gzip' }
    for (const [name, path] of [
      ['article page', articlePath],
      ['front page', '/'],
      ['REST by slug, depth=2', `/api/articles?where[slug][equals]=${slug}&depth=2`],
    ] as const) {
      console.log(line(`${name}, through Varnish`, await load(`${cluster.proxyUrl}${path}`, headers), baseline))
      console.log(line(`${name}, one process`, await load(`${a.baseUrl}${path}`, headers), baseline))
    }

    const token = await adminSession(a.baseUrl)
    const { docs } = (await (await fetch(`${a.baseUrl}/api/articles?where[slug][equals]=${slug}&depth=0`)).json()) as { docs: Array<{ id: number | string }> }
    const loadRun = load(`${cluster.proxyUrl}${articlePath}`, headers)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const headline = `Cluster benchmark ${Date.now()}`
    const publishStarted = performance.now()
    await fetch(`${a.baseUrl}/api/articles/${docs[0]!.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ headline, _status: 'published' }),
    })
    let visibleMs = Number.NaN
    for (let attempt = 0; attempt < 200 && Number.isNaN(visibleMs); attempt += 1) {
      const views = await Promise.all([timed(`${b.baseUrl}${articlePath}`), timed(`${cluster.proxyUrl}${articlePath}`), timed(`${cluster.proxyUrl}/api/articles/${docs[0]!.id}`)])
      if (views.every((view) => view.text.includes(headline))) visibleMs = performance.now() - publishStarted
    }
    console.log(`\npublish through process A → visible on process B, the proxy and the API, under load: ${ms(visibleMs)}`)
    console.log(line('load through Varnish meanwhile', await loadRun))
  } finally {
    await cluster.stop()
  }
}
