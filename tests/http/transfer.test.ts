import path from 'node:path'

import { beforeAll, describe, expect, it } from '@jest/globals'

import { describeDatabase } from '../../src/config/database'
import { loadSettings } from '../../src/config/settings'
import { prepareNewsroom, runNewsroom } from '../../src/ops/soak/runSoak'
import type { RunningServer } from '../../scripts/lib/serverProcess'
import { runNpmScript } from '../support/npmScript'
import { contentAsAdmin, locationsOf, sitePictures, useOwnServers, withoutContentCredentials } from '../support/ownServers'

const ADMIN = { email: 'transfer-admin@example.com', password: 'a long transfer password' }
const own = useOwnServers()
const source = own.throwaway('transfer-source')
const target = own.throwaway('transfer-target')
const archive = path.join(source.dir, 'export.tar.gz')

const databaseOf = (env: Record<string, string>) => describeDatabase(loadSettings(env).database)

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
  it('moves every document, draft and file into a fresh database: same documents, same pictures', async () => {
    const exported = await runNpmScript('export', source.env, [archive, '--with-passwords'])
    expect(exported).toMatchObject({ status: 0, stdout: expect.stringContaining(`export: reads ${databaseOf(source.env)} (from DATABASE_URI)`) })
    expect(exported.stderr).not.toContain('WARNING')
    const imported = await runNpmScript('import', { ...target.env, SEED_ON_START: 'false' }, [archive])
    expect(imported).toMatchObject({ status: 0, stdout: expect.stringContaining(`import: writes ${databaseOf(target.env)}`) })

    const targetServer = await own.start(target.env)
    const before = await contentAsAdmin(sourceServer.baseUrl, ADMIN)
    const after = await contentAsAdmin(targetServer.baseUrl, ADMIN)
    expect((before['articles?draft=true&sort=slug'] as { totalDocs: number }).totalDocs).toBeGreaterThan(3)
    expect(JSON.stringify(before)).toContain('A pending edit, not yet published.')
    expect(withoutContentCredentials(after)).toEqual(withoutContentCredentials(before))
    expect(await sitePictures(locationsOf(target.env))).toEqual(await sitePictures(locationsOf(source.env)))
  }, 240_000)

  it('refuses to import into a database that already has content', async () => {
    const again = await runNpmScript('import', target.env, [archive])
    expect(again.status).toBe(1)
    expect(again.output).toContain('The target database already has content')
  }, 120_000)

  it('warns, naming the database, when the one it exports holds no content', async () => {
    const empty = own.throwaway('transfer-empty')
    const exported = await runNpmScript('export', empty.env, [path.join(empty.dir, 'empty.tar.gz')])
    expect(exported.status).toBe(0)
    expect(exported.stderr).toContain(`WARNING: ${databaseOf(empty.env)} holds no articles and no images`)
  }, 120_000)
})
