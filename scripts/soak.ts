/**
 * `npm run soak`: the production server on a throwaway database, 20 editors and 10 readers for
 * 60 s, then every acknowledged write read back. Exits 1 on any 5xx, dropped connection or lost write.
 * SOAK_SECONDS, SOAK_EDITORS and SOAK_READERS change the mix; every SOAK_CAMERA_EVERY-th upload
 * (10) is a 24-megapixel camera JPEG rather than a small PNG (0: none).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chooseDatabase, describeDatabase } from '../src/config/database'
import { formatSoakReport, runSoak, soakPassed } from '../src/ops/soak/runSoak'
import { GENEROUS_RATE_LIMITS, startServer, stopServer } from './lib/serverProcess'

const seconds = Number(process.env.SOAK_SECONDS ?? 60)
const editors = Number(process.env.SOAK_EDITORS ?? 20)
const readers = Number(process.env.SOAK_READERS ?? 10)
const cameraPhotoEvery = Number(process.env.SOAK_CAMERA_EVERY ?? 10)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publication-soak-'))
const database = chooseDatabase({ databaseUri: `file:${path.join(dir, 'soak.db')}`, cwd: process.cwd() })
console.log(`soak: starts its own production server on a throwaway database, ${describeDatabase(database)}`)
const server = await startServer({
  DATABASE_URI: database.url,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET_FILE: path.join(dir, 'secret'),
  LOG_LEVEL: 'warn',
  SHUTDOWN_DRAIN_SECONDS: '0',
  // Every editor, the admin and the readers come from this one address.
  ...GENEROUS_RATE_LIMITS,
})
let passed = false
try {
  console.log(`soak: ${editors} editors and ${readers} readers for ${seconds} s against ${server.baseUrl}${cameraPhotoEvery > 0 ? `, every ${cameraPhotoEvery}th upload a 24-megapixel camera JPEG` : ''}`)
  const report = await runSoak({ baseUrl: server.baseUrl, admin: { email: 'soak-admin@example.com', password: 'a long soak password' }, durationMs: seconds * 1000, editors, readers, cameraPhotoEvery })
  console.log(formatSoakReport(report))
  passed = soakPassed(report)
  if (!passed) console.log(`\nserver log:\n${server.output().slice(-5000)}`)
} finally {
  await stopServer(server.child)
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(passed ? 0 : 1)
