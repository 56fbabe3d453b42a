/**
 * `npm run search:reindex`: recomputes every article's search text and rebuilds the search
 * index from the published articles (after a bulk import that bypassed Payload, or a change to
 * how text is folded). Works on the database DATABASE_URI names (the site's settings); safe
 * while the site runs: each article's entry is replaced in one statement.
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { redactUri } from '../src/config/database'
import { getSettings } from '../src/config/settings'
import { reindexArticles } from '../src/domain/search/reindex'

const { database } = getSettings()
const where = database.engine === 'sqlite' ? `SQLite ${database.filePath}` : `${database.engine} ${redactUri(database.url)}`
console.log(`search:reindex: rebuilding the search index of ${where}`)
const startedAt = performance.now()
const payload = await getPayload({ config })
try {
  const report = await reindexArticles(payload)
  console.log(`search:reindex: ${report.articles} articles read, ${report.published} published articles indexed in ${Math.round(performance.now() - startedAt)} ms`)
} finally {
  await payload.destroy()
}
