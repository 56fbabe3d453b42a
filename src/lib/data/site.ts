import { cache } from 'react'

import { toSiteIdentity, type SiteIdentity } from '@/lib/site'
import { getPayloadClient } from './payload'

/**
 * Site settings as an anonymous reader sees them (the logo populated). Once per request: the
 * layout, the page and their metadata all ask. Whatever shows it is tagged `site`.
 */
export const getSiteIdentity: () => Promise<SiteIdentity> = cache(async () => {
  const payload = await getPayloadClient()
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 1, overrideAccess: false })
  return toSiteIdentity(settings)
})
