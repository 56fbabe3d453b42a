import path from 'node:path'

import { afterAll } from '@jest/globals'

import { loadSettings } from '../../src/config/settings'
import { dataLocations, type DataLocations } from '../../src/ops/backup/locations'
import { describeFiles } from '../../src/ops/files'
import { startServer, stopServer, type RunningServer } from '../../scripts/lib/serverProcess'
import { makeThrowawayEnv, removeDir } from './env'
import { pixelDigest } from './images'

/**
 * For tests that start (and kill, and restart) servers of their own rather than the shared one:
 * throwaway data folders and servers, all stopped and removed after the file.
 */
export function useOwnServers() {
  const servers: RunningServer[] = []
  const dirs: string[] = []
  afterAll(async () => {
    for (const server of servers) await stopServer(server.child)
    for (const dir of dirs) removeDir(dir)
  })
  return {
    throwaway(label: string) {
      const made = makeThrowawayEnv(label)
      dirs.push(made.dir)
      return made
    },
    async start(env: Record<string, string>): Promise<RunningServer> {
      const server = await startServer(env)
      servers.push(server)
      return server
    },
  }
}

/**
 * Every document as an admin reads it (references populated one level, drafts and published
 * states), without what legitimately differs between two copies of a site: ids, the server's
 * address, login sessions, and the dates of records the copy itself wrote (see `without`).
 */
export async function contentAsAdmin(baseUrl: string, admin: { email: string; password: string }): Promise<Record<string, unknown>> {
  const login = await fetch(`${baseUrl}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
  const headers = { Authorization: `JWT ${((await login.json()) as { token: string }).token}` }
  const read = async (path: string, without: string[] = []) => {
    // A manifest validates against the copy's own trust anchors: a copy without the source's
    // signing chain (a secret, never in a backup or export) finds it intact but not Trusted.
    const dropped = ['id', 'sessions', 'validationState', ...without]
    const text = await (await fetch(`${baseUrl}${path}`, { headers })).text()
    return JSON.parse(text.replaceAll(baseUrl, ''), (key, value: unknown) => (dropped.includes(key) ? undefined : value)) as Record<string, unknown>
  }
  const content: Record<string, unknown> = {}
  for (const query of ['articles?draft=true&sort=slug', 'articles?draft=false&sort=slug', 'media?sort=filename', 'licenses?sort=spdxId', 'users?sort=email']) {
    // `updatedAt` is the copy's own bookkeeping: as drafts, an article carries the date its newest
    // version record was written, and an image is stamped again when the copy releases it on
    // publishing or rewrites its files. Creation dates and content must match.
    content[query] = await read(`/api/${query}&limit=1000&depth=1`, ['updatedAt'])
  }
  // A global never saved has no record (and no dates) until a copy saves it.
  // Optional fields left empty read as absent until a copy saves them, then as null.
  const settings = await read('/api/globals/site-settings?depth=0', ['createdAt', 'updatedAt', 'globalType'])
  content.siteSettings = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== null))
  return content
}

/** Where a throwaway site's data lives, as the backup and restore commands see it. */
export const locationsOf = (env: Record<string, string>): DataLocations => dataLocations(loadSettings({ ...env, NODE_ENV: 'production' }))

/** Size and checksum of every served image file and kept original. */
export async function siteFiles(locations: DataLocations) {
  return [...(await describeFiles(locations.mediaDir, 'media')), ...(await describeFiles(locations.originalsDir, 'originals'))]
}

/**
 * Every served image file by name and by its pixels, and every kept original by its bytes: a site
 * that made its own files (an import) signs them with its own Content Credentials, so their
 * bytes differ while the pictures must not.
 */
export async function sitePictures(locations: DataLocations) {
  const media = await Promise.all((await describeFiles(locations.mediaDir, 'media')).map(async (file) => ({ path: file.path, pixels: await pixelDigest(path.join(locations.mediaDir, file.path.slice('media/'.length))) })))
  return [...media, ...(await describeFiles(locations.originalsDir, 'originals'))]
}

/** What a site that signs its own files makes anew: their manifests, and so their bytes' hash (the version in file URLs) and a byte or so of size (a signature's length varies). */
const SIGNED_ANEW = new Set(['contentCredentials', 'fileVersion', 'filesize'])

/** The documents without what a site that signs its own files makes anew. */
export function withoutContentCredentials(content: Record<string, unknown>): unknown {
  const unversioned = JSON.stringify(content).replace(/\?v=[\w-]+/g, '')
  return JSON.parse(unversioned, (key, value: unknown) => (SIGNED_ANEW.has(key) ? undefined : value))
}
