import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres'
import { startThrowawayRedis, type ThrowawayRedis } from './redis'
import { freePort, startServer, stopServer, type RunningServer } from './serverProcess'
import { startVarnish, type RunningVarnish } from './varnish'

export type RunningCluster = {
  /** Varnish: what readers use. */
  proxyUrl: string
  apps: RunningServer[]
  postgres: ThrowawayPostgres
  redis: ThrowawayRedis
  varnish: RunningVarnish
  mediaDir: string
  /** The environment every app process got (database, Redis, proxy, media folder, secret). */
  appEnv: Record<string, string>
  /** Stops everything in reverse order (Varnish, the apps gracefully, Redis, PostgreSQL) and removes the temporary folders. */
  stop: () => Promise<void>
}

type ClusterOptions = {
  processes?: number
  /** Added to every app process's environment (e.g. JOBS_INTERVAL_SECONDS, LOG_LEVEL). */
  env?: Record<string, string>
}

/**
 * The whole topology on this machine, for `npm run cluster`, the cluster tests and the benchmark:
 * PostgreSQL, Redis, app processes sharing one database, media folder and secret, and Varnish in
 * front of them. Throwaway: every piece lives in a temporary folder that `stop` removes.
 */
export async function startCluster({ processes = 2, env = {} }: ClusterOptions = {}): Promise<RunningCluster> {
  const started: Array<() => Promise<unknown>> = []
  const stopAll = async () => {
    for (const stop of started.reverse()) await stop().catch((error: unknown) => console.error(error))
  }
  try {
    const postgres = await startThrowawayPostgres()
    started.push(postgres.stop)
    const redis = await startThrowawayRedis()
    started.push(redis.stop)
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'publication-cluster-'))
    started.push(async () => fs.rmSync(shared, { recursive: true, force: true }))

    const proxyPort = await freePort()
    const proxyUrl = `http://127.0.0.1:${proxyPort}`
    const appEnv = {
      DATABASE_URI: `${postgres.url}/publication`,
      REDIS_URL: redis.url,
      PROXY_PURGE_URL: `${proxyUrl}/`,
      SERVER_URL: proxyUrl,
      MEDIA_DIR: path.join(shared, 'media'),
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      PAYLOAD_SECRET_FILE: path.join(shared, 'payload-secret'),
      ...env,
    }
    const apps: RunningServer[] = []
    // One after the other: the first applies the migrations and seeds, the others find it done.
    for (let index = 0; index < processes; index += 1) {
      const app = await startServer(appEnv)
      apps.push(app)
      started.push(() => stopServer(app.child))
    }
    const varnish = await startVarnish(
      apps.map((app) => ({ host: '127.0.0.1', port: Number(new URL(app.baseUrl).port) })),
      { port: proxyPort },
    )
    started.push(varnish.stop)
    await waitUntilHealthy(`${proxyUrl}/healthz`)
    return { proxyUrl, apps, postgres, redis, varnish, mediaDir: appEnv.MEDIA_DIR, appEnv, stop: stopAll }
  } catch (error) {
    await stopAll()
    throw error
  }
}

async function waitUntilHealthy(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if ((await fetch(url).then((response) => response.ok, () => false)) === true) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`)
}
