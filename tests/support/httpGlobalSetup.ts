import { makeThrowawayEnv } from './env'
import { GENEROUS_RATE_LIMITS, startServer, type RunningServer } from '../../scripts/lib/serverProcess'

export type HttpTestState = { server: RunningServer; dir: string }

/**
 * Starts the real Express + Next server (production mode) once for all HTTP tests, on a
 * throwaway database. Workers start after this and inherit TEST_BASE_URL.
 */
export default async function globalSetup(): Promise<void> {
  const { dir, env } = makeThrowawayEnv('http')
  // A small upload limit keeps the over-limit test cheap.
  const uploadMaxBytes = String(2 * 1024 * 1024)
  // The job runner looks every 2 s, so scheduled publishing is tested without long waits.
  // Every test file calls from 127.0.0.1 and logs in often: limits far above what the tests send
  // (tests/http/hostile.test.ts starts its own server with small ones).
  const server = await startServer({ ...env, ...GENEROUS_RATE_LIMITS, UPLOAD_MAX_BYTES: uploadMaxBytes, JOBS_INTERVAL_SECONDS: '2' })
  process.env.TEST_UPLOAD_MAX_BYTES = uploadMaxBytes
  // Lets tests build the links the admin builds (preview) without a browser.
  process.env.TEST_PAYLOAD_SECRET = env.PAYLOAD_SECRET
  process.env.TEST_BASE_URL = server.baseUrl
  ;(globalThis as { __httpTestState?: HttpTestState }).__httpTestState = { server, dir }
}
