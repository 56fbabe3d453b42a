import { toSiteIdentity, type SiteIdentity } from '@/lib/site'
import { getPayloadClient } from './payload'

/** Site settings as an anonymous reader sees them (the logo populated). Tag: `site`. */
export async function getSiteIdentity(): Promise<SiteIdentity> {
  const payload = await getPayloadClient()
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 1, overrideAccess: false })
  return toSiteIdentity(settings)
}
