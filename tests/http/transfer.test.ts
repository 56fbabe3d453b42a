import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'

import { prepareNewsroom, runNewsroom } from '../../src/ops/soak/runSoak'
import type { RunningServer } from '../../scripts/lib/serverProcess'
import { contentAsAdmin, locationsOf, siteFiles, useOwnServers } from '../support/ownServers'

const ADMIN = { email: 'transfer-admin@example.com', password: 'a long transfer password' }
const own = useOwnServers()
const source = own.throwaway('transfer-source')
const target = own.throwaway('transfer-target')
const archive = path.join(source.dir, 'export.tar.gz')

/** Runs one of the npm scripts' entry points as `npm run` would, against the given data. */
function run(script: string, env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--conditions=production', '--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

let sourceServer: RunningServer

beforeAll(async () => {
  sourceServer = await own.start(source.env)
  const newsroom = await prepareNewsroom(sourceServer.baseUrl, ADMIN, 3)
  const started = performance.now()
  await runNewsroom(newsroom, 0, () => performance.now() < started + 3000)
  // A published article with a newer, unpublished draft: both states must move.
  const login = await fetch(`${sourceServer.baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
  const { token } = (await login.json()) as { token: string }
  const seeded = (await (await fetch(`${sourceServer.baseUrl}/api/articles?where[slug][equals]=xi-putin-beijing-no-limits-partnership&depth=0`)).json()) as { docs: Array<{ id: number | string }> }
  const draft = await fetch(`${sourceServer.baseUrl}/api/articles/${seeded.docs[0]!.id}?draft=true`, {
    method: 'PATCH',
    headers: { Authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ standfirst: 'A pending edit, not yet published.', _status: 'draft' }),
  })
  expect(draft.status).toBe(200)
}, 180_000)

describe('npm run export / npm run import', () => {
  it('moves every document, draft and file into a fresh database: same documents, same file hashes', async () => {
    const exported = run('export', source.env, archive, '--with-passwords')
    expect(exported).toMatchObject({ status: 0 })
    const imported = run('import', { ...target.env, SEED_ON_START: 'false' }, archive)
    expect(imported).toMatchObject({ status: 0 })

    const targetServer = await own.start(target.env)
    const before = await contentAsAdmin(sourceServer.baseUrl, ADMIN)
    const after = await contentAsAdmin(targetServer.baseUrl, ADMIN)
    expect((before['articles?draft=true&sort=slug'] as { totalDocs: number }).totalDocs).toBeGreaterThan(3)
    expect(JSON.stringify(before)).toContain('A pending edit, not yet published.')
    expect(after).toEqual(before)
    expect(await siteFiles(locationsOf(target.env))).toEqual(await siteFiles(locationsOf(source.env)))
  }, 240_000)

  it('refuses to import into a database that already has content', async () => {
    const again = run('import', target.env, archive)
    expect(again.status).toBe(1)
    expect(again.output).toContain('The target database already has content')
  }, 120_000)
})
