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
      uploadMaxBytes: 10 * 1024 * 1024,
      seedOnStart: true,
      database: { engine: 'sqlite', filePath: '/srv/app/data/publication-dev.db' },
    })
  })

  it('reads every variable', () => {
    const settings = loadSettings(
      { NODE_ENV: 'production', PORT: '8080', SERVER_URL: 'https://news.example/', DATABASE_URI: 'mongodb://db/news', MEDIA_DIR: '/var/media', UPLOAD_MAX_BYTES: '1000', SEED_ON_START: 'false', LOG_LEVEL: 'warn' },
      '/srv/app',
    )
    expect(settings).toMatchObject({
      isProduction: true,
      port: 8080,
      serverUrl: 'https://news.example',
      database: { engine: 'mongodb', url: 'mongodb://db/news' },
      mediaDir: '/var/media',
      uploadMaxBytes: 1000,
      seedOnStart: false,
      logLevel: 'warn',
    })
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
