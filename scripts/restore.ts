/**
 * `npm run restore -- <archive> [--force]`: puts a backup back into the configured data locations
 * (DATABASE_URI's file, MEDIA_DIR and its -originals folder). Refuses existing data without --force.
 * Stop the site first.
 */
import path from 'node:path'

import { getSettings } from '../src/config/settings'
import { dataLocations } from '../src/ops/backup/locations'
import { restoreBackup } from '../src/ops/backup/restoreBackup'
import { databaseNotice, databaseSource } from '../src/ops/databaseNotice'
import { runCommand } from './lib/runCommand'

await runCommand(async () => {
  const args = process.argv.slice(2)
  const archive = args.find((arg) => !arg.startsWith('--'))
  if (!archive) throw new Error('Usage: npm run restore -- <archive.tar.gz> [--force]')
  const settings = getSettings()
  console.log(`${databaseNotice('restore', 'writes', databaseSource(settings))}, and the media in ${settings.mediaDir}`)
  const locations = dataLocations(settings)
  const manifest = await restoreBackup(path.resolve(archive), locations, { force: args.includes('--force') })
  return `restored ${manifest.files.length} files from the backup of ${manifest.createdAt} into ${locations.databaseFile} and ${locations.mediaDir}`
})
