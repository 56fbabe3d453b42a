import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { loadSettings } from '../../src/config/settings'
import { createBackup } from '../../src/ops/backup/createBackup'
import { dataLocations, type DataLocations } from '../../src/ops/backup/locations'
import { restoreBackup, RestoreRefused } from '../../src/ops/backup/restoreBackup'
import { describeFiles } from '../../src/ops/files'
import { integrityCheck, referencedMediaFiles } from '../../src/ops/sqlite'
import { prepareNewsroom, runNewsroom, type Newsroom } from '../../src/ops/soak/runSoak'
import { startServer, stopServer, type RunningServer } from '../../scripts/lib/serverProcess'
import { makeThrowawayEnv, removeDir } from '../support/env'

const ADMIN = { email: 'backup-admin@example.com', password: 'a long backup password' }
const source = makeThrowawayEnv('backup-source')
const servers: RunningServer[] = []
const cleanup: string[] = [source.dir]
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const locationsOf = (env: Record<string, string>): DataLocations => dataLocations(loadSettings({ ...env, NODE_ENV: 'production' }))

function freshTarget(label: string) {
  const target = makeThrowawayEnv(label)
  cleanup.push(target.dir)
  return { ...target, locations: locationsOf(target.env) }
}

/** Every document of every collection as the admin sees it, without the server's own address and without login sessions (this very login adds one). */
async function allDocuments(baseUrl: string): Promise<Record<string, unknown>> {
  const login = await fetch(`${baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
  const { token } = (await login.json()) as { token: string }
  const documents: Record<string, unknown> = {}
  for (const query of ['articles?draft=true', 'media?', 'licenses?', 'users?']) {
    const response = await fetch(`${baseUrl}/api/${query}&limit=1000&depth=0&sort=id`, { headers: { Authorization: `JWT ${token}` } })
    documents[query] = JSON.parse((await response.text()).replaceAll(baseUrl, ''), (key, value: unknown) => (key === 'sessions' ? undefined : value))
  }
  const settings = await fetch(`${baseUrl}/api/globals/site-settings?depth=0`, { headers: { Authorization: `JWT ${token}` } })
  documents.siteSettings = await settings.json()
  return documents
}

const filesOf = async (locations: DataLocations) => [...(await describeFiles(locations.mediaDir, 'media')), ...(await describeFiles(locations.originalsDir, 'originals'))]

let server: RunningServer
let newsroom: Newsroom

beforeAll(async () => {
  server = await startServer(source.env)
  servers.push(server)
  newsroom = await prepareNewsroom(server.baseUrl, ADMIN, 4)
}, 120_000)

afterAll(async () => {
  for (const running of servers) await stopServer(running.child)
  for (const dir of cleanup) removeDir(dir)
})

describe('npm run backup / npm run restore', () => {
  it('backs up while editors write: the restored database is sound and holds every image file it names', async () => {
    let writing = true
    const load = runNewsroom(newsroom, 2, () => writing)
    await sleep(2500)
    const archive = path.join(source.dir, 'under-load.tar.gz')
    const manifest = await createBackup(locationsOf(source.env), archive)
    await sleep(500)
    writing = false
    await load
    expect(newsroom.ledger.counts().acknowledgedWrites).toBeGreaterThan(3)

    const target = freshTarget('backup-under-load')
    await restoreBackup(archive, target.locations)
    expect(await integrityCheck(target.locations.databaseFile)).toEqual(['ok'])
    const referenced = await referencedMediaFiles(target.locations.databaseFile)
    expect(referenced.length).toBeGreaterThanOrEqual(6)
    const restored = new Set(fs.readdirSync(target.locations.mediaDir))
    expect(referenced.filter((filename) => !restored.has(filename))).toEqual([])
    expect(manifest.files.map((file) => file.path)).toContain('database.sqlite')
  }, 120_000)

  it('round trip: the restored site serves the same documents, and every file has the same hash', async () => {
    const archive = path.join(source.dir, 'quiet.tar.gz')
    await createBackup(locationsOf(source.env), archive)
    const target = freshTarget('backup-restored')
    await restoreBackup(archive, target.locations)

    const restored = await startServer(target.env)
    servers.push(restored)
    const [before, after] = [await allDocuments(server.baseUrl), await allDocuments(restored.baseUrl)]
    expect((before['media?'] as { totalDocs: number }).totalDocs).toBeGreaterThan(1)
    expect(after).toEqual(before)
    expect(await filesOf(target.locations)).toEqual(await filesOf(locationsOf(source.env)))
  }, 120_000)

  it('refuses to restore over existing data unless forced, and refuses a damaged archive without touching anything', async () => {
    const archive = path.join(source.dir, 'refusals.tar.gz')
    await createBackup(locationsOf(source.env), archive)
    const target = freshTarget('backup-refusals')
    await restoreBackup(archive, target.locations)
    await expect(restoreBackup(archive, target.locations)).rejects.toThrow(/Refusing to restore over existing data .*--force/)
    fs.writeFileSync(`${target.locations.databaseFile}-wal`, 'stale')
    await restoreBackup(archive, target.locations, { force: true })
    expect(fs.existsSync(`${target.locations.databaseFile}-wal`)).toBe(false)

    const damaged = path.join(source.dir, 'damaged.tar.gz')
    const bytes = fs.readFileSync(archive)
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff
    fs.writeFileSync(damaged, bytes)
    const empty = freshTarget('backup-damaged')
    await expect(restoreBackup(damaged, empty.locations)).rejects.toThrow()
    expect(fs.existsSync(empty.locations.databaseFile)).toBe(false)
    await expect(restoreBackup(path.join(source.dir, 'none.tar.gz'), empty.locations)).rejects.toThrow()
    expect(RestoreRefused).toBeDefined()
  }, 120_000)
})
