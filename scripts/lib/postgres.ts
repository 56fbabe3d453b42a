import fs from 'node:fs'
import path from 'node:path'

import { freePort } from './serverProcess'
import { giveToUser, makeSharedTempDir, runCommand } from './systemCommand'

export type ThrowawayPostgres = { url: string; dir: string; stop: () => Promise<void> }

const SERVICE_USER = 'postgres'

/** Debian's PostgreSQL binaries (not on PATH); PG_BIN overrides. */
export function findPostgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  const bin = versions.map((version) => path.join(root, version, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'initdb')))
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y --no-install-recommends postgresql (or set PG_BIN)')
  return bin
}

/**
 * A PostgreSQL cluster in a temporary folder, for tests and `npm run cluster`: trust
 * authentication on 127.0.0.1 only, no fsync (the data is thrown away). `url` has no database
 * name: append one; Payload creates a database that does not exist yet.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin()
  const dir = makeSharedTempDir('postgres')
  const dataDir = path.join(dir, 'data')
  await giveToUser(dir, SERVICE_USER)
  const asPostgres = (command: string, args: string[]) => runCommand(path.join(bin, command), args, { asUser: SERVICE_USER, cwd: dir })

  const port = await freePort()
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`
  try {
    await asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'])
    await asPostgres('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', path.join(dir, 'server.log'), '-w', 'start'])
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw error
  }

  let stopped = false
  return {
    url: `postgres://postgres@127.0.0.1:${port}`,
    dir,
    stop: async () => {
      if (stopped) return
      stopped = true
      await asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
