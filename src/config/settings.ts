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

/** `host:port` (`[::1]:9464` for IPv6); the host is required, so nothing listens on every interface by accident. */
const listenAddress = z.string().transform((value, context) => {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value.trim())
  const port = Number(match?.[3])
  if (!match || port > 65535) {
    context.addIssue({ code: 'custom', message: 'must be host:port, e.g. 127.0.0.1:9464' })
    return z.NEVER
  }
  return { host: match[1] ?? match[2]!, port }
})

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
  IMAGE_WORKER_RETIRE_MB: z.coerce.number().int().min(1).default(150),
  IMAGE_WORKER_ALLOCATOR: z.enum(['auto', 'glibc']).default('auto'),
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
  RATE_LIMIT_RESETS_PER_IP: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_RESETS_PER_ACCOUNT: z.coerce.number().int().min(1).default(3),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be smtp://user:password@host:port (or smtps://)' }).optional(),
  EMAIL_FROM: z.email().optional(),
  EMAIL_FROM_NAME: z.string().trim().min(1).max(100).default('The Dispatch'),
  TRUSTED_PROXIES: originList.default(['loopback']),
  LIST_PAGE_SIZE: z.coerce.number().int().min(1).max(100).default(12),
  SITEMAP_MAX_URLS: z.coerce.number().int().min(1).max(50_000).default(50_000),
  CORS_ORIGINS: originList.pipe(z.array(z.url({ protocol: /^https?$/ }))).default([]),
  METRICS_TOKEN: z.string().regex(/^\S{16,}$/, 'must be at least 16 characters, without spaces').optional(),
  METRICS_ADDRESS: listenAddress.optional(),
  C2PA_SIGNING_KEY: z.string().trim().min(1).optional(),
  C2PA_CERTIFICATE_CHAIN: z.string().trim().min(1).optional(),
  C2PA_TRUST_ANCHORS: z.string().trim().min(1).optional(),
  C2PA_TSA_URL: z.url({ protocol: /^https?$/ }).optional(),
  C2PA_DEV_DIR: z.string().default('data/c2pa'),
})
  .refine((vars) => !vars.SMTP_URL || vars.EMAIL_FROM, { path: ['EMAIL_FROM'], message: 'set the sender address (e.g. newsroom@news.example) when SMTP_URL is set' })
  .refine((vars) => Boolean(vars.C2PA_SIGNING_KEY) === Boolean(vars.C2PA_CERTIFICATE_CHAIN), {
    path: ['C2PA_SIGNING_KEY'],
    message: 'set C2PA_SIGNING_KEY and C2PA_CERTIFICATE_CHAIN together (a PEM value or a file path each), or neither for a development chain',
  })

export type Settings = {
  nodeEnv: string
  isProduction: boolean
  /**
   * Where the database schema comes from: the committed migrations (production, and tests, so
   * they get exactly production's schema and search index), or Payload's development push,
   * which knows nothing of the search index (raw SQL in the migrations).
   */
  databaseSchema: 'migrations' | 'push'
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
  /** The image worker (src/collections/Media/files/imageWorker.ts): when it is replaced, and its memory allocator. */
  imageWorker: { retireAboveMb: number; allocator: 'auto' | 'glibc' }
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
  /** Outgoing mail (password resets); unset: no mail is sent and resets are off. */
  mail?: MailSettings
  /** Who may read /metrics, and where (src/server/metrics/endpoint.ts). */
  metrics: MetricsSettings
  contentCredentials: ContentCredentialSettings
  /** Articles per sitemap file (the protocol allows 50,000; tests set a few). */
  sitemapMaxUrls: number
  /** Articles per numbered page of a list (front page, section, author, month); landing pages show two. */
  listPageSize: number
}

export type MetricsSettings = {
  /** Scrapes must send `Authorization: Bearer <token>`. */
  token?: string
  /** A listener of its own for /metrics (then not on the public port). */
  address?: { host: string; port: number }
}

