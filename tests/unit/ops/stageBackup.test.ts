import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'

import { stageBackup } from '../../../src/ops/backup/createBackup'
import { ARCHIVE } from '../../../src/ops/backup/manifest'
import type { DataLocations } from '../../../src/ops/backup/locations'

let root: string
let locations: DataLocations
let staging: string

const inode = (file: string) => fs.statSync(file).ino
const write = (dir: string, name: string, text: string) => fs.writeFileSync(path.join(dir, name), text)

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'stage-backup-'))
  locations = { databaseFile: path.join(root, 'site.db'), mediaDir: path.join(root, 'media'), originalsDir: path.join(root, 'media-originals') }
  staging = path.join(root, 'staging')
  for (const dir of [locations.mediaDir, locations.originalsDir, staging]) fs.mkdirSync(dir)
  const client = createClient({ url: `file:${locations.databaseFile}` })
  await client.execute('CREATE TABLE media (id INTEGER PRIMARY KEY, filename TEXT, sizes_card_filename TEXT, file_version TEXT)')
  await client.execute("INSERT INTO media (filename, sizes_card_filename, file_version) VALUES ('photo.jpg', 'photo-card.webp', 'v1')")
  client.close()
  write(locations.mediaDir, 'photo.jpg', 'photo with its credit')
  write(locations.mediaDir, 'photo-card.webp', 'card with its credit')
  write(locations.originalsDir, 'photo.jpg', 'the upload as it came')
})

afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('staging a backup of a site being written to', () => {
  it('links the files the snapshot names, copies the others, and leaves writes in flight out', async () => {
    // An upload's original Payload is still writing in place (no row names it yet), and two atomic writes half done.
    write(locations.mediaDir, 'new-upload.jpg', 'first half')
    write(locations.mediaDir, `photo-card.webp.${randomUUID()}.tmp`, 'half a rewrite')
    write(locations.originalsDir, `new-upload.jpg.${randomUUID()}.tmp`, 'half a kept upload')

    expect(await stageBackup(locations, staging)).toEqual([])

    const staged = (folder: string, name: string) => path.join(staging, folder, name)
    expect(fs.readdirSync(path.join(staging, ARCHIVE.media)).sort()).toEqual(['new-upload.jpg', 'photo-card.webp', 'photo.jpg'])
    expect(fs.readdirSync(path.join(staging, ARCHIVE.originals))).toEqual(['photo.jpg'])
    expect(inode(staged(ARCHIVE.media, 'photo.jpg'))).toBe(inode(path.join(locations.mediaDir, 'photo.jpg')))
    expect(inode(staged(ARCHIVE.originals, 'photo.jpg'))).toBe(inode(path.join(locations.originalsDir, 'photo.jpg')))

    // The upload goes on being written: the staged copy, which the manifest describes, stays as it was.
    fs.appendFileSync(path.join(locations.mediaDir, 'new-upload.jpg'), ' and the second half')
    expect(fs.readFileSync(staged(ARCHIVE.media, 'new-upload.jpg'), 'utf8')).toBe('first half')
  })

  it('names the files the snapshot references but the media folder no longer holds', async () => {
    fs.rmSync(path.join(locations.mediaDir, 'photo-card.webp'))
    expect(await stageBackup(locations, staging)).toEqual(['photo-card.webp'])
  })
})
