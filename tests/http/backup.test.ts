import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'

import { describeDatabase } from '../../src/config/database'
import { loadSettings } from '../../src/config/settings'
import { integrityCheck, referencedMediaFiles } from '../../src/ops/sqlite'
import { prepareNewsroom, runNewsroom, type Newsroom } from '../../src/ops/soak/runSoak'
import type { RunningServer } from '../../scripts/lib/serverProcess'
import { runNpmScript } from '../support/npmScript'
import { contentAsAdmin, locationsOf, siteFiles, useOwnServers } from '../support/ownServers'

const ADMIN = { email: 'backup-admin@example.com', password: 'a long backup password' }
const own = useOwnServers()
const source = own.throwaway('backup-source')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const databaseOf = (env: Record<string, string>) => describeDatabase(loadSettings(env).database)

/** `npm run backup` of the source site, and a fresh data folder to restore it into. */
async function backUp(name: string) {
  const archive = path.join(source.dir, `${name}.tar.gz`)
  const run = await runNpmScript('backup', source.env, [archive])
  expect(run).toMatchObject({ status: 0, stdout: expect.stringContaining(`backup: reads ${databaseOf(source.env)}`) })
  expect(run.stderr).not.toContain('WARNING')
  const target = own.throwaway(`backup-${name}`)
  return { archive, target: { ...target, locations: locationsOf(target.env) } }
}

/** `npm run restore` into a target's data folder; its exit status and what it printed. */
async function restore(archive: string, env: Record<string, string>, ...flags: string[]) {
  const run = await runNpmScript('restore', env, [archive, ...flags])
  expect(run.stdout).toContain(`restore: writes ${databaseOf(env)}`)
  return run
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
    const writesBefore = newsroom.ledger.counts().acknowledgedWrites
    const { archive, target } = await backUp('under-load')
    // The editors kept writing while the backup ran in its own process.
    expect(newsroom.ledger.counts().acknowledgedWrites).toBeGreaterThan(writesBefore)
    await sleep(500)
    writing = false
    await load
    expect(newsroom.ledger.counts().acknowledgedWrites).toBeGreaterThan(3)

    expect(await restore(archive, target.env)).toMatchObject({ status: 0 })
    expect(await integrityCheck(target.locations.databaseFile)).toEqual(['ok'])
    const referenced = await referencedMediaFiles(target.locations.databaseFile)
    expect(referenced.length).toBeGreaterThanOrEqual(6)
    const restored = new Set(fs.readdirSync(target.locations.mediaDir))
    expect(referenced.filter((filename) => !restored.has(filename))).toEqual([])
  }, 120_000)

  it('round trip: the restored site serves the same documents, and every file has the same hash', async () => {
    // Quiet: the uploads' jobs have written their images' files too.
    await untilNoImagePending(server.baseUrl)
    const { archive, target } = await backUp('quiet')
    expect(await restore(archive, target.env)).toMatchObject({ status: 0 })

    const restored = await own.start(target.env)
    const before = await contentAsAdmin(server.baseUrl, ADMIN)
    expect((before['media?sort=filename'] as { totalDocs: number }).totalDocs).toBeGreaterThan(1)
    expect(await contentAsAdmin(restored.baseUrl, ADMIN)).toEqual(before)
    expect(await siteFiles(target.locations)).toEqual(await siteFiles(locationsOf(source.env)))
  }, 120_000)

  it('refuses to restore over existing data unless forced, and refuses a damaged archive without touching anything', async () => {
    const { archive, target } = await backUp('refusals')
    expect(await restore(archive, target.env)).toMatchObject({ status: 0 })
    expect(await restore(archive, target.env)).toMatchObject({ status: 1, stderr: expect.stringMatching(/Refusing to restore over existing data .*--force/) })
    fs.writeFileSync(`${target.locations.databaseFile}-wal`, 'stale')
    expect(await restore(archive, target.env, '--force')).toMatchObject({ status: 0 })
    expect(fs.existsSync(`${target.locations.databaseFile}-wal`)).toBe(false)
    expect(await integrityCheck(target.locations.databaseFile)).toEqual(['ok'])

    const damaged = path.join(source.dir, 'damaged.tar.gz')
    const bytes = fs.readFileSync(archive)
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff
    fs.writeFileSync(damaged, bytes)
    const emptyEnv = own.throwaway('backup-damaged').env
    const empty = locationsOf(emptyEnv)
    expect((await restore(damaged, emptyEnv)).status).toBe(1)
    expect(fs.existsSync(empty.databaseFile)).toBe(false)
    expect(fs.existsSync(empty.mediaDir)).toBe(false)
  }, 120_000)

  it('warns, naming the database, when the one it reads holds no content', async () => {
    const { dir, env } = own.throwaway('backup-empty')
    // An empty file is an empty SQLite database: what a wrong NODE_ENV or DATABASE_URI finds.
    fs.writeFileSync(path.join(dir, 'test.db'), '')
    const run = await runNpmScript('backup', env, [path.join(dir, 'empty.tar.gz')])
    expect(run.status).toBe(0)
    expect(run.stderr).toContain(`WARNING: ${databaseOf(env)} holds no articles and no images`)
  }, 120_000)

  it('defaults to the production database when NODE_ENV is unset', async () => {
    const { dir, env } = own.throwaway('backup-default')
    // An archive under a file, where nothing can be written: only the choice of database is looked at, nothing is copied.
    fs.writeFileSync(path.join(dir, 'a-file'), '')
    const run = await runNpmScript('backup', { ...env, DATABASE_URI: '' }, [path.join(dir, 'a-file', 'backup.tar.gz')])
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(`backup: reads SQLite ${path.resolve('data/publication.db')} (the embedded database for NODE_ENV=production`)
  }, 120_000)
})
