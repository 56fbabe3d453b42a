import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A fresh folder for one test file's (or one server's) uploads, and a fresh database: a SQLite
 * file in it, or, under `npm run test:postgres` (TEST_POSTGRES_URL), a new PostgreSQL database
 * that Payload creates on connect.
 */
export function makeThrowawayEnv(label: string): { dir: string; env: Record<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `publication-${label}-`))
  const postgres = process.env.TEST_POSTGRES_URL
  return {
    dir,
    env: {
      DATABASE_URI: postgres ? `${postgres}/${label}_${randomBytes(6).toString('hex')}` : `file:${path.join(dir, 'test.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      PAYLOAD_SECRET_FILE: path.join(dir, 'payload-secret'),
      // Its own development signing chain (Content Credentials), trusted by this run alone.
      C2PA_DEV_DIR: path.join(dir, 'c2pa'),
      LOG_LEVEL: 'warn',
      // A throwaway server has no load balancer to wait for.
      SHUTDOWN_DRAIN_SECONDS: '0',
    },
  }
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true })
}

/** The engine the throwaway databases use in this run. */
export function testDatabaseEngine(): 'postgres' | 'sqlite' {
  return process.env.TEST_POSTGRES_URL ? 'postgres' : 'sqlite'
}
