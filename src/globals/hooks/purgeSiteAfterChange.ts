import type { GlobalAfterChangeHook } from 'payload'

import { tagsForSiteChange } from '@/lib/cache/changeTags'
import { purgeChange } from '@/lib/cache/purge'

/** Name, logo, feed and TDM settings show on every public document, all tagged `site`. */
export const purgeSiteAfterChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await purgeChange(req, tagsForSiteChange())
  return doc
}
