import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from '../migrations'
import type { DatabaseChoice } from './database'

/** SQLite waits this long for a lock held by another connection before failing a write. */
const SQLITE_BUSY_TIMEOUT_MS = 5000

export function createDatabaseAdapter(choice: DatabaseChoice): DatabaseAdapterObj {
  if (choice.engine === 'mongodb') {
    return mongooseAdapter({ url: choice.url })
  }
  // libSQL creates the file but not its folder.
  fs.mkdirSync(path.dirname(choice.filePath), { recursive: true })
  return sqliteAdapter({
    client: { url: choice.url },
    wal: true,
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
    migrationDir: path.resolve(process.cwd(), 'src/migrations'),
    // Production never pushes the schema; the committed migrations build it on a fresh file.
    prodMigrations: migrations,
  })
}
