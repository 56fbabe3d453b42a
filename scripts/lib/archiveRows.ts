/**
 * Copies of rows Payload wrote, for building an archive in bulk: each copy starts as the
 * template row (every column, whatever the schema holds today) and overrides the columns that
 * make it a different document. The tables stay exactly as Payload lays them out, on SQLite and
 * PostgreSQL alike, because nothing here names a column the template does not have.
 */
import { sql, type SQL } from 'drizzle-orm'

import type { SqlRunner } from '../../src/domain/search/sqlRunner'

export type Row = Record<string, unknown>

/** Stays under SQLite's (32,766) and PostgreSQL's (65,535) limits on parameters per statement. */
const MAX_PARAMETERS = 30_000

const name = (identifier: string) => sql.raw(`"${identifier.replace(/"/g, '""')}"`)

/** A value as a statement parameter: JSON columns come back from PostgreSQL as objects. */
function parameter(value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object' && !Buffer.isBuffer(value)) return JSON.stringify(value)
  return value
}

/** The columns a row is written with: not PostgreSQL's generated ones (the search vector), which it computes. */
async function writableColumns(runner: SqlRunner, table: string): Promise<string[]> {
  if (runner.engine === 'postgres') {
    const rows = await runner.rows<{ column_name: string }>(sql`SELECT column_name FROM information_schema.columns WHERE table_name = ${table} AND table_schema = current_schema() AND is_generated = 'NEVER' ORDER BY ordinal_position`)
    return rows.map((row) => row.column_name)
  }
  const rows = await runner.rows<{ name: string; hidden: number }>(sql`SELECT name, hidden FROM pragma_table_xinfo(${table})`)
  return rows.filter((row) => Number(row.hidden) === 0).map((row) => row.name)
}

/** Rows of a table as templates: their writable columns, by id (the newest first if asked). */
export async function selectRows(runner: SqlRunner, table: string, where: SQL, { newestFirst = false, limit }: { newestFirst?: boolean; limit?: number } = {}): Promise<Row[]> {
  const columns = await writableColumns(runner, table)
  const order = newestFirst ? sql.raw('DESC') : sql.raw('ASC')
  const bound = limit === undefined ? sql`` : sql` LIMIT ${limit}`
  return runner.rows<Row>(sql`SELECT ${sql.join(columns.map(name), sql`, `)} FROM ${name(table)} WHERE ${where} ORDER BY ${name('id')} ${order}${bound}`)
}

/** The next free integer id of a table (its ids are given explicitly, so relations can point at them). */
export async function nextId(runner: SqlRunner, table: string): Promise<number> {
  const [row] = await runner.rows<{ max: number | string | null }>(sql`SELECT max(${name('id')}) AS max FROM ${name(table)}`)
  return Number(row?.max ?? 0) + 1
}

/** Inserts copies of `template`, each with its own overrides, in statements as large as allowed. */
export async function insertCopies(runner: SqlRunner, table: string, template: Row, overrides: Row[]): Promise<void> {
  if (overrides.length === 0) return
  const columns = Object.keys(template)
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length))
  for (let from = 0; from < overrides.length; from += perStatement) {
    const values = overrides.slice(from, from + perStatement).map((override) => {
      const unknown = Object.keys(override).filter((column) => !(column in template))
      if (unknown.length > 0) throw new Error(`${table} has no column ${unknown.join(', ')}`)
      return sql`(${sql.join(
        columns.map((column) => sql`${parameter(column in override ? override[column] : template[column])}`),
        sql`, `,
      )})`
    })
    await runner.run(sql`INSERT INTO ${name(table)} (${sql.join(columns.map(name), sql`, `)}) VALUES ${sql.join(values, sql`, `)}`)
  }
}

/** PostgreSQL hands out ids from a sequence: move it past the ids given explicitly. */
export async function syncIdSequence(runner: SqlRunner, table: string): Promise<void> {
  if (runner.engine !== 'postgres') return
  await runner.run(sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(${name('id')}) FROM ${name(table)}))`)
}
