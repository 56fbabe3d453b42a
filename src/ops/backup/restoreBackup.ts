/**
 * Puts a backup archive back: checks every file against the manifest and the database's own
 * integrity in a staging folder first, and only then moves them into place.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import { extract } from 'tar'

import { describeFile, describeFiles, isEmptyOrMissing, moveInto } from '../files'
import { integrityCheck } from '../sqlite'
import type { DataLocations } from './locations'
import { ARCHIVE, compareWithManifest, manifestSchema, type BackupManifest } from './manifest'

/** SQLite's companions: a stale WAL beside a restored file would be replayed into it. */
const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal']

export class RestoreRefused extends Error {}

const targetsOf = (locations: DataLocations) => [
  locations.databaseFile,
  ...SQLITE_SIDE_FILES.map((suffix) => `${locations.databaseFile}${suffix}`),
  locations.mediaDir,
  locations.originalsDir,
]

async function occupied(locations: DataLocations): Promise<string[]> {
  const found: string[] = []
  for (const candidate of targetsOf(locations)) if (!(await isEmptyOrMissing(candidate))) found.push(candidate)
  return found
}

async function readManifest(staging: string): Promise<BackupManifest> {
  const text = await fs.readFile(path.join(staging, ARCHIVE.manifest), 'utf8').catch(() => {
    throw new RestoreRefused(`This archive has no ${ARCHIVE.manifest}: it is not a backup made by npm run backup.`)
  })
  const parsed = manifestSchema.safeParse(JSON.parse(text))
  if (!parsed.success) throw new RestoreRefused(`This archive's ${ARCHIVE.manifest} is not one npm run backup writes (${parsed.error.issues[0]?.message}).`)
  return parsed.data
}

export async function restoreBackup(archivePath: string, locations: DataLocations, { force = false } = {}): Promise<BackupManifest> {
  const inUse = await occupied(locations)
  if (inUse.length > 0 && !force) {
    throw new RestoreRefused(`Refusing to restore over existing data (${inUse.join(', ')}). Stop the site and pass --force to replace it.`)
  }
  // Staged beside the database so the final moves are renames on one file system.
  const dataDir = path.dirname(locations.databaseFile)
  await fs.mkdir(dataDir, { recursive: true })
  const staging = await fs.mkdtemp(path.join(dataDir, '.restore-'))
  try {
    await extract({ file: archivePath, cwd: staging, strict: true })
    const manifest = await readManifest(staging)
    const found = [
      ...(await describeFile(path.join(staging, ARCHIVE.database), ARCHIVE.database).then((file) => [file], () => [])),
      ...(await describeFiles(path.join(staging, ARCHIVE.media), ARCHIVE.media)),
      ...(await describeFiles(path.join(staging, ARCHIVE.originals), ARCHIVE.originals)),
    ]
    const problems = compareWithManifest(manifest.files, found)
    if (problems.length > 0) throw new RestoreRefused(`The archive is damaged: ${problems.slice(0, 10).join('; ')}. Nothing was changed.`)
    const integrity = await integrityCheck(path.join(staging, ARCHIVE.database))
    if (integrity.join() !== 'ok') throw new RestoreRefused(`The database in the archive fails SQLite's integrity check: ${integrity.slice(0, 5).join('; ')}. Nothing was changed.`)

    for (const target of targetsOf(locations)) await fs.rm(target, { recursive: true, force: true })
    await moveInto(path.join(staging, ARCHIVE.database), locations.databaseFile)
    await moveInto(path.join(staging, ARCHIVE.media), locations.mediaDir).catch(ignoreMissing)
    await moveInto(path.join(staging, ARCHIVE.originals), locations.originalsDir).catch(ignoreMissing)
    return manifest
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}

/** A site with no images has no media folders in its backup. */
function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error
}
