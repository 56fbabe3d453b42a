/** `npm run seed`: creates whatever of the starting content is missing (idempotent). */
import { getPayload } from 'payload'

import config from '../payload.config'
import { getSettings } from '../src/config/settings'
import { databaseNotice, databaseSource } from '../src/ops/databaseNotice'
import { seed } from '../src/seed/seed'

console.log(databaseNotice('seed', 'writes', databaseSource(getSettings())))
const payload = await getPayload({ config })
try {
  const report = await seed(payload)
  console.log(`seed: created ${report.licenses} licenses, ${report.media} images, ${report.articles} articles`)
} finally {
  await payload.destroy()
}
