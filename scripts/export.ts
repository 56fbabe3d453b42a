/**
 * `npm run export -- [<archive>] [--with-passwords]`: all content of the database DATABASE_URI
 * names (SQLite or MongoDB) into one .tar.gz: licenses, accounts (no password hashes unless
 * --with-passwords), images with their original files, articles with their newest drafts, site settings.
 */
import path from 'node:path'

import { getPayload } from 'payload'

import config from '../payload.config'
import { getSettings } from '../src/config/settings'
import { databaseNotice, databaseSource, emptySourceWarning } from '../src/ops/databaseNotice'
import { exportContent } from '../src/ops/transfer/exportContent'
import { runCommand } from './lib/runCommand'

await runCommand(async () => {
  const args = process.argv.slice(2)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const archive = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? `backups/publication-export-${stamp}.tar.gz`)
  const source = databaseSource(getSettings())
  console.log(databaseNotice('export', 'reads', source))
  const payload = await getPayload({ config })
  try {
    const content = await exportContent(payload, archive, { withPasswords: args.includes('--with-passwords') })
    const count = (slug: string) => content.collections.find((collection) => collection.slug === slug)?.documents ?? 0
    const warning = emptySourceWarning('export', { articles: count('articles'), media: count('media') }, source)
    if (warning) console.warn(warning)
    const counts = content.collections.map(({ slug, documents }) => `${documents} ${slug}`).join(', ')
    return `exported ${counts} and ${content.globals.length} globals to ${archive}`
  } finally {
    await payload.destroy()
  }
})
