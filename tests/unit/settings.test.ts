import { inspect } from 'node:util'

import { describe, expect, it } from '@jest/globals'

import { loadSettings } from '../../src/config/settings'

describe('loadSettings', () => {
  it('runs with an empty environment', () => {
    const settings = loadSettings({}, '/srv/app')
    expect(settings).toMatchObject({
      nodeEnv: 'development',
      isProduction: false,
      port: 3000,
      serverUrl: 'http://localhost:3000',
      mediaDir: '/srv/app/data/media',
      secretFile: '/srv/app/data/payload-secret',
      uploadMaxBytes: 40 * 1024 * 1024,
      uploadMaxPixels: 50_000_000,
      seedOnStart: true,
      database: { engine: 'sqlite', filePath: '/srv/app/data/publication-dev.db' },
    })
  })

  it('reads when the image worker is replaced and which allocator it uses, and refuses an unknown allocator', () => {
    expect(loadSettings({}, '/srv/app').imageWorker).toEqual({ retireAboveMb: 150, allocator: 'auto' })
    expect(loadSettings({ IMAGE_WORKER_RETIRE_MB: '240', IMAGE_WORKER_ALLOCATOR: 'glibc' }, '/srv/app').imageWorker).toEqual({ retireAboveMb: 240, allocator: 'glibc' })
    expect(() => loadSettings({ IMAGE_WORKER_ALLOCATOR: 'tcmalloc' }, '/srv/app')).toThrow(/IMAGE_WORKER_ALLOCATOR/)
  })

  it('builds the schema from the migrations in production and tests, and pushes it in development', () => {
    expect(loadSettings({ NODE_ENV: 'production' }, '/srv/app').databaseSchema).toBe('migrations')
    expect(loadSettings({ NODE_ENV: 'test' }, '/srv/app').databaseSchema).toBe('migrations')
    expect(loadSettings({}, '/srv/app').databaseSchema).toBe('push')
  })

  it('reads every variable', () => {
    const settings = loadSettings(
      { NODE_ENV: 'production', PORT: '8080', SERVER_URL: 'https://news.example/', DATABASE_URI: 'mongodb://db/news', MEDIA_DIR: '/var/media', UPLOAD_MAX_BYTES: '1000', UPLOAD_MAX_PIXELS: '2000000', SEED_ON_START: 'false', LOG_LEVEL: 'warn' },
      '/srv/app',
    )
    expect(settings).toMatchObject({
      isProduction: true,
      port: 8080,
      serverUrl: 'https://news.example',
      database: { engine: 'mongodb', url: 'mongodb://db/news' },
      mediaDir: '/var/media',
      uploadMaxBytes: 1000,
      uploadMaxPixels: 2_000_000,
      seedOnStart: false,
      logLevel: 'warn',
    })
  })

  it('reads the API limits, rate limits, proxies and origins', () => {
    const defaults = loadSettings({}, '/srv/app')
    expect(defaults).toMatchObject({
      apiLimits: { maxLimit: 100, maxDepth: 3, graphQLMaxDepth: 8, graphQLMaxAliases: 10, graphQLMaxComplexity: 1000 },
      rateLimits: { apiPerMinute: 300, loginsPerIp: 20, loginsPerAccount: 10, resetsPerIp: 10, resetsPerAccount: 3 },
      trustedProxies: ['loopback'],
      trustedOrigins: ['http://localhost:3000'],
      isHttps: false,
    })
    const settings = loadSettings(
      {
        SERVER_URL: 'https://news.example/',
        CORS_ORIGINS: 'https://apps.example, https://news.example/',
        TRUSTED_PROXIES: '10.0.0.0/8, loopback',
        API_MAX_LIMIT: '50',
        API_MAX_DEPTH: '2',
        GRAPHQL_MAX_DEPTH: '6',
        GRAPHQL_MAX_ALIASES: '3',
        GRAPHQL_MAX_COMPLEXITY: '500',
        RATE_LIMIT_API_PER_MINUTE: '60',
        RATE_LIMIT_LOGINS_PER_IP: '9',
        RATE_LIMIT_LOGINS_PER_ACCOUNT: '4',
        RATE_LIMIT_RESETS_PER_IP: '5',
        RATE_LIMIT_RESETS_PER_ACCOUNT: '2',
      },
      '/srv/app',
    )
    expect(settings).toMatchObject({
      apiLimits: { maxLimit: 50, maxDepth: 2, graphQLMaxDepth: 6, graphQLMaxAliases: 3, graphQLMaxComplexity: 500 },
      rateLimits: { apiPerMinute: 60, loginsPerIp: 9, loginsPerAccount: 4, resetsPerIp: 5, resetsPerAccount: 2 },
      trustedProxies: ['10.0.0.0/8', 'loopback'],
      trustedOrigins: ['https://news.example', 'https://apps.example'],
      isHttps: true,
    })
    expect(loadSettings({ TRUSTED_PROXIES: '' }, '/srv/app').trustedProxies).toEqual([])
    expect(() => loadSettings({ CORS_ORIGINS: 'apps.example' }, '/srv/app')).toThrow(/CORS_ORIGINS/)
  })

  it('reads the mail settings, needs a sender with a mail server, and leaves mail off without one', () => {
    expect(loadSettings({}, '/srv/app').mail).toBeUndefined()
    expect(loadSettings({ SMTP_URL: 'smtp://user:pass@mail.example:587', EMAIL_FROM: 'newsroom@news.example' }, '/srv/app').mail).toEqual({
      smtpUrl: 'smtp://user:pass@mail.example:587',
      fromAddress: 'newsroom@news.example',
      fromName: 'The Dispatch',
    })
    expect(loadSettings({ SMTP_URL: 'smtps://mail.example', EMAIL_FROM: 'a@news.example', EMAIL_FROM_NAME: 'Night desk' }, '/srv/app').mail?.fromName).toBe('Night desk')
    expect(() => loadSettings({ SMTP_URL: 'smtp://mail.example' }, '/srv/app')).toThrow(/EMAIL_FROM: set the sender address/)
    expect(() => loadSettings({ SMTP_URL: 'http://mail.example', EMAIL_FROM: 'a@news.example' }, '/srv/app')).toThrow(/SMTP_URL: must be smtp:/)
    expect(() => loadSettings({ SMTP_URL: 'smtp://mail.example', EMAIL_FROM: 'not an address' }, '/srv/app')).toThrow(/EMAIL_FROM/)
  })

  it('reads the cluster settings, and leaves them unset for a single process', () => {
    expect(loadSettings({ REDIS_URL: 'redis://cache:6379', PROXY_PURGE_URL: 'http://varnish/' }, '/srv/app')).toMatchObject({
      redisUrl: 'redis://cache:6379',
      proxyPurgeUrl: 'http://varnish/',
    })
    expect(loadSettings({}, '/srv/app')).toMatchObject({ redisUrl: undefined, proxyPurgeUrl: undefined })
    expect(() => loadSettings({ REDIS_URL: 'localhost:6379', PROXY_PURGE_URL: 'varnish' }, '/srv/app')).toThrow(/REDIS_URL: .*\n {2}PROXY_PURGE_URL: /)
  })

  it('reads the shutdown drain and grace in seconds, defaulting to 5 and 10', () => {
    expect(loadSettings({}, '/srv/app')).toMatchObject({ shutdownDrainMs: 5000, shutdownGraceMs: 10_000 })
    expect(loadSettings({ SHUTDOWN_DRAIN_SECONDS: '0', SHUTDOWN_GRACE_SECONDS: '2.5' }, '/srv/app')).toMatchObject({ shutdownDrainMs: 0, shutdownGraceMs: 2500 })
    expect(() => loadSettings({ SHUTDOWN_DRAIN_SECONDS: '-1' }, '/srv/app')).toThrow(/SHUTDOWN_DRAIN_SECONDS/)
  })

  it('names each bad variable and points to .env.example', () => {
    expect(() => loadSettings({ PORT: 'eighty', SERVER_URL: 'ftp://x', SEED_ON_START: 'perhaps' }, '/srv/app')).toThrow(
      /Invalid environment \(see \.env\.example\):\n {2}PORT: .*\n {2}SERVER_URL: .*\n {2}SEED_ON_START: /,
    )
  })

  it('takes the Content Credentials key and chain together, and never prints the key', () => {
    const settings = loadSettings({ C2PA_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nTOPSECRETKEY\n-----END PRIVATE KEY-----', C2PA_CERTIFICATE_CHAIN: 'keys/chain.pem', C2PA_TSA_URL: 'http://tsa.example/' }, '/srv/app')
    expect(settings.contentCredentials).toMatchObject({ certificateChain: 'keys/chain.pem', timeStampUrl: 'http://tsa.example/', devDir: '/srv/app/data/c2pa' })
    expect(settings.contentCredentials.signingKey?.reveal()).toContain('TOPSECRETKEY')
    expect(JSON.stringify(settings)).not.toContain('TOPSECRETKEY')
    expect(inspect(settings, { depth: 5 })).not.toContain('TOPSECRETKEY')
    expect(() => loadSettings({ C2PA_SIGNING_KEY: 'keys/key.pem' }, '/srv/app')).toThrow(/C2PA_SIGNING_KEY: set C2PA_SIGNING_KEY and C2PA_CERTIFICATE_CHAIN together/)
  })
})
