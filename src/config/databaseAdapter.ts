import fs from 'node:fs'
import path from 'node:path'

import type { DatabaseAdapterObj } from 'payload'

import type { migrations as sqliteMigrations } from '../migrations'
import type { migrations as postgresMigrations } from '../migrations-postgres'
import type { DatabaseChoice } from './database'

/** SQLite waits this long for a lock held by another connection before failing a write. */
const SQLITE_BUSY_TIMEOUT_MS = 5000

/** Each engine with migrations keeps its own folder: their SQL and snapshots differ. */
const MIGRATION_DIRS = { sqlite: 'src/migrations', postgres: 'src/migrations-postgres' } as const

/**
 * `schema: 'migrations'` outside production (tests): no push, and the committed migrations are
 * applied on connect as production applies them. `'push'`: Payload's development default.
 *
 * Only the chosen engine's adapter and migrations are loaded: MongoDB's driver alone is about
 * 10 MB of a server's heap, which a SQLite or PostgreSQL server never uses.
 */
export async function createDatabaseAdapter(choice: DatabaseChoice, { schema = 'push' }: { schema?: 'migrations' | 'push' } = {}): Promise<DatabaseAdapterObj> {
  const push = schema === 'push'
  switch (choice.engine) {
    case 'mongodb': {
      const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
      return mongooseAdapter({ url: choice.url })
    }
    case 'postgres': {
      const { postgresAdapter } = await import('@payloadcms/db-postgres')
      const { migrations } = await import('../migrations-postgres')
      return withMigrationsOnConnect(
        withPoolErrorLogging(
          postgresAdapter({
            pool: { connectionString: choice.url },
            migrationDir: path.resolve(process.cwd(), MIGRATION_DIRS.postgres),
            // As with SQLite: production never pushes the schema, the committed migrations build it.
            prodMigrations: migrations,
            push,
          }),
        ),
        push ? null : migrations,
      )
    }
    case 'sqlite': {
      const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
      const { migrations } = await import('../migrations')
      // libSQL creates the file but not its folder.
      fs.mkdirSync(path.dirname(choice.filePath), { recursive: true })
      return withMigrationsOnConnect(
        sqliteAdapter({
          client: { url: choice.url },
          wal: true,
          busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
          migrationDir: path.resolve(process.cwd(), MIGRATION_DIRS.sqlite),
          prodMigrations: migrations,
          push,
        }),
        push ? null : migrations,
      )
    }
  }
}

type Migrations = typeof sqliteMigrations | typeof postgresMigrations
type Migrator = { migrate: (args: { migrations: Migrations }) => Promise<void> }

/** Wraps the adapter's connect, keeping its `this`, to run `after` once it has connected. */
function afterConnect(adapter: DatabaseAdapterObj, after: (instance: ReturnType<DatabaseAdapterObj['init']>) => Promise<void>): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const instance = adapter.init(args)
      const connect = instance.connect
      if (connect) {
        instance.connect = async (...connectArgs: Parameters<typeof connect>) => {
          await connect.apply(instance, connectArgs)
          await after(instance)
        }
      }
      return instance
    },
  }
}

/** Production applies `prodMigrations` itself on connect; elsewhere they are applied here. */
function withMigrationsOnConnect(adapter: DatabaseAdapterObj, migrations: Migrations | null): DatabaseAdapterObj {
  if (!migrations || process.env.NODE_ENV === 'production') return adapter
  return afterConnect(adapter, (instance) => (instance as unknown as Migrator).migrate({ migrations }))
}

type PoolHolder = { pool?: { on: (event: 'error', listener: (error: Error) => void) => void }; payload: { logger: { error: (obj: object, msg: string) => void } } }

/**
 * node-postgres emits 'error' on the pool when the server drops an idle connection (a restart,
 * a failover, an administrator); with no listener that crashes the process. Payload's adapter
 * adds none, so one is added after it connects: logged, and the pool opens a new connection on
 * the next query.
 */
function withPoolErrorLogging(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return afterConnect(adapter, async (instance) => {
    const holder = instance as unknown as PoolHolder
    holder.pool?.on('error', (error) => holder.payload.logger.error({ err: error }, 'PostgreSQL dropped an idle connection; the next query opens a new one'))
  })
}
