import type { GlobalAfterChangeHook } from 'payload'

import { purgeTags } from '@/lib/cache/purge'
import { cacheTags } from '@/lib/cache/tags'

/** Name, logo, feed and TDM settings show on every public document, all tagged `site`. */
export const purgeSiteAfterChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await purgeTags([cacheTags.site], req.payload.logger)
  return doc
}
