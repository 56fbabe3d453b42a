/**
 * One archive of a running site: an online snapshot of the database, the media and the kept
 * originals as they were just after it, and a manifest with each file's checksum.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { create as createTar } from 'tar'

import { isTemporaryFile } from '@/lib/files/atomicWrite'
import { describeFile, describeFiles, listFiles, mirrorTree, type MirrorWay } from '../files'
import { referencedMediaFiles, snapshotDatabase } from '../sqlite'
import type { DataLocations } from './locations'
import { ARCHIVE, type BackupManifest } from './manifest'

const ATTEMPTS = 3

/**
 * Snapshot first, media second: an upload in between only adds a spare file, a deletion is caught
 * below. A file the snapshot names is complete and only ever replaced by rename, so it is linked;
 * any other may still be being written in place (an upload's original before its row exists), so
 * it is copied as it is, and writes in flight (temporaries) are left out: a link to either would
 * change under the manifest's checksum.
 */
export async function stageBackup(locations: DataLocations, staging: string): Promise<string[]> {
  const database = path.join(staging, ARCHIVE.database)
  await snapshotDatabase(locations.databaseFile, database)
  const referenced = new Set(await referencedMediaFiles(database))
  const mediaWay = (relative: string): MirrorWay => (isTemporaryFile(relative) ? 'skip' : referenced.has(relative) ? 'link' : 'copy')
  await mirrorTree(locations.mediaDir, path.join(staging, ARCHIVE.media), mediaWay)
  // Kept originals and their manifests are only ever written by rename.
  await mirrorTree(locations.originalsDir, path.join(staging, ARCHIVE.originals), (relative) => (isTemporaryFile(relative) ? 'skip' : 'link'))
  const staged = new Set(await listFiles(path.join(staging, ARCHIVE.media)))
  return [...referenced].filter((filename) => !staged.has(filename))
}

export async function createBackup(locations: DataLocations, archivePath: string): Promise<BackupManifest> {
  await fs.mkdir(path.dirname(archivePath), { recursive: true })
  for (let attempt = 1; ; attempt += 1) {
    const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'publication-backup-'))
    try {
      const missing = await stageBackup(locations, staging)
      if (missing.length > 0) {
        // An image deleted between the snapshot and the copy: take both again.
        if (attempt < ATTEMPTS) continue
        throw new Error(`The media changed during the backup ${ATTEMPTS} times; missing: ${missing.join(', ')}. Try again.`)
      }
      const manifest: BackupManifest = {
        format: 'publication-backup',
        version: 1,
        createdAt: new Date().toISOString(),
        files: [
          await describeFile(path.join(staging, ARCHIVE.database), ARCHIVE.database),
          ...(await describeFiles(path.join(staging, ARCHIVE.media), ARCHIVE.media)),
          ...(await describeFiles(path.join(staging, ARCHIVE.originals), ARCHIVE.originals)),
        ],
      }
      await fs.writeFile(path.join(staging, ARCHIVE.manifest), `${JSON.stringify(manifest, null, 2)}\n`)
      const entries = (await fs.readdir(staging)).sort()
      await createTar({ gzip: true, file: archivePath, cwd: staging, portable: true }, entries)
      return manifest
    } finally {
      await fs.rm(staging, { recursive: true, force: true })
    }
  }
}
