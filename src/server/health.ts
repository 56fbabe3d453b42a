import type { Payload } from 'payload'

export type HealthReport = {
  status: 'ok' | 'degraded'
  app: { status: 'ok'; uptimeSeconds: number }
  database: { status: 'ok' | 'unreachable'; engine: string; latencyMs?: number; error?: string }
}

const TIMEOUT_MS = 2000

/** A real round trip to the database, bounded so a hung connection reports instead of hanging. */
export async function checkHealth(payload: Payload, engine: string): Promise<HealthReport> {
  const started = performance.now()
  const app = { status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }
  try {
    await withTimeout(payload.count({ collection: 'licenses', overrideAccess: true }), TIMEOUT_MS)
    const latencyMs = Math.round((performance.now() - started) * 10) / 10
    return { status: 'ok', app, database: { status: 'ok', engine, latencyMs } }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { status: 'degraded', app, database: { status: 'unreachable', engine, error: message } }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
