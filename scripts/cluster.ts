/**
 * `npm run cluster`: PostgreSQL, Redis, two app processes (one database, one media folder) and
 * Varnish in front, all on this machine and thrown away on Ctrl-C. Needs a production build
 * (`npm run build`) and Debian's postgresql, redis-server, varnish and varnish-modules.
 */
import { startCluster } from './lib/cluster'

const processes = Number(process.env.CLUSTER_PROCESSES ?? 2)
console.log(`starting PostgreSQL, Redis, ${processes} app processes and Varnish…`)
const cluster = await startCluster({ processes, env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } }).catch((error: unknown) => {
  console.error(`could not start the cluster (everything started has been stopped again):\n${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

console.log(`
The Dispatch, clustered:
  through Varnish  ${cluster.proxyUrl}/   (admin ${cluster.proxyUrl}/admin, API ${cluster.proxyUrl}/api)
${cluster.apps.map((app, index) => `  process ${index + 1}        ${app.baseUrl}/   (pid ${app.child.pid})`).join('\n')}
  PostgreSQL       ${cluster.postgres.url}/publication
  Redis            ${cluster.redis.url}
  media folder     ${cluster.mediaDir}
Ctrl-C stops everything and removes its data.`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    console.log('\nstopping…')
    void cluster.stop().then(() => process.exit(0))
  })
}
for (const [index, app] of cluster.apps.entries()) {
  app.child.once('exit', (code, signal) => {
    if (!stopping) console.error(`process ${index + 1} exited (${signal ?? code}); Varnish sends its traffic to the others\n${app.output().slice(-2000)}`)
  })
}
