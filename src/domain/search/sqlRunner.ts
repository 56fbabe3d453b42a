import { sql, type SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

/** Raw SQL on the engine Payload uses: the search index lives outside Payload's own tables. */
export type SqlRunner = {
  engine: 'sqlite' | 'postgres'
  rows: <Row>(query: SQL) => Promise<Row[]>
  run: (query: SQL) => Promise<void>
}

type SqliteDrizzle = { all: <Row>(query: SQL) => Promise<Row[]>; run: (query: SQL) => Promise<unknown> }
type PostgresDrizzle = { execute: (query: SQL) => Promise<{ rows: unknown[] }> }

export function sqliteRunner(db: SqliteDrizzle): SqlRunner {
  return {
    engine: 'sqlite',
    rows: <Row>(query: SQL) => db.all<Row>(query),
    run: async (query) => {
      await db.run(query)
    },
  }
}

export function postgresRunner(db: PostgresDrizzle): SqlRunner {
  return {
    engine: 'postgres',
    rows: async <Row>(query: SQL) => (await db.execute(query)).rows as Row[],
    run: async (query) => {
      await db.execute(query)
    },
  }
}

/**
 * Runs `work` in one SQLite transaction (many writes, one commit). PostgreSQL statements commit
 * one by one here, or with the migration that calls this.
 */
export async function inSqliteTransaction(runner: SqlRunner, work: () => Promise<void>): Promise<void> {
  if (runner.engine !== 'sqlite') return work()
  await runner.run(sql`BEGIN IMMEDIATE`)
  try {
    await work()
    await runner.run(sql`COMMIT`)
  } catch (error) {
    await runner.run(sql`ROLLBACK`)
    throw error
  }
}

export type SearchEngine = 'sqlite' | 'postgres' | 'mongodb'

/** Which engine's full-text search serves this Payload instance (by its adapter's name). */
export function searchEngineOf(payload: Payload): SearchEngine {
  const name = payload.db.name
  if (name === 'sqlite' || name === 'postgres') return name
  if (name === 'mongoose') return 'mongodb'
  throw new Error(`Search has no index for the "${name}" database adapter`)
}

/** A runner on the adapter's own connection (outside any request transaction); null on MongoDB. */
export function sqlRunnerOf(payload: Payload): SqlRunner | null {
  const engine = searchEngineOf(payload)
  const { drizzle } = payload.db as unknown as { drizzle: SqliteDrizzle & PostgresDrizzle }
  if (engine === 'sqlite') return sqliteRunner(drizzle)
  if (engine === 'postgres') return postgresRunner(drizzle)
  return null
}
