import type { GlobalAfterChangeHook } from 'payload'

import { idOf } from '@/domain/media/license'
import { releaseImage } from '@/domain/media/visibility'
import type { SiteSetting } from '@/payload-types'

/** The chosen logo appears in every page's structured data and the feeds: readers must be able to fetch it. */
export const releaseLogo: GlobalAfterChangeHook = async ({ doc, req }) => {
  const logoId = idOf((doc as SiteSetting).logo)
  if (logoId !== null) await releaseImage(logoId, req)
  return doc
}
