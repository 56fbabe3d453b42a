import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { loadSettings } from '../../src/config/settings'
import { dataLocations } from '../../src/ops/backup/locations'
import { describeFiles } from '../../src/ops/files'
import { prepareNewsroom, runNewsroom } from '../../src/ops/soak/runSoak'
import { startServer, stopServer, type RunningServer } from '../../scripts/lib/serverProcess'
import { makeThrowawayEnv, removeDir } from '../support/env'

const ADMIN = { email: 'transfer-admin@example.com', password: 'a long transfer password' }
const source = makeThrowawayEnv('transfer-source')
const target = makeThrowawayEnv('transfer-target')
const archive = path.join(source.dir, 'export.tar.gz')
const servers: RunningServer[] = []

/** Runs one of the npm scripts' entry points as `npm run` would, against the given data. */
function run(script: string, env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--conditions=production', '--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

async function login(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
  return ((await response.json()) as { token: string }).token
}

/**
 * Documents as the admin reads them, references populated one level, with what legitimately
 * differs between two databases taken out: ids, the server's address, login sessions.
 */
function normalise(text: string, baseUrl: string, without: string[] = []): unknown {
  const dropped = ['id', 'sessions', ...without]
  return JSON.parse(text.replaceAll(baseUrl, ''), (key, value: unknown) => (dropped.includes(key) ? undefined : value))
}

async function contentOf(baseUrl: string, token: string): Promise<Record<string, unknown>> {
  const content: Record<string, unknown> = {}
  const headers = { Authorization: `JWT ${token}` }
  for (const query of ['articles?draft=true&sort=slug', 'articles?draft=false&sort=slug', 'media?sort=filename', 'licenses?sort=spdxId', 'users?sort=email']) {
    const response = await fetch(`${baseUrl}/api/${query}&limit=1000&depth=1`, { headers })
    // Read as drafts, an article carries the date its newest version record was written, which is the import's.
    content[query] = normalise(await response.text(), baseUrl, query.includes('draft=true') ? ['updatedAt'] : [])
  }
  // A global never saved has no record (and no dates) until the import saves it.
  const { createdAt: _created, updatedAt: _updated, globalType: _type, ...settings } = normalise(await (await fetch(`${baseUrl}/api/globals/site-settings?depth=0`, { headers })).text(), baseUrl) as Record<string, unknown>
  content.siteSettings = settings
  return content
}

/** Checksums of the kept originals and of every served file (each size carries the credit the target wrote). */
async function filesOf(env: Record<string, string>) {
  const locations = dataLocations(loadSettings({ ...env, NODE_ENV: 'production' }))
  return [...(await describeFiles(locations.originalsDir, 'originals')), ...(await describeFiles(locations.mediaDir, 'media'))]
}

let sourceServer: RunningServer

beforeAll(async () => {
  sourceServer = await startServer({ ...source.env, SHUTDOWN_DRAIN_SECONDS: '0' })
  servers.push(sourceServer)
  const newsroom = await prepareNewsroom(sourceServer.baseUrl, ADMIN, 3)
  const started = performance.now()
  await runNewsroom(newsroom, 0, () => performance.now() < started + 3000)
  // A published article with a newer, unpublished draft: both states must move.
  const token = await login(sourceServer.baseUrl)
  const seeded = (await (await fetch(`${sourceServer.baseUrl}/api/articles?where[slug][equals]=xi-putin-beijing-no-limits-partnership&depth=0`)).json()) as { docs: Array<{ id: number | string }> }
  const draft = await fetch(`${sourceServer.baseUrl}/api/articles/${seeded.docs[0]!.id}?draft=true`, {
    method: 'PATCH',
    headers: { Authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ standfirst: 'A pending edit, not yet published.', _status: 'draft' }),
  })
  expect(draft.status).toBe(200)
}, 180_000)

afterAll(async () => {
  for (const server of servers) await stopServer(server.child)
  removeDir(source.dir)
  removeDir(target.dir)
})

describe('npm run export / npm run import', () => {
  it('moves every document, draft and file into a fresh database: same documents, same file hashes', async () => {
    const exported = run('export', source.env, archive, '--with-passwords')
    expect(exported).toMatchObject({ status: 0 })
    const imported = run('import', { ...target.env, SEED_ON_START: 'false' }, archive)
    expect(imported).toMatchObject({ status: 0 })

    const targetServer = await startServer(target.env)
    servers.push(targetServer)
    const before = await contentOf(sourceServer.baseUrl, await login(sourceServer.baseUrl))
    const after = await contentOf(targetServer.baseUrl, await login(targetServer.baseUrl))
    expect((before['articles?draft=true&sort=slug'] as { totalDocs: number }).totalDocs).toBeGreaterThan(3)
    expect(JSON.stringify(before)).toContain('A pending edit, not yet published.')
    expect(after).toEqual(before)
    expect(await filesOf(target.env)).toEqual(await filesOf(source.env))
  }, 240_000)

  it('refuses to import into a database that already has content', async () => {
    const again = run('import', target.env, archive)
    expect(again.status).toBe(1)
    expect(again.output).toContain('The target database already has content')
  }, 120_000)
})
