/**
 * `npm run import -- <archive>`: an export into the (empty) database DATABASE_URI names, SQLite
 * or MongoDB, and MEDIA_DIR. Run it before the site's first start on the new database.
 */
import path from 'node:path'

import { getPayload } from 'payload'

import config from '../payload.config'
import { getSettings } from '../src/config/settings'
import { databaseNotice, databaseSource } from '../src/ops/databaseNotice'
import { importContent } from '../src/ops/transfer/importContent'
import { runCommand } from './lib/runCommand'

await runCommand(async () => {
  const archive = process.argv.slice(2).find((arg) => !arg.startsWith('--'))
  if (!archive) throw new Error('Usage: npm run import -- <export.tar.gz>')
  const settings = getSettings()
  console.log(`${databaseNotice('import', 'writes', databaseSource(settings))}, and the media in ${settings.mediaDir}`)
  const payload = await getPayload({ config })
  try {
    const report = await importContent(payload, path.resolve(archive))
    return `imported: ${Object.entries(report).map(([slug, { created, matched }]) => `${slug} ${created} created${matched ? `, ${matched} matched` : ''}`).join('; ')}`
  } finally {
    await payload.destroy()
  }
})
