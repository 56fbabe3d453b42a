import { describe, expect, it } from '@jest/globals'

import { createDatabaseAdapter } from '../../../src/config/databaseAdapter'
import { migrations as postgresMigrations } from '../../../src/migrations-postgres'

describe('createDatabaseAdapter', () => {
  it('gives PostgreSQL its own migrations, applied on production start', async () => {
    const adapter = await createDatabaseAdapter({ engine: 'postgres', url: 'postgres://localhost/news' })
    expect(adapter.name).toBe('postgres')
    const instance = adapter.init({ payload: { config: { db: {} } } as never }) as unknown as { migrationDir: string; prodMigrations: Array<{ name: string }> }
    expect(instance.migrationDir).toMatch(/src\/migrations-postgres$/)
    // Its own folder's migrations, in order, starting with its own initial schema (not SQLite's).
    expect(instance.prodMigrations.map((migration) => migration.name)).toEqual(postgresMigrations.map((migration) => migration.name))
    expect(instance.prodMigrations[0]!.name).toMatch(/_initial$/)
  })

  it('keeps MongoDB and SQLite on their own adapters', async () => {
    expect((await createDatabaseAdapter({ engine: 'mongodb', url: 'mongodb://localhost/news' })).name).toBe('mongoose')
    expect((await createDatabaseAdapter({ engine: 'sqlite', url: 'file:/tmp/publication-unit/x.db', filePath: '/tmp/publication-unit/x.db' })).name).toBe('sqlite')
  })
})
