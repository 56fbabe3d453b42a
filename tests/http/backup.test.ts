import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'

import { createBackup } from '../../src/ops/backup/createBackup'
import { restoreBackup } from '../../src/ops/backup/restoreBackup'
import { integrityCheck, referencedMediaFiles } from '../../src/ops/sqlite'
import { prepareNewsroom, runNewsroom, type Newsroom } from '../../src/ops/soak/runSoak'
import type { RunningServer } from '../../scripts/lib/serverProcess'
import { contentAsAdmin, locationsOf, siteFiles, useOwnServers } from '../support/ownServers'

const ADMIN = { email: 'backup-admin@example.com', password: 'a long backup password' }
const own = useOwnServers()
const source = own.throwaway('backup-source')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A backup of the source site, and a fresh data folder to restore it into. */
async function backUp(name: string) {
  const archive = path.join(source.dir, `${name}.tar.gz`)
  const manifest = await createBackup(locationsOf(source.env), archive)
  const target = own.throwaway(`backup-${name}`)
  return { archive, manifest, target: { ...target, locations: locationsOf(target.env) } }
}

let server: RunningServer
let newsroom: Newsroom

/** Waits until the server's job runner has written the files of every uploaded image. */
async function untilNoImagePending(baseUrl: string): Promise<void> {
  const login = await fetch(`${baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
  const headers = { Authorization: `JWT ${((await login.json()) as { token: string }).token}` }
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(250)) {
    const pending = (await (await fetch(`${baseUrl}/api/media?where[fileVersion][exists]=false&limit=0&depth=0`, { headers })).json()) as { totalDocs: number }
    if (pending.totalDocs === 0) return
  }
  throw new Error('uploaded images still waiting for their files after a minute')
}

beforeAll(async () => {
  server = await own.start(source.env)
  newsroom = await prepareNewsroom(server.baseUrl, ADMIN, 4)
}, 120_000)

describe('npm run backup / npm run restore', () => {
  it('backs up while editors write: the restored database is sound and holds every image file it names', async () => {
    let writing = true
    const load = runNewsroom(newsroom, 2, () => writing)
    await sleep(2500)
    const { archive, manifest, target } = await backUp('under-load')
    await sleep(500)
    writing = false
    await load
    expect(newsroom.ledger.counts().acknowledgedWrites).toBeGreaterThan(3)

    await restoreBackup(archive, target.locations)
    expect(await integrityCheck(target.locations.databaseFile)).toEqual(['ok'])
    const referenced = await referencedMediaFiles(target.locations.databaseFile)
    expect(referenced.length).toBeGreaterThanOrEqual(6)
    const restored = new Set(fs.readdirSync(target.locations.mediaDir))
    expect(referenced.filter((filename) => !restored.has(filename))).toEqual([])
    expect(manifest.files.map((file) => file.path)).toContain('database.sqlite')
  }, 120_000)

  it('round trip: the restored site serves the same documents, and every file has the same hash', async () => {
    // Quiet: the uploads' jobs have written their images' files too.
    await untilNoImagePending(server.baseUrl)
    const { archive, target } = await backUp('quiet')
    await restoreBackup(archive, target.locations)

    const restored = await own.start(target.env)
    const before = await contentAsAdmin(server.baseUrl, ADMIN)
    expect((before['media?sort=filename'] as { totalDocs: number }).totalDocs).toBeGreaterThan(1)
    expect(await contentAsAdmin(restored.baseUrl, ADMIN)).toEqual(before)
    expect(await siteFiles(target.locations)).toEqual(await siteFiles(locationsOf(source.env)))
  }, 120_000)

  it('refuses to restore over existing data unless forced, and refuses a damaged archive without touching anything', async () => {
    const { archive, target } = await backUp('refusals')
    await restoreBackup(archive, target.locations)
    await expect(restoreBackup(archive, target.locations)).rejects.toThrow(/Refusing to restore over existing data .*--force/)
    fs.writeFileSync(`${target.locations.databaseFile}-wal`, 'stale')
    await restoreBackup(archive, target.locations, { force: true })
    expect(fs.existsSync(`${target.locations.databaseFile}-wal`)).toBe(false)
    expect(await integrityCheck(target.locations.databaseFile)).toEqual(['ok'])

    const damaged = path.join(source.dir, 'damaged.tar.gz')
    const bytes = fs.readFileSync(archive)
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff
    fs.writeFileSync(damaged, bytes)
    const empty = locationsOf(own.throwaway('backup-damaged').env)
    await expect(restoreBackup(damaged, empty)).rejects.toThrow()
    expect(fs.existsSync(empty.databaseFile)).toBe(false)
    expect(fs.existsSync(empty.mediaDir)).toBe(false)
  }, 120_000)
})
