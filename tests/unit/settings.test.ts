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
      rateLimits: { apiPerMinute: 300, loginsPerIp: 20, loginsPerAccount: 10 },
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
      },
      '/srv/app',
    )
    expect(settings).toMatchObject({
      apiLimits: { maxLimit: 50, maxDepth: 2, graphQLMaxDepth: 6, graphQLMaxAliases: 3, graphQLMaxComplexity: 500 },
      rateLimits: { apiPerMinute: 60, loginsPerIp: 9, loginsPerAccount: 4 },
      trustedProxies: ['10.0.0.0/8', 'loopback'],
      trustedOrigins: ['https://news.example', 'https://apps.example'],
      isHttps: true,
    })
    expect(loadSettings({ TRUSTED_PROXIES: '' }, '/srv/app').trustedProxies).toEqual([])
    expect(() => loadSettings({ CORS_ORIGINS: 'apps.example' }, '/srv/app')).toThrow(/CORS_ORIGINS/)
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
})
