import type { Logger } from 'pino'
import type { Payload } from 'payload'

export type HealthReport = {
  status: 'ok' | 'degraded' | 'shutting-down'
  app: { status: 'ok' | 'shutting-down'; uptimeSeconds: number }
  database: { status: 'ok' | 'unreachable' | 'not-checked'; engine: string; latencyMs?: number; error?: string }
}

export type HealthCheck = {
  check: () => Promise<HealthReport>
  /** From now on the check answers "shutting down" (503), so load balancers stop sending traffic. */
  startShutdown: () => void
}

type HealthCheckArgs = {
  /** One real round trip to the database. */
  ping: () => Promise<unknown>
  engine: string
  logger: Pick<Logger, 'error'>
  timeoutMs?: number
}

/** What the public sees when the database fails; the cause (paths, hosts, SQL) goes to the log only. */
export const DATABASE_UNREACHABLE_MESSAGE = 'The database did not answer.'

/** The cheapest query every adapter answers: count a small collection. */
export const pingDatabase = (payload: Pick<Payload, 'count'>) => () => payload.count({ collection: 'licenses', overrideAccess: true })

/** A real round trip to the database, bounded so a hung connection reports instead of hanging. */
export function createHealthCheck({ ping, engine, logger, timeoutMs = 2000 }: HealthCheckArgs): HealthCheck {
  let shuttingDown = false
  const uptimeSeconds = () => Math.round(process.uptime())

  const check = async (): Promise<HealthReport> => {
    if (shuttingDown) {
      return { status: 'shutting-down', app: { status: 'shutting-down', uptimeSeconds: uptimeSeconds() }, database: { status: 'not-checked', engine } }
    }
    const started = performance.now()
    const app = { status: 'ok' as const, uptimeSeconds: uptimeSeconds() }
    try {
      await withTimeout(ping(), timeoutMs)
      const latencyMs = Math.round((performance.now() - started) * 10) / 10
      return { status: 'ok', app, database: { status: 'ok', engine, latencyMs } }
    } catch (error) {
      logger.error({ err: error, engine }, 'health check: the database did not answer')
      return { status: 'degraded', app, database: { status: 'unreachable', engine, error: DATABASE_UNREACHABLE_MESSAGE } }
    }
  }

  return { check, startShutdown: () => void (shuttingDown = true) }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