export type MailSettings = {
  /** nodemailer's connection URL: `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  smtpUrl: string
  fromAddress: string
  fromName: string
}

/**
 * Content Credentials (C2PA). Key, chain and anchors are each a PEM value or a file path; the
 * key is wrapped so that logging the settings never prints it.
 */
export type ContentCredentialSettings = {
  signingKey?: SecretText
  certificateChain?: string
  /** Roots a manifest must chain to for the media API to call it trusted. */
  trustAnchors?: string
  /** RFC 3161 time-stamp authority. Not used: the SDK's signer takes none (a warning is logged when set). */
  timeStampUrl?: string
  /** Where the development chain is made when no key is configured. */
  devDir: string
}

/** A secret setting: `reveal()` gives the value; JSON and `util.inspect` give a placeholder. */
export class SecretText {
  readonly #value: string
  constructor(value: string) {
    this.#value = value
  }
  reveal(): string {
    return this.#value
  }
  toJSON(): string {
    return '[redacted]'
  }
  toString(): string {
    return '[redacted]'
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[redacted]'
  }
}

export type ApiLimits = { maxLimit: number; maxDepth: number; graphQLMaxDepth: number; graphQLMaxAliases: number; graphQLMaxComplexity: number }

/**
 * Requests allowed per window: anonymous API calls per IP per minute, login attempts per 15
 * minutes, password-reset requests per hour.
 */
export type RateLimits = { apiPerMinute: number; loginsPerIp: number; loginsPerAccount: number; resetsPerIp: number; resetsPerAccount: number }

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
    databaseSchema: nodeEnv === 'production' || nodeEnv === 'test' ? 'migrations' : 'push',
    port: vars.PORT,
    host: vars.HOST,
    serverUrl,
    database: chooseDatabase({ databaseUri: vars.DATABASE_URI, nodeEnv, cwd }),
    mediaDir: path.resolve(cwd, vars.MEDIA_DIR),
    secretFile: path.resolve(cwd, vars.PAYLOAD_SECRET_FILE),
    uploadMaxBytes: vars.UPLOAD_MAX_BYTES,
    uploadMaxPixels: vars.UPLOAD_MAX_PIXELS,
    seedOnStart: vars.SEED_ON_START,
    imageWorker: { retireAboveMb: vars.IMAGE_WORKER_RETIRE_MB, allocator: vars.IMAGE_WORKER_ALLOCATOR },
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
      resetsPerIp: vars.RATE_LIMIT_RESETS_PER_IP,
      resetsPerAccount: vars.RATE_LIMIT_RESETS_PER_ACCOUNT,
    },
    trustedProxies: vars.TRUSTED_PROXIES,
    trustedOrigins: [...new Set([new URL(serverUrl).origin, ...vars.CORS_ORIGINS.map((origin) => new URL(origin).origin)])],
    isHttps: serverUrl.startsWith('https://'),
    redisUrl: vars.REDIS_URL,
    proxyPurgeUrl: vars.PROXY_PURGE_URL,
    sitemapMaxUrls: vars.SITEMAP_MAX_URLS,
    listPageSize: vars.LIST_PAGE_SIZE,
    metrics: { token: vars.METRICS_TOKEN, address: vars.METRICS_ADDRESS },
    ...(vars.SMTP_URL && vars.EMAIL_FROM && { mail: { smtpUrl: vars.SMTP_URL, fromAddress: vars.EMAIL_FROM, fromName: vars.EMAIL_FROM_NAME } }),
    contentCredentials: {
      signingKey: vars.C2PA_SIGNING_KEY ? new SecretText(vars.C2PA_SIGNING_KEY) : undefined,
      certificateChain: vars.C2PA_CERTIFICATE_CHAIN,
      trustAnchors: vars.C2PA_TRUST_ANCHORS,
      timeStampUrl: vars.C2PA_TSA_URL,
      devDir: path.resolve(cwd, vars.C2PA_DEV_DIR),
    },
  }
}

let current: Settings | undefined

/** The process's settings, read once. */
export function getSettings(): Settings {
  current ??= loadSettings()
  return current
}
