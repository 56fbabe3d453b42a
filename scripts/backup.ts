/**
 * `npm run backup [-- <archive>]`: one .tar.gz of the running (or stopped) site — database
 * snapshot, media, kept originals, manifest with checksums. Default: backups/publication-<time>.tar.gz.
 */
import path from 'node:path'

import { getSettings } from '../src/config/settings'
import { createBackup } from '../src/ops/backup/createBackup'
import { dataLocations } from '../src/ops/backup/locations'
import { databaseNotice, databaseSource, emptySourceWarning } from '../src/ops/databaseNotice'
import { countRows } from '../src/ops/sqlite'
import { runCommand } from './lib/runCommand'

await runCommand(async () => {
  const settings = getSettings()
  const source = databaseSource(settings)
  console.log(`${databaseNotice('backup', 'reads', source)}, and the media in ${settings.mediaDir}`)
  const locations = dataLocations(settings)
  const warning = emptySourceWarning('backup', await countRows(locations.databaseFile, ['articles', 'media']), source)
  if (warning) console.warn(warning)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const archive = path.resolve(process.argv[2] ?? `backups/publication-${stamp}.tar.gz`)
  const manifest = await createBackup(locations, archive)
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0)
  return `backup written: ${archive} (${manifest.files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB before compression)`
})
