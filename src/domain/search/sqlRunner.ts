import { sql, type SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

/** Raw SQL on the engine Payload uses: the search index lives outside Payload's own tables. */
export type SqlRunner = {
  engine: 'sqlite' | 'postgres'
  rows: <Row>(query: SQL) => Promise<Row[]>
  run: (query: SQL) => Promise<void>
  /**
   * Runs `work` where the planner uses the full-text indexes rather than a sequential scan. A
   * common word matches a fifth of the articles, and PostgreSQL then estimates reading the table
   * cheaper, not counting that each row's tsvector must be detoasted and matched: a second
   * instead of a few milliseconds. (SQLite's FTS5 queries always read the index.)
   */
  withIndexScans: <Result>(work: (runner: SqlRunner) => Promise<Result>) => Promise<Result>
}

type SqliteDrizzle = { all: <Row>(query: SQL) => Promise<Row[]>; run: (query: SQL) => Promise<unknown> }
type PostgresDrizzle = {
  execute: (query: SQL) => Promise<{ rows: unknown[] }>
  transaction: <Result>(work: (tx: PostgresDrizzle) => Promise<Result>) => Promise<Result>
}

export function sqliteRunner(db: SqliteDrizzle): SqlRunner {
  const runner: SqlRunner = {
    engine: 'sqlite',
    rows: <Row>(query: SQL) => db.all<Row>(query),
    run: async (query) => {
      await db.run(query)
    },
    withIndexScans: (work) => work(runner),
  }
  return runner
}

export function postgresRunner(db: PostgresDrizzle): SqlRunner {
  return {
    engine: 'postgres',
    rows: async <Row>(query: SQL) => (await db.execute(query)).rows as Row[],
    run: async (query) => {
      await db.execute(query)
    },
    withIndexScans: (work) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`)
        return work(postgresRunner(tx))
      }),
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
