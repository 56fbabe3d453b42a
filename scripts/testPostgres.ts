/**
 * `npm run test:postgres`: the int and http suites against PostgreSQL. Starts a throwaway
 * cluster in a temporary folder, runs Jest with TEST_POSTGRES_URL (each test file and the test
 * server get their own database), then removes the cluster. Extra arguments go to Jest.
 */
import { spawn } from 'node:child_process'

import { startThrowawayPostgres } from './lib/postgres'

/**
 * Tests of the embedded database's own files (SQLite's integrity check after kill -9, the online
 * backup of the database file, SQLite-to-SQLite moves): they run in `npm test`. PostgreSQL
 * deployments use pg_dump, and export/import is adapter-neutral code covered there.
 */
const SQLITE_ONLY = ['tests/int/searchRankingThread.test.ts', 'tests/http/crash.test.ts', 'tests/http/backup.test.ts', 'tests/http/transfer.test.ts']

const postgres = await startThrowawayPostgres()
let exitCode = 1
try {
  console.log(`PostgreSQL for the tests: ${postgres.url}`)
  const args = process.argv.slice(2)
  const projects = args.some((arg) => arg.startsWith('--selectProjects')) ? [] : ['--selectProjects', 'int', 'http']
  // The caller's arguments first: Jest's list options (the ignore patterns) take every value after them, test paths too.
  const jest = spawn(process.execPath, ['node_modules/jest/bin/jest.js', ...args, ...projects, ...SQLITE_ONLY.flatMap((file) => ['--testPathIgnorePatterns', file])], {
    stdio: 'inherit',
    env: { ...process.env, TEST_POSTGRES_URL: postgres.url, NODE_OPTIONS: '--experimental-vm-modules --no-warnings' },
  })
  const stop = () => jest.kill('SIGINT')
  process.once('SIGINT', stop)
  exitCode = await new Promise<number>((resolve) => jest.once('exit', (code) => resolve(code ?? 1)))
} finally {
  await postgres.stop()
}
process.exit(exitCode)
