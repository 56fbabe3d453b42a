import { describe, expect, it } from '@jest/globals'

import { createDatabaseAdapter } from '../../../src/config/databaseAdapter'

describe('createDatabaseAdapter', () => {
  it('gives PostgreSQL its own migrations, applied on production start', () => {
    const adapter = createDatabaseAdapter({ engine: 'postgres', url: 'postgres://localhost/news' })
    expect(adapter.name).toBe('postgres')
    const instance = adapter.init({ payload: { config: { db: {} } } as never }) as unknown as { migrationDir: string; prodMigrations: Array<{ name: string }> }
    expect(instance.migrationDir).toMatch(/src\/migrations-postgres$/)
    expect(instance.prodMigrations.map((migration) => migration.name)).toEqual([expect.stringMatching(/_initial$/), expect.stringMatching(/_search_index$/)])
  })

  it('keeps MongoDB and SQLite on their own adapters', () => {
    expect(createDatabaseAdapter({ engine: 'mongodb', url: 'mongodb://localhost/news' }).name).toBe('mongoose')
    expect(createDatabaseAdapter({ engine: 'sqlite', url: 'file:/tmp/publication-unit/x.db', filePath: '/tmp/publication-unit/x.db' }).name).toBe('sqlite')
  })
})
