import { describe, expect, it } from '@jest/globals'

import { loadSettings } from '../../../src/config/settings'
import { databaseNotice, databaseSource, emptySourceWarning } from '../../../src/ops/databaseNotice'

const sourceFor = (env: Record<string, string>) => databaseSource(loadSettings(env, '/srv/app'), env)

describe('what an operations command says about its database', () => {
  it('names the database and how it was chosen', () => {
    expect(databaseNotice('export', 'reads', sourceFor({ NODE_ENV: 'production' }))).toBe(
      'export: reads SQLite /srv/app/data/publication.db (the embedded database for NODE_ENV=production; DATABASE_URI chooses another)',
    )
    expect(databaseNotice('import', 'writes', sourceFor({ DATABASE_URI: 'postgres://u:pw@db/news' }))).toBe('import: writes PostgreSQL postgres://db/news (from DATABASE_URI)')
  })

  it('warns when the source holds no articles and no images, saying which NODE_ENV chose it', () => {
    const development = sourceFor({})
    expect(emptySourceWarning('export', { articles: 0, media: 0 }, development)).toBe(
      "WARNING: SQLite /srv/app/data/publication-dev.db holds no articles and no images; this export has nothing of the site's content. NODE_ENV=development chose this file: the site's own database is the one for the NODE_ENV it runs with (npm start: production), or set DATABASE_URI.",
    )
    expect(emptySourceWarning('backup', { articles: 0, media: 0 }, sourceFor({ DATABASE_URI: 'file:/x.db' }))).toMatch(/^WARNING: SQLite \/x\.db holds no articles .* Check DATABASE_URI\.$/)
    expect(emptySourceWarning('export', { articles: 1, media: 0 }, development)).toBeNull()
    expect(emptySourceWarning('export', { articles: 0, media: 3 }, development)).toBeNull()
  })
})
