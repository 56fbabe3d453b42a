import path from 'node:path'
import { z } from 'zod'

import { chooseDatabase, type DatabaseChoice } from './database'

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value))

/** A comma-separated list; empty entries dropped. */
const originList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
)

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  SERVER_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URI: z.string().optional(),
  MEDIA_DIR: z.string().default('data/media'),
  PAYLOAD_SECRET_FILE: z.string().default('data/payload-secret'),
  // A full-size JPEG from a 45-megapixel press camera is 20–30 MB.
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(40 * 1024 * 1024),
  UPLOAD_MAX_PIXELS: z.coerce.number().int().positive().default(50_000_000),
  SEED_ON_START: booleanFlag.default(true),
  JOBS_INTERVAL_SECONDS: z.coerce.number().min(1).max(3600).default(10),
  JOBS_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().min(1).max(65536).default(64),
  CACHE_S_MAXAGE_SECONDS: z.coerce.number().int().min(1).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  PROXY_PURGE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(5),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(300).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_MAX_LIMIT: z.coerce.number().int().min(1).default(100),
  API_MAX_DEPTH: z.coerce.number().int().min(0).max(10).default(3),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(8),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(10),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().min(1).default(1000),
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_LOGINS_PER_IP: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_LOGINS_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  TRUSTED_PROXIES: originList.default(['loopback']),
  CORS_ORIGINS: originList.pipe(z.array(z.url({ protocol: /^https?$/ }))).default([]),
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
  /** Largest image accepted, in pixels (width × height): decoding costs memory by pixels, not bytes. */
  uploadMaxPixels: number
  seedOnStart: boolean
  /** How often the in-process runner looks for due jobs (scheduled publishing). */
  jobsIntervalMs: number
  /** A job run taking longer is abandoned so the next can start. */
  jobsTimeoutMs: number
  /** Memory bound of the response cache (bodies in every encoding). */
  responseCacheMaxBytes: number
  /** `s-maxage` on cached responses, for a shared proxy that purges; unset: none. */
  cacheSMaxAgeSeconds: number | undefined
  /** After SIGTERM: serving on with health 503, so a load balancer stops sending traffic first. */
  shutdownDrainMs: number
  /** Then: how long in-flight requests may take before the process exits anyway. */
  shutdownGraceMs: number
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  /** Bounds for callers who are not signed in (REST), and for every GraphQL query. */
  apiLimits: ApiLimits
  rateLimits: RateLimits
  /** Express `trust proxy`: addresses (or loopback, uniquelocal, CIDRs) whose X-Forwarded-For is believed. */
  trustedProxies: string[]
  /** Origins that may send credentialed requests: the site's own plus CORS_ORIGINS. */
  trustedOrigins: string[]
  /** Secure cookies and HSTS: the public origin is https. */
  isHttps: boolean
  /** Set when several processes serve together: the purge bus, the job lock (and rate-limit counters). */
  redisUrl?: string
  /** Where a caching proxy (Varnish) takes PURGE requests. */
  proxyPurgeUrl?: string
}

export type ApiLimits = { maxLimit: number; maxDepth: number; graphQLMaxDepth: number; graphQLMaxAliases: number; graphQLMaxComplexity: number }

/** Requests allowed per window: anonymous API calls per IP per minute, login attempts per 15 minutes. */
export type RateLimits = { apiPerMinute: number; loginsPerIp: number; loginsPerAccount: number }

/** Reads and checks the environment once; messages name the variable and what to do. */
export function loadSettings(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Settings {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new Error(`Invalid environment (see .env.example):\n${problems}`)
  }
  const vars = parsed.data
  const nodeEnv = vars.NODE_ENV ?? 'development'
  const serverUrl = (vars.SERVER_URL ?? `http://localhost:${vars.PORT}`).replace(/\/$/, '')
  return {
    nodeEnv,
    isProduction: nodeEnv === 'production',
    port: vars.PORT,
    host: vars.HOST,
    serverUrl,
    database: chooseDatabase({ databaseUri: vars.DATABASE_URI, nodeEnv, cwd }),
    mediaDir: path.resolve(cwd, vars.MEDIA_DIR),
    secretFile: path.resolve(cwd, vars.PAYLOAD_SECRET_FILE),
    uploadMaxBytes: vars.UPLOAD_MAX_BYTES,
    uploadMaxPixels: vars.UPLOAD_MAX_PIXELS,
    seedOnStart: vars.SEED_ON_START,
    jobsIntervalMs: vars.JOBS_INTERVAL_SECONDS * 1000,
    jobsTimeoutMs: vars.JOBS_TIMEOUT_SECONDS * 1000,
    responseCacheMaxBytes: Math.round(vars.RESPONSE_CACHE_MAX_MB * 1024 * 1024),
    cacheSMaxAgeSeconds: vars.CACHE_S_MAXAGE_SECONDS,
    shutdownDrainMs: vars.SHUTDOWN_DRAIN_SECONDS * 1000,
    shutdownGraceMs: vars.SHUTDOWN_GRACE_SECONDS * 1000,
    logLevel: vars.LOG_LEVEL,
    apiLimits: {
      maxLimit: vars.API_MAX_LIMIT,
      maxDepth: vars.API_MAX_DEPTH,
      graphQLMaxDepth: vars.GRAPHQL_MAX_DEPTH,
      graphQLMaxAliases: vars.GRAPHQL_MAX_ALIASES,
      graphQLMaxComplexity: vars.GRAPHQL_MAX_COMPLEXITY,
    },
    rateLimits: {
      apiPerMinute: vars.RATE_LIMIT_API_PER_MINUTE,
      loginsPerIp: vars.RATE_LIMIT_LOGINS_PER_IP,
      loginsPerAccount: vars.RATE_LIMIT_LOGINS_PER_ACCOUNT,
    },
    trustedProxies: vars.TRUSTED_PROXIES,
    trustedOrigins: [...new Set([new URL(serverUrl).origin, ...vars.CORS_ORIGINS.map((origin) => new URL(origin).origin)])],
    isHttps: serverUrl.startsWith('https://'),
    redisUrl: vars.REDIS_URL,
    proxyPurgeUrl: vars.PROXY_PURGE_URL,
  }
}

let current: Settings | undefined

/** The process's settings, read once. */
export function getSettings(): Settings {
  current ??= loadSettings()
  return current
}
