import path from 'node:path'
import { z } from 'zod'

import { chooseDatabase, type DatabaseChoice } from './database'

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value))

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  SERVER_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URI: z.string().optional(),
  MEDIA_DIR: z.string().default('data/media'),
  PAYLOAD_SECRET_FILE: z.string().default('data/payload-secret'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  SEED_ON_START: booleanFlag.default(true),
  JOBS_INTERVAL_SECONDS: z.coerce.number().min(1).max(3600).default(10),
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(5),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(300).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Settings = {
  nodeEnv: string
  isProduction: boolean
  port: number
  host: string
  /** Public origin, used for absolute links (structured data, credits). */
  serverUrl: string
  database: DatabaseChoice
  mediaDir: string
  secretFile: string
  uploadMaxBytes: number
  seedOnStart: boolean
  /** How often the in-process runner looks for due jobs (scheduled publishing). */
  jobsIntervalMs: number
  /** After SIGTERM: serving on with health 503, so a load balancer stops sending traffic first. */
  shutdownDrainMs: number
  /** Then: how long in-flight requests may take before the process exits anyway. */
  shutdownGraceMs: number
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
}

/** Reads and checks the environment once; messages name the variable and what to do. */
export function loadSettings(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Settings {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new Error(`Invalid environment (see .env.example):\n${problems}`)
  }
  const vars = parsed.data
  const nodeEnv = vars.NODE_ENV ?? 'development'
  return {
    nodeEnv,
    isProduction: nodeEnv === 'production',
    port: vars.PORT,
    host: vars.HOST,
    serverUrl: (vars.SERVER_URL ?? `http://localhost:${vars.PORT}`).replace(/\/$/, ''),
    database: chooseDatabase({ databaseUri: vars.DATABASE_URI, nodeEnv, cwd }),
    mediaDir: path.resolve(cwd, vars.MEDIA_DIR),
    secretFile: path.resolve(cwd, vars.PAYLOAD_SECRET_FILE),
    uploadMaxBytes: vars.UPLOAD_MAX_BYTES,
    seedOnStart: vars.SEED_ON_START,
    jobsIntervalMs: vars.JOBS_INTERVAL_SECONDS * 1000,
    shutdownDrainMs: vars.SHUTDOWN_DRAIN_SECONDS * 1000,
    shutdownGraceMs: vars.SHUTDOWN_GRACE_SECONDS * 1000,
    logLevel: vars.LOG_LEVEL,
  }
}

let current: Settings | undefined

/** The process's settings, read once. */
export function getSettings(): Settings {
  current ??= loadSettings()
  return current
}
