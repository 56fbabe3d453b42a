/**
 * The embedded database file, opened directly with libSQL (the client @payloadcms/db-sqlite uses),
 * for the checks and copies that need no Payload: integrity and online snapshots.
 */
import fs from 'node:fs'

import { createClient, type Client } from '@libsql/client'

async function withDatabase<T>(filePath: string, work: (client: Client) => Promise<T>): Promise<T> {
  if (!fs.existsSync(filePath)) throw new Error(`No SQLite database at ${filePath}`)
  const client = createClient({ url: `file:${filePath}` })
  try {
    // The server may be writing: wait for its locks rather than failing at once.
    await client.execute('PRAGMA busy_timeout = 10000')
    return await work(client)
  } finally {
    client.close()
  }
}

/** SQLite's own check of every page and index: ['ok'] when the file is sound. */
export function integrityCheck(filePath: string): Promise<string[]> {
  return withDatabase(filePath, async (client) => (await client.execute('PRAGMA integrity_check')).rows.map((row) => String(row[0])))
}

/**
 * A consistent copy of a live database: `VACUUM INTO` reads one snapshot (WAL included) while
 * other connections go on writing, and writes a compact, self-contained file (no -wal beside it).
 */
export async function snapshotDatabase(filePath: string, targetPath: string): Promise<void> {
  if (fs.existsSync(targetPath)) throw new Error(`Will not overwrite ${targetPath}`)
  await withDatabase(filePath, (client) => client.execute({ sql: 'VACUUM INTO ?', args: [targetPath] }))
}

/** Rows in each of these tables; 0 for a table the file does not have (a database never migrated). */
export function countRows<Table extends string>(filePath: string, tables: readonly Table[]): Promise<Record<Table, number>> {
  return withDatabase(filePath, async (client) => {
    const present = new Set((await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((row) => String(row.name)))
    const counts = {} as Record<Table, number>
    for (const table of tables) counts[table] = present.has(table) ? Number((await client.execute(`SELECT count(*) AS n FROM "${table}"`)).rows[0]?.n ?? 0) : 0
    return counts
  })
}

/**
 * Every file name the media table references (the original and each size), so a backup can
 * check that its copy of the media holds them all. Payload names the columns `filename` and
 * `sizes_<size>_filename`.
 */
export function referencedMediaFiles(filePath: string): Promise<string[]> {
  return withDatabase(filePath, async (client) => {
    const all = (await client.execute('PRAGMA table_info(media)')).rows.map((row) => String(row.name))
    const columns = all.filter((name) => name === 'filename' || /^sizes_.+_filename$/.test(name))
    if (columns.length === 0) return []
    // A new upload's original is served once its job has written it with the credit (and set the file version).
    const pending = all.includes('file_version') ? ', "file_version" IS NULL AS "pending"' : ''
    const rows = (await client.execute(`SELECT ${columns.map((column) => `"${column}"`).join(', ')}${pending} FROM media`)).rows
    return rows.flatMap((row) =>
      columns.filter((column) => !(column === 'filename' && Number(row.pending) === 1)).map((column) => row[column]).filter((value): value is string => typeof value === 'string' && value !== ''),
    )
  })
}
