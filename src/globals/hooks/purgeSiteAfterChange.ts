import type { GlobalAfterChangeHook } from 'payload'

import { tagsForSiteChange } from '@/lib/cache/changeTags'
import { purgeTags } from '@/lib/cache/purge'

/** Every public page shows the site settings. */
export const purgeSiteAfterChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await purgeTags(tagsForSiteChange(), req.payload.logger)
  return doc
}
