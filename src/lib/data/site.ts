import { keptUntilPurged } from '@/lib/cache/keptUntilPurged'
import { cacheTags } from '@/lib/cache/tags'
import { toSiteIdentity, type SiteIdentity } from '@/lib/site'
import { getPayloadClient } from './payload'

/**
 * Site settings as an anonymous reader sees them (the logo populated). Read once per process and
 * kept until the `site` purge (a change to the settings or to the logo's image or license):
 * every page shows it, and whatever shows it is tagged `site`.
 */
export const getSiteIdentity: () => Promise<SiteIdentity> = keptUntilPurged(cacheTags.site, async () => {
  const payload = await getPayloadClient()
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 1, overrideAccess: false })
  return toSiteIdentity(settings)
})
